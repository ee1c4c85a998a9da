import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, ConfigError, channelAuthEnabled } from './config';
import { createLogger } from './logger';
import { openDatabase } from './engine/db';
import { buildDemoStore } from './engine/demo';
import { assembleBot, warmUp } from './bot/assemble';
import { createAdapter } from './adapter';
import { createTurnRunner } from './bot/turnRunner';
import { createServer } from './server';
import { mountDirectLine } from './directline/mountDirectLine';
import { version } from '../package.json';

/** Composition root: config, database, bot, adapter, server, in that order, and nothing else. */
async function start(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);

  if (!fs.existsSync(config.DB_PATH)) createDemoStore(config.DB_PATH, config.DEMO_SEED, logger);
  const db = openDatabase(config.DB_PATH);

  const { engine, bot, staffAuth } = assembleBot({
    db,
    logger,
    nluCacheDir: config.NLU_CACHE_DIR ?? path.join(path.dirname(path.resolve(config.DB_PATH)), 'cache'),
    staff: { ids: config.STAFF_IDS, token: config.STAFF_TOKEN, channelAuth: channelAuthEnabled(config), idleMinutes: config.STAFF_IDLE_MINUTES },
  });
  const adapter = createAdapter(config, logger);
  const runTurn = createTurnRunner({
    run: (context) => bot.run(context),
    logger,
    conversationRate: config.RATE_LIMIT_CONVERSATION_PER_S,
    conversationBurst: config.RATE_LIMIT_CONVERSATION_BURST,
  });
  const app = createServer({
    adapter,
    runTurn,
    healthy: () => engine.ping(),
    logger,
    version,
    maxBodyBytes: config.MAX_BODY_BYTES,
    ipRate: { rate: config.RATE_LIMIT_IP_PER_S, burst: config.RATE_LIMIT_IP_BURST },
    mount: [
      mountDirectLine({
        db,
        logic: runTurn,
        logger,
        maxBodyBytes: config.MAX_BODY_BYTES,
        ipRate: { rate: config.RATE_LIMIT_IP_PER_S, burst: config.RATE_LIMIT_IP_BURST },
        staffSignIn: (token, client) => staffAuth.checkToken(token, `web ${client}`),
      }),
    ],
  });
  const { url } = await app.listen(config.PORT, config.HOST);
  if (!channelAuthEnabled(config)) {
    logger.warn('MicrosoftAppId is empty: /api/messages accepts anonymous requests. Do not expose this endpoint publicly.');
  }
  logger.info({ url, ms: Date.now() - started, db: config.DB_PATH }, `Shopmate listening on ${url}/api/messages`);
  setImmediate(() => warmUp(engine, logger));
  // New orders reach the models without blocking turns: a cheap staleness check, refits only past a
  // threshold, in a worker thread; the current models answer until the new ones are swapped in.
  const refresher = setInterval(() => {
    engine.recommender.refreshInBackgroundIfStale().then(
      (swapped) => swapped && engine.search.refreshStats(),
      (err: unknown) => logger.warn({ err }, 'recommendation refit failed; the current models stay in service'),
    );
  }, 60_000);
  refresher.unref();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal, inFlight: app.inFlight() }, 'shutting down');
    await app.close();
    engine.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** Builds the demo store in a temporary file and renames it, so a crash never leaves half a store. */
function createDemoStore(file: string, seed: number, logger: ReturnType<typeof createLogger>): void {
  const building = `${file}.building`;
  for (const f of [building, `${building}-wal`, `${building}-shm`]) fs.rmSync(f, { force: true });
  logger.info({ file, seed }, 'no database yet: building the demo store (first start only)');
  const db = openDatabase(building);
  const summary = buildDemoStore(db, { seed, onProgress: (message) => logger.info(`demo store: ${message}`) });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  fs.renameSync(building, file);
  logger.info({ summary }, 'demo store ready');
}

start().catch((err) => {
  const message = err instanceof ConfigError ? err.message : `failed to start: ${(err as Error).stack ?? err}`;
  process.stderr.write(`shopmate: ${message}\n`);
  process.exit(1);
});
