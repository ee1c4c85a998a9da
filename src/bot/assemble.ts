import { ConversationState, UserState } from 'botbuilder';
import { Engine, type Db } from '../engine';
import { getMeta } from '../engine/db';
import { systemClock, type Clock } from '../engine/clock';
import { createNlu } from '../nlu';
import { SqliteStorage } from '../state/sqliteStorage';
import { MainDialog } from '../../dialogs/mainDialog';
import { ShopBot } from './shopBot';
import type { Logger } from '../logger';

export interface AssembleOptions {
  db: Db;
  logger: Logger;
  clock?: Clock;
  nluCacheDir?: string;
}

/**
 * Engine, state, NLU, dialogs and bot, in that order: the part of the composition shared by the
 * server (src/index.ts) and `shopmate chat`.
 */
export function assembleBot({ db, logger, clock = systemClock, nluCacheDir }: AssembleOptions) {
  const engine = new Engine(db, clock);
  const storage = new SqliteStorage(engine.botState, clock);
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);

  const started = Date.now();
  const nlu = createNlu({ vocabulary: engine.vocabulary(), cacheDir: nluCacheDir, onLog: (msg) => logger.debug(msg) });
  logger.info({ ms: Date.now() - started }, 'language model ready');

  const dialog = new MainDialog({});
  const bot = new ShopBot({
    conversationState,
    userState,
    dialog,
    understand: (text, context) => nlu.analyze(text, context),
    storeName: getMeta(db, 'store_name') ?? 'Shopmate',
    now: () => clock.now(),
  });
  return { engine, nlu, bot, conversationState, userState };
}
