import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import type { Readable } from 'node:stream';

/** An outgoing call (a reply to the channel, a token, channel keys) that got no answer in time. */
export class OutboundTimeoutError extends Error {
  readonly code = 'OUTBOUND_TIMEOUT';

  constructor(what: string, readonly timeoutMs: number) {
    super(`${what} did not answer within ${timeoutMs} ms`);
    this.name = 'OutboundTimeoutError';
  }
}

/** True for an OutboundTimeoutError, also when wrapped (as `cause`, or as a DialogContextError's `error`). */
export function isOutboundTimeout(err: unknown): boolean {
  type Wrapped = { code?: unknown; cause?: unknown; error?: unknown } | undefined;
  for (let e = err as Wrapped, depth = 0; e && depth < 5; e = (e.cause ?? e.error) as Wrapped, depth++) {
    if (e.code === 'OUTBOUND_TIMEOUT') return true;
  }
  return false;
}

/** Rejects with an OutboundTimeoutError when `work` has not settled after `ms`. */
export function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OutboundTimeoutError(what, ms)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** The parts of the connector's request (a core-http-compat WebResourceLike) this client reads. */
interface OutgoingRequest {
  url: string;
  method: string;
  headers: { rawHeaders(): Record<string, string> };
  body?: unknown;
  abortSignal?: AbortSignal;
  timeout: number;
}

/** Response headers in the shape the connector's pipeline reads back (HttpHeadersLike). */
class ResponseHeaders {
  private readonly map = new Map<string, { name: string; value: string }>();

  constructor(raw: http.IncomingHttpHeaders = {}) {
    for (const [name, value] of Object.entries(raw)) if (value !== undefined) this.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  set(name: string, value: string | number): void {
    this.map.set(name.toLowerCase(), { name, value: String(value) });
  }
  get(name: string): string | undefined {
    return this.map.get(name.toLowerCase())?.value;
  }
  contains(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }
  remove(name: string): boolean {
    return this.map.delete(name.toLowerCase());
  }
  rawHeaders(): Record<string, string> {
    return this.toJson();
  }
  headersArray() {
    return [...this.map.values()];
  }
  headerNames(): string[] {
    return [...this.map.values()].map((h) => h.name);
  }
  headerValues(): string[] {
    return [...this.map.values()].map((h) => h.value);
  }
  clone(): ResponseHeaders {
    const copy = new ResponseHeaders();
    for (const h of this.map.values()) copy.set(h.name, h.value);
    return copy;
  }
  toJson(options: { preserveCase?: boolean } = {}): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, h] of this.map) out[options.preserveCase ? h.name : key] = h.value;
    return out;
  }
}

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 256 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 256 }),
};

/**
 * The HTTP client under the Bot Framework connector (replies to the channel's serviceUrl, and the
 * token service), with a deadline on every request: a channel that never answers ends the send
 * with an OutboundTimeoutError after `timeoutMs` instead of holding the turn (and the
 * conversation's queue) forever. The timeout error is not retried by the connector's pipeline.
 * Kept-alive sockets; a request on a reused socket the peer had just closed is sent once more.
 */
export function timedHttpClient(timeoutMs: number) {
  return {
    async sendRequest(request: OutgoingRequest) {
      const deadline = request.timeout > 0 ? Math.min(request.timeout, timeoutMs) : timeoutMs;
      try {
        return await sendOnce(request, deadline);
      } catch (e) {
        if ((e as { reusedSocket?: boolean }).reusedSocket && (e as NodeJS.ErrnoException).code === 'ECONNRESET') return sendOnce(request, deadline);
        throw e;
      }
    },
  };
}

function sendOnce(request: OutgoingRequest, timeoutMs: number) {
  return new Promise<{ request: OutgoingRequest; status: number; headers: ResponseHeaders; bodyAsText: string }>((resolve, reject) => {
    const url = new URL(request.url);
    const agent = agents[url.protocol as keyof typeof agents];
    if (!agent) return reject(new Error(`unsupported protocol ${url.protocol}`));
    const body = request.body === undefined || request.body === null ? undefined : typeof request.body === 'string' ? request.body : JSON.stringify(request.body);
    const headers: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(request.headers.rawHeaders())) if (name.toLowerCase() !== 'content-length') headers[name] = value;
    if (body !== undefined) headers['content-length'] = Buffer.byteLength(body);
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request(url, { method: request.method, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      const body = decoded(res);
      body.on('data', (d: Buffer) => chunks.push(d));
      body.on('end', () => {
        clearTimeout(timer);
        const responseHeaders = new ResponseHeaders(res.headers);
        if (body !== res) responseHeaders.remove('content-encoding');
        resolve({ request, status: res.statusCode ?? 0, headers: responseHeaders, bodyAsText: Buffer.concat(chunks).toString('utf8') });
      });
      res.on('error', fail);
      if (body !== res) body.on('error', fail);
    });
    const timer = setTimeout(() => req.destroy(new OutboundTimeoutError(`${request.method} ${url.origin}`, timeoutMs)), timeoutMs);
    const onAbort = () => req.destroy(Object.assign(new Error('The request was aborted'), { name: 'AbortError' }));
    request.abortSignal?.addEventListener('abort', onAbort, { once: true });
    function fail(err: Error) {
      clearTimeout(timer);
      request.abortSignal?.removeEventListener('abort', onAbort);
      reject(Object.assign(err, { reusedSocket: req.reusedSocket }));
    }
    req.on('error', fail);
    req.end(body);
  });
}

/** The response body, decompressed (the connector's pipeline asks for gzip and deflate). */
function decoded(res: http.IncomingMessage): Readable {
  const encoding = String(res.headers['content-encoding'] ?? '').toLowerCase();
  if (encoding === 'gzip') return res.pipe(zlib.createGunzip());
  if (encoding === 'deflate') return res.pipe(zlib.createInflate());
  if (encoding === 'br') return res.pipe(zlib.createBrotliDecompress());
  return res;
}
