import restify from 'restify';
import { randomBytes } from 'node:crypto';
import type { TurnContext } from 'botbuilder';
import type { Db } from '../engine/db';
import { getMeta } from '../engine/db';
import { systemClock, type Clock } from '../engine/clock';
import { DirectLineRepo } from '../engine/repos/directLine';
import type { Logger } from '../logger';
import { ConversationLog } from './conversationLog';
import { DirectLineAdapter } from './directLineAdapter';
import { DirectLineService } from './directLineService';
import { DirectLineError } from './errors';
import { createTokenService } from './tokens';
import { mountWebPage } from './webPage';

export interface DirectLineDeps {
  db: Db;
  /** The bot's turn logic, e.g. `(context) => bot.run(context)`. */
  logic: (context: TurnContext) => Promise<void>;
  logger: Logger;
  clock?: Clock;
  maxBodyBytes?: number;
  /** Shown on the page and as the bot's name; defaults to meta `store_name`. */
  storeName?: string;
  tokenTtlSeconds?: number;
  /**
   * Checks a staff token typed on the /staff page (constant time, rate-limited per client);
   * without it the staff page cannot sign in.
   */
  staffSignIn?: (token: string, clientKey: string) => boolean;
  /** Per client IP: requests per second and burst. */
  ipRate?: { rate: number; burst: number };
}

const PREFIX = '/v3/directline';

/**
 * Web Chat without Azure: our own Direct Line endpoint (polling), the page that hosts Web Chat,
 * and the token service. `issueToken` is the hook for staff sign-in (role 'staff').
 */
export function createDirectLine(deps: DirectLineDeps) {
  const clock = deps.clock ?? systemClock;
  const storeName = deps.storeName ?? getMeta(deps.db, 'store_name') ?? 'Shopmate';
  const repo = new DirectLineRepo(deps.db);
  const tokens = createTokenService(repo, clock, deps.tokenTtlSeconds);
  const log = new ConversationLog(repo, clock);
  const adapter = new DirectLineAdapter(log, { id: 'shopmate', name: storeName, role: 'bot' }, deps.logger);
  const service = new DirectLineService({ repo, tokens, log, adapter, logic: deps.logic, clock, logger: deps.logger });
  return {
    service,
    adapter,
    tokens,
    /** Tokens for a known user, e.g. `issueToken({ userId: 'staff-ana', role: 'staff' })` after the staff check. */
    issueToken: service.issueToken.bind(service),
    mount(server: restify.Server): void {
      mountRoutes(server, service, deps);
      mountWebPage(server, { storeName });
      mountStaffSignIn(server, service, deps);
    },
  };
}

/** The `mount` entry for createServer: `mount: [mountDirectLine({ db, logic, logger })]`. */
export function mountDirectLine(deps: DirectLineDeps): (server: restify.Server) => void {
  return createDirectLine(deps).mount;
}

type Handler = (req: restify.Request) => unknown | Promise<unknown>;

function mountRoutes(server: restify.Server, service: DirectLineService, deps: DirectLineDeps): void {
  const body = [
    ...throttle(deps),
    restify.plugins.bodyReader({ maxBodySize: deps.maxBodyBytes ?? 256 * 1024 }),
    restify.plugins.jsonBodyParser({ mapParams: false, bodyReader: true } as restify.plugins.JsonBodyParserOptions),
  ];
  const auth = (req: restify.Request) => req.header('authorization') || undefined;
  const id = (req: restify.Request) => String(req.params.conversationId ?? '');
  const json = (req: restify.Request, res: restify.Response, next: restify.Next) => {
    if (req.is('json')) return next();
    res.send(415, { error: { code: 'UnsupportedMediaType', message: 'Content-Type must be application/json' } });
    return next(false);
  };

  server.post('/api/directline/token', ...body, reply(deps.logger, (req) => service.session(auth(req))));
  server.post(`${PREFIX}/tokens/refresh`, ...body, reply(deps.logger, (req) => service.refresh(auth(req))));
  server.post(`${PREFIX}/tokens/generate`, ...body, reply(deps.logger, (req) => service.generate(auth(req))));
  server.post(`${PREFIX}/conversations`, ...body, async (req: restify.Request, res: restify.Response) => {
    await respond(res, deps.logger, async () => {
      const { created, body: conversation } = await service.start(auth(req));
      return [created ? 201 : 200, conversation];
    });
  });
  server.get(`${PREFIX}/conversations/:conversationId`, reply(deps.logger, (req) => service.reconnect(auth(req), id(req))));
  server.post(
    `${PREFIX}/conversations/:conversationId/activities`,
    json,
    ...body,
    reply(deps.logger, (req) => service.post(auth(req), id(req), req.body)),
  );
  server.get(
    `${PREFIX}/conversations/:conversationId/activities`,
    reply(deps.logger, (req) => service.activities(auth(req), id(req), (req.query as Record<string, unknown> | undefined)?.watermark)),
  );
}

function throttle(deps: DirectLineDeps): restify.RequestHandler[] {
  return deps.ipRate ? [restify.plugins.throttle({ rate: deps.ipRate.rate, burst: deps.ipRate.burst, ip: true })] : [];
}

/** POST /api/directline/staff-token {token}: a Direct Line token bound to a new staff id. */
function mountStaffSignIn(server: restify.Server, service: DirectLineService, deps: DirectLineDeps): void {
  server.post(
    '/api/directline/staff-token',
    ...throttle(deps),
    restify.plugins.bodyReader({ maxBodySize: 4096 }),
    restify.plugins.jsonBodyParser({ mapParams: false, bodyReader: true } as restify.plugins.JsonBodyParserOptions),
    async (req: restify.Request, res: restify.Response) => {
      await respond(res, deps.logger, async () => {
        const token = (req.body as { token?: unknown } | undefined)?.token;
        const client = req.connection?.remoteAddress ?? 'unknown';
        if (typeof token !== 'string' || !deps.staffSignIn || !deps.staffSignIn(token, client)) {
          return [401, { error: { code: 'Unauthorized', message: 'that staff token is not valid' } }];
        }
        return [200, service.issueToken({ userId: `staff-${randomBytes(9).toString('base64url')}`, role: 'staff' })];
      });
    },
  );
}

function reply(logger: Logger, handler: Handler) {
  return async (req: restify.Request, res: restify.Response) => {
    await respond(res, logger, async () => [200, await handler(req)]);
  };
}

/** Sends the result, or the Direct Line error shape `{ error: { code, message } }`. */
async function respond(res: restify.Response, logger: Logger, run: () => Promise<[number, unknown]>): Promise<void> {
  res.setHeader('Cache-Control', 'no-store');
  try {
    const [status, body] = await run();
    res.send(status, body);
  } catch (err) {
    if (err instanceof DirectLineError) {
      res.send(err.status, { error: { code: err.code, message: err.message } });
      return;
    }
    logger.error({ err }, 'Direct Line request failed');
    res.send(500, { error: { code: 'ServiceError', message: 'something went wrong on the server' } });
  }
}
