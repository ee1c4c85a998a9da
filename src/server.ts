import restify from 'restify';
import { z } from 'zod';
import type { CloudAdapter, TurnContext } from 'botbuilder';
import type { Logger } from './logger';

/** What the HTTP layer needs; everything is built in src/index.ts and passed in. */
export interface ServerDeps {
  adapter: CloudAdapter;
  runTurn: (context: TurnContext) => Promise<void>;
  healthy: () => boolean;
  logger: Logger;
  version: string;
  maxBodyBytes: number;
  /** Per client IP: requests per second and burst (restify's throttle). */
  ipRate?: { rate: number; burst: number };
  /** Extra routes (Direct Line, the web page) mounted by their own modules. */
  mount?: ((server: restify.Server) => void)[];
}

export interface ShopServer {
  server: restify.Server;
  listen(port: number, host: string): Promise<{ port: number; url: string }>;
  /** Stops accepting connections, waits for turns in flight (up to `graceMs`), then resolves. */
  close(graceMs?: number): Promise<void>;
  inFlight(): number;
}

/** Longest accepted value per field (in UTF-16 units, as zod and String.length count). */
const MAX = { id: 512, name: 512, role: 64, type: 64, channelId: 256, serviceUrl: 2048, conversationType: 64, tenantId: 512, locale: 64, members: 100 };

const id = z.string().min(1).max(MAX.id);
/** A channel account as the connector will echo it back in replies: wrong types there break the reply. */
const account = z.object({ id, name: z.string().max(MAX.name).optional(), role: z.string().max(MAX.role).optional() }).passthrough();
const members = z.array(account).max(MAX.members).optional();

/** How deeply nested a request body may be (card values are a few levels; 20,000 overflows the stack). */
export const MAX_JSON_DEPTH = 64;

/** The minimum an activity needs before the adapter may see it; anything else is a 400. */
export const activityShape = z
  .object({
    type: z.string().min(1).max(MAX.type),
    channelId: z.string().min(1).max(MAX.channelId),
    serviceUrl: z.string().url().max(MAX.serviceUrl).optional(),
    conversation: z
      .object({ id, name: z.string().max(MAX.name).optional(), isGroup: z.boolean().optional(), conversationType: z.string().max(MAX.conversationType).optional(), tenantId: z.string().max(MAX.tenantId).optional() })
      .passthrough(),
    from: account,
    recipient: account.optional(),
    membersAdded: members,
    membersRemoved: members,
    locale: z.string().max(MAX.locale).optional(),
    text: z.string().optional(),
    id: z.string().max(MAX.id).optional(),
    replyToId: z.string().max(MAX.id).optional(),
  })
  .passthrough()
  .refine((a) => a.type !== 'message' || a.serviceUrl !== undefined, { message: 'serviceUrl is required', path: ['serviceUrl'] });

type Fields = Record<string, unknown>;
/** A plain object (what JSON.parse makes), as zod's object type takes it; arrays, dates, maps and promises are not. */
function isObject(v: unknown): v is Fields {
  if (typeof v !== 'object' || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
const isString = (v: unknown, min: number, max: number): v is string => typeof v === 'string' && v.length >= min && v.length <= max;
const isOptionalString = (v: unknown, max: number) => v === undefined || isString(v, 0, max);
const isAccount = (v: unknown) => isObject(v) && isString(v.id, 1, MAX.id) && isOptionalString(v.name, MAX.name) && isOptionalString(v.role, MAX.role);
const areMembers = (v: unknown) => v === undefined || (Array.isArray(v) && v.length <= MAX.members && v.every(isAccount));

/**
 * The same rules as activityShape, checked without zod (which copies the whole activity): true
 * only when activityShape accepts `a` too. Most activities pass here; zod then only has to explain
 * a rejection. test/server.test.ts holds the two to the same answers.
 */
export function plainlyValidActivity(a: unknown): boolean {
  if (!isObject(a) || !isString(a.type, 1, MAX.type) || !isString(a.channelId, 1, MAX.channelId)) return false;
  // A message needs a serviceUrl to reply to; any serviceUrl must be a URL.
  const url = a.serviceUrl;
  if (url === undefined ? a.type === 'message' : !(isString(url, 0, MAX.serviceUrl) && URL.canParse(url))) return false;
  const c = a.conversation;
  if (!isObject(c) || !isString(c.id, 1, MAX.id) || !isOptionalString(c.name, MAX.name) || !(c.isGroup === undefined || typeof c.isGroup === 'boolean')) return false;
  if (!isOptionalString(c.conversationType, MAX.conversationType) || !isOptionalString(c.tenantId, MAX.tenantId)) return false;
  if (!isAccount(a.from) || !(a.recipient === undefined || isAccount(a.recipient)) || !areMembers(a.membersAdded) || !areMembers(a.membersRemoved)) return false;
  return isOptionalString(a.locale, MAX.locale) && (a.text === undefined || typeof a.text === 'string') && isOptionalString(a.id, MAX.id) && isOptionalString(a.replyToId, MAX.id);
}

/** Depth of a parsed JSON value, without recursion (so a hostile body cannot overflow the stack). */
export function jsonDepth(value: unknown, limit = Infinity): number {
  let deepest = 0;
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (node === null || typeof node !== 'object') continue;
    deepest = Math.max(deepest, depth);
    if (deepest > limit) return deepest;
    for (const child of Object.values(node)) stack.push([child, depth + 1]);
  }
  return deepest;
}

export function createServer(deps: ServerDeps): ShopServer {
  const { adapter, runTurn, logger } = deps;
  const server = restify.createServer({ name: 'shopmate', version: deps.version, handleUncaughtExceptions: false });
  let inFlight = 0;
  let closing = false;

  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.on('restifyError', (req: restify.Request, res: restify.Response, err: Error & { statusCode?: number }, next: () => void) => {
    if ((err.statusCode ?? 500) >= 500) logger.error({ err, url: req.url }, 'request failed');
    next();
  });

  const throttle = deps.ipRate
    ? [restify.plugins.throttle({ rate: deps.ipRate.rate, burst: deps.ipRate.burst, ip: true })]
    : [];

  server.post(
    '/api/messages',
    ...throttle,
    (req, res, next) => {
      if (closing) {
        res.send(503, { error: 'shutting down' });
        return next(false);
      }
      if (!req.is('json')) {
        res.send(415, { error: 'Content-Type must be application/json' });
        return next(false);
      }
      return next();
    },
    restify.plugins.bodyReader({ maxBodySize: deps.maxBodyBytes }),
    restify.plugins.jsonBodyParser({ mapParams: false, bodyReader: true } as restify.plugins.JsonBodyParserOptions),
    async (req: restify.Request, res: restify.Response) => {
      if (jsonDepth(req.body, MAX_JSON_DEPTH) > MAX_JSON_DEPTH) {
        res.send(400, { error: `invalid activity: nested more than ${MAX_JSON_DEPTH} levels deep` });
        return;
      }
      const shape = plainlyValidActivity(req.body) ? undefined : activityShape.safeParse(req.body);
      if (shape && !shape.success) {
        const issue = shape.error.issues[0];
        res.send(400, { error: `invalid activity: ${issue.path.join('.') || 'body'}: ${issue.message}` });
        return;
      }
      inFlight++;
      try {
        await adapter.process(req, res, runTurn);
      } catch (err) {
        logger.warn({ err }, 'activity rejected');
        if (!res.headersSent) res.send(400, { error: 'invalid activity' });
      } finally {
        inFlight--;
      }
    },
  );

  server.get('/healthz', (_req, res, next) => {
    let database = false;
    try {
      database = deps.healthy();
    } catch {
      database = false;
    }
    res.send(database ? 200 : 503, { status: database ? 'ok' : 'degraded', database, version: deps.version });
    return next();
  });

  for (const mount of deps.mount ?? []) mount(server);

  return {
    server,
    inFlight: () => inFlight,
    listen(port, host) {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address();
          resolve({ port: address.port, url: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}` });
        });
      });
    },
    async close(graceMs = 10_000) {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const deadline = Date.now() + graceMs;
      while (inFlight > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      server.server.closeIdleConnections?.();
      await Promise.race([closed, new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())))]);
    },
  };
}
