import { Engine, type Db } from '../engine';
import { getMeta } from '../engine/db';
import { systemClock, type Clock } from '../engine/clock';
import { createNlu } from '../nlu';
import { SqliteStorage } from '../state/sqliteStorage';
import { JsonConversationState, JsonUserState } from '../state/jsonState';
import { GroupCommit } from '../engine/groupCommit';
import { StaffAuth } from '../auth/staffAuth';
import { MainDialog } from '../../dialogs/mainDialog';
import { StaffDialog } from '../../dialogs/staff/staffDialog';
import { STAFF_COMMAND_DIALOGS } from '../../dialogs/staff';
import { ShopBot } from './shopBot';
import type { ShopServices } from './services';
import type { ShopSession } from './session';
import type { Logger } from '../logger';

export interface AssembleOptions {
  db: Db;
  logger: Logger;
  clock?: Clock;
  nluCacheDir?: string;
  staff?: { ids: string[]; token: string; channelAuth: boolean; idleMinutes: number };
}

/**
 * Engine, state, NLU, dialogs and bot, in that order: the part of the composition shared by the
 * server (src/index.ts) and `shopmate chat`.
 */
export function assembleBot({ db, logger, clock = systemClock, nluCacheDir, staff }: AssembleOptions) {
  const engine = new Engine(db, clock);
  // A turn's state and transcript are written in one commit.
  const commits = new GroupCommit(db);
  const storage = new SqliteStorage(engine.botState, clock, commits);
  const conversationState = new JsonConversationState(storage);
  const userState = new JsonUserState(storage);

  const started = Date.now();
  const nlu = createNlu({ vocabulary: engine.vocabulary(), cacheDir: nluCacheDir, onLog: (msg: string) => logger.debug(msg) });
  logger.info({ ms: Date.now() - started }, 'language model ready');

  const services: ShopServices = {
    engine,
    session: conversationState.createProperty<ShopSession>('shopping'),
    recommendations: engine.recommender,
    offers: engine.promotions,
    sentiment: (text) => nlu.analyze(text).sentiment,
  };
  const auth = new StaffAuth({
    staffIds: staff?.ids ?? [],
    token: staff?.token ?? '',
    channelAuth: staff?.channelAuth ?? false,
    idleMinutes: staff?.idleMinutes ?? 30,
    clock,
  });
  const bot = new ShopBot({
    conversationState,
    userState,
    dialog: new MainDialog(services),
    understand: (text, context) => nlu.analyze(text, context),
    storeName: getMeta(db, 'store_name') ?? 'Shopmate',
    transcripts: { recordAll: (lines) => commits.run(() => engine.support.recordAll(lines)) },
    staff: {
      auth,
      dialog: new StaffDialog(services, STAFF_COMMAND_DIALOGS),
      audit: (actor, action, detail, result) => engine.audit.record(clock.now().toISOString(), actor, action, detail, result),
    },
    now: () => clock.now(),
  });
  return { engine, nlu, bot, conversationState, userState, services, staffAuth: auth };
}

const SEGMENTS_DELAY_MS = 3_000;

/**
 * Work that makes the first turns fast but need not delay start-up: catalogue statistics, the
 * search index, recommendation models, segments. Run after the server listens.
 */
export function warmUp(engine: Engine, logger: Logger): void {
  const timed = (what: string, fn: () => void, ifFailed = 'it will be retried on demand') => {
    const t = Date.now();
    try {
      fn();
      logger.info({ ms: Date.now() - t }, `${what} ready`);
    } catch (err) {
      logger.warn({ err }, `${what} failed; ${ifFailed}`);
    }
  };
  timed('catalogue statistics', () => engine.search.refreshStats());
  timed('search index', () => engine.search.compactIndex(), 'searches work as before, only a little slower');
  // The models take seconds to fit on a large store: a worker fits them while the bot already answers.
  const t = Date.now();
  engine.recommender.refreshInBackground().then(
    () => logger.info({ ms: Date.now() - t }, 'recommendation models ready'),
    (err: unknown) => logger.warn({ err }, 'recommendation models failed; they will be fitted on demand'),
  );
  // Segments are only needed by deals and staff commands: computed a little later, so the first
  // requests after start are not queued behind them.
  setTimeout(() => timed('customer segments', () => engine.segments.current()), SEGMENTS_DELAY_MS).unref();
}
