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

/** The minimum an activity needs before the adapter may see it; anything else is a 400. */
const activityShape = z
  .object({
    type: z.string().min(1).max(64),
    channelId: z.string().min(1).max(256).optional(),
    serviceUrl: z.string().url().max(2048).optional(),
    conversation: z.object({ id: z.string().min(1).max(512) }).passthrough(),
    from: z.object({ id: z.string().min(1).max(512) }).passthrough().optional(),
    recipient: z.object({ id: z.string().min(1).max(512) }).passthrough().optional(),
    text: z.string().optional(),
    id: z.string().max(512).optional(),
  })
  .passthrough()
  .refine((a) => a.type !== 'message' || a.serviceUrl !== undefined, { message: 'serviceUrl is required', path: ['serviceUrl'] });

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
      const shape = activityShape.safeParse(req.body);
      if (!shape.success) {
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
