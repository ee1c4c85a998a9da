import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type restify from 'restify';
import { packagePath } from '../paths';

const PAGE_DIR = packagePath('src', 'directline', 'page');

/** Web Chat's browser bundle from node_modules (its package exports do not expose dist/, so go via lib/). */
export function webChatBundlePath(): string {
  return path.resolve(path.dirname(require.resolve('botframework-webchat')), '../dist/webchat.js');
}

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  // Web Chat injects its styles at run time (hence 'unsafe-inline' for styles only).
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob: https:; " +
    "media-src 'self' data: blob: https:; connect-src 'self'; font-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
};

interface Asset {
  type: string;
  body: Buffer;
  gzip?: Buffer;
  etag: string;
  cacheControl: string;
}

/** GET / (the shop assistant page) and its assets under /webchat/, all from this process: no CDN. */
export function mountWebPage(server: restify.Server, options: { storeName: string }): void {
  const template = fs
    .readFileSync(path.join(PAGE_DIR, 'index.html'), 'utf8')
    .replaceAll('{{storeName}}', escapeHtml(options.storeName))
    .replaceAll('{{storeInitials}}', escapeHtml(initials(options.storeName)));
  const render = (mode: 'customer' | 'staff', subtitle: string) =>
    asset('text/html; charset=utf-8', Buffer.from(template.replaceAll('{{mode}}', mode).replaceAll('{{subtitle}}', subtitle)), 'no-cache');
  const page = render('customer', 'Your shop assistant: ask for products, deals, your cart or an order.');
  const staffPage = render('staff', 'Staff console: type /help for forecasts, segments, prices and promotions.');
  const css = asset('text/css; charset=utf-8', fs.readFileSync(path.join(PAGE_DIR, 'style.css')), 'no-cache');
  const script = asset('text/javascript; charset=utf-8', fs.readFileSync(path.join(PAGE_DIR, 'main.js')), 'no-cache');
  let bundle: Promise<Asset> | undefined;
  const webChat = () => (bundle ??= loadCompressed(webChatBundlePath()));

  server.get('/', serve(async () => page, SECURITY_HEADERS));
  server.get('/staff', serve(async () => staffPage, SECURITY_HEADERS));
  server.get('/webchat/style.css', serve(async () => css));
  server.get('/webchat/main.js', serve(async () => script));
  server.get('/webchat/webchat.js', serve(webChat));
}

function serve(get: () => Promise<Asset>, extraHeaders: Record<string, string> = {}) {
  return async (req: restify.Request, res: restify.Response) => {
    let a: Asset;
    try {
      a = await get();
    } catch {
      res.send(404, { error: { code: 'NotFound', message: 'asset not available' } });
      return;
    }
    const headers: Record<string, string> = { 'Content-Type': a.type, 'Cache-Control': a.cacheControl, ETag: a.etag, Vary: 'Accept-Encoding', ...extraHeaders };
    if (req.header('if-none-match') === a.etag) {
      res.writeHead(304, headers);
      res.end();
      return;
    }
    const gzip = a.gzip && /\bgzip\b/.test(req.header('accept-encoding') ?? '');
    const body = gzip ? a.gzip! : a.body;
    res.writeHead(200, { ...headers, 'Content-Length': String(body.length), ...(gzip ? { 'Content-Encoding': 'gzip' } : {}) });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

function asset(type: string, body: Buffer, cacheControl: string): Asset {
  return { type, body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`, cacheControl };
}

/** Reads and gzips a large file once (Web Chat's bundle is ~4 MB, ~1 MB gzipped); browsers revalidate it by ETag. */
async function loadCompressed(file: string): Promise<Asset> {
  const body = await fs.promises.readFile(file);
  const gzip = await promisify(zlib.gzip)(body, { level: 6 });
  return { ...asset('text/javascript; charset=utf-8', body, 'no-cache'), gzip };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** "Maple & Moss Home" -> "MM": up to two initials for the logo and the bot's avatar. */
export function initials(name: string): string {
  const letters = name.split(/\s+/).map((w) => w.match(/[\p{L}\p{N}]/u)?.[0] ?? '').filter(Boolean);
  return (letters.slice(0, 2).join('') || 'S').toUpperCase();
}
