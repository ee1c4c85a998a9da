/**
 * Crash safety: start the real server, let shoppers place orders and leave feedback over the real
 * protocol, SIGKILL the process at a random moment, then check the database file: integrity,
 * foreign keys, and every order and feedback the bot had confirmed to a shopper is there.
 *   npx tsx bench/crashTrials.ts [--trials 100] [--lanes 2] [--seed N] [--workers 6]
 * test/e2e/crash.test.ts runs the same trials, fewer of them.
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/engine/db';
import { ProductRepo } from '../src/engine/repos/products';
import { CallbackChannel } from './channel';
import { startChildServer, type ChildServer } from './childServer';
import { sendTurn, type Target } from './load';
import { confirmedShopping, type Confirmed } from './crashShopper';

export interface TrialResult {
  lane: number;
  trial: number;
  killedAfterMs: number;
  confirmedOrders: number;
  confirmedFeedback: number;
  /** Confirmed to the shopper but absent (or without lines) after the crash. */
  missingOrders: string[];
  missingFeedback: string[];
  integrity: string;
  foreignKeyErrors: number;
  /** Orders with no lines at all: a half-written checkout. */
  ordersWithoutLines: number;
  /** Replies that were not what the script expected (other than the connection dropping). */
  unexpected: string[];
}

export interface CrashTrialsOptions {
  trials: number;
  /** Independent sequences of trials, each on its own database, run side by side. */
  lanes?: number;
  /** Concurrent shoppers per trial. */
  workers?: number;
  /** The kill comes uniformly between these many ms after the trial's first confirmed order or feedback. */
  killWindowMs?: [number, number];
  seed?: number;
  dir?: string;
  log?: (line: string) => void;
}

export interface CrashReport {
  seed: number;
  trials: TrialResult[];
  /** After the last kill, each lane's server restarted, answered /healthz and served a turn. */
  restartedOk: boolean;
}

/** A small seeded PRNG (mulberry32) so a failing run can be replayed with its seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function runCrashTrials(options: CrashTrialsOptions): Promise<CrashReport> {
  const seed = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const random = seeded(seed);
  const lanes = Math.max(1, Math.min(options.lanes ?? 2, options.trials));
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'shopmate-crash-'));
  const channel = await CallbackChannel.start();
  const log = options.log ?? (() => undefined);
  try {
    const perLane = Array.from({ length: lanes }, (_, l) => Math.floor(options.trials / lanes) + (l < options.trials % lanes ? 1 : 0));
    const results = await Promise.all(
      perLane.map(async (count, lane) => {
        const dbFile = path.join(dir, `lane-${lane}.db`);
        const products = createStore(dbFile);
        const out: TrialResult[] = [];
        for (let trial = 0; trial < count; trial++) {
          const killAfter = pick(random, options.killWindowMs ?? [150, 1500]);
          const r = await runTrial({ lane, trial, dbFile, products, channel, killAfter, workers: options.workers ?? 6 });
          log(`lane ${lane} trial ${trial}: killed after ${r.killedAfterMs} ms; confirmed ${r.confirmedOrders} orders, ${r.confirmedFeedback} feedback; ` +
            `missing ${r.missingOrders.length + r.missingFeedback.length}; integrity ${r.integrity}${r.unexpected.length ? `; unexpected: ${r.unexpected.join(' | ')}` : ''}`);
          out.push(r);
        }
        return { out, restarted: await restartServes(dbFile, channel, products[0]) };
      }),
    );
    return { seed, trials: results.flatMap((r) => r.out), restartedOk: results.every((r) => r.restarted) };
  } finally {
    await channel.close();
    if (!options.dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** How long a trial waits for its first confirmation before it kills the server anyway. */
const FIRST_CONFIRMATION_WAIT_MS = 30_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const pick = (random: () => number, [lo, hi]: [number, number]) => Math.round(lo + random() * (hi - lo));

/** An empty store with a few products in deep stock, so no order fails for want of stock. */
function createStore(dbFile: string): number[] {
  const db = openDatabase(dbFile);
  const repo = new ProductRepo(db);
  const ids = ['Red enamel mug', 'Blue enamel mug', 'Grey wool scarf', 'Yoga mat'].map((name, i) =>
    repo.insert({ sku: `CRASH-${i}`, name, category: 'Test', priceCents: 500 + i * 250, stock: 10_000_000, createdAt: '2025-01-01T00:00:00.000Z' }),
  );
  db.close();
  return ids;
}

async function runTrial(t: { lane: number; trial: number; dbFile: string; products: number[]; channel: CallbackChannel; killAfter: number; workers: number }): Promise<TrialResult> {
  const server = await startChildServer('src/index.ts', { DB_PATH: t.dbFile, LOG_LEVEL: 'error' });
  const target: Target = { url: server.url, channel: t.channel, fallbackProductId: t.products[0], turnTimeoutMs: 10_000 };
  const confirmed: Confirmed = { orders: [], feedback: [], unexpected: [] };
  let killed = false;
  const started = performance.now();
  const shoppers = Array.from({ length: t.workers }, async (_, w) => {
    for (let n = 0; !killed; n++) {
      const id = `crash-l${t.lane}-t${t.trial}-w${w}-n${n}`;
      await confirmedShopping(target, id, t.products[(w + n) % t.products.length], confirmed, () => killed);
    }
  });
  // The kill lands a random time after the trial's first confirmation, so a slow (loaded) machine
  // still crashes the server in the middle of real work rather than before any.
  const firstConfirmed = performance.now() + FIRST_CONFIRMATION_WAIT_MS;
  while (confirmed.orders.length + confirmed.feedback.length === 0 && performance.now() < firstConfirmed) await sleep(20);
  await sleep(t.killAfter);
  killed = true;
  const killedAfterMs = Math.round(performance.now() - started);
  await server.stop('SIGKILL');
  await Promise.all(shoppers);
  return { lane: t.lane, trial: t.trial, killedAfterMs, ...checkStore(t.dbFile, confirmed), unexpected: confirmed.unexpected };
}

/** Opens the file as the next start would (recovering the WAL) and checks what must have survived. */
export function checkStore(dbFile: string, confirmed: Confirmed) {
  const db = new Database(dbFile);
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
    const foreignKeyErrors = (db.pragma('foreign_key_check') as unknown[]).length;
    const order = db.prepare('SELECT (SELECT COUNT(*) FROM order_items i WHERE i.order_id = o.id) AS lines FROM orders o WHERE o.order_no = ?');
    const missingOrders = confirmed.orders.filter((no) => !((order.get(no) as { lines: number } | undefined)?.lines ?? 0));
    const feedback = db.prepare('SELECT COUNT(*) AS n FROM feedback WHERE conversation_id = ?');
    const missingFeedback = confirmed.feedback.filter((c) => (feedback.get(c) as { n: number }).n === 0);
    const ordersWithoutLines = (db.prepare('SELECT COUNT(*) AS n FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_items i WHERE i.order_id = o.id)').get() as { n: number }).n;
    return { confirmedOrders: confirmed.orders.length, confirmedFeedback: confirmed.feedback.length, missingOrders, missingFeedback, integrity, foreignKeyErrors, ordersWithoutLines };
  } finally {
    db.close();
  }
}

/** The server starts again on the crashed file and serves a turn. */
async function restartServes(dbFile: string, channel: CallbackChannel, productId: number): Promise<boolean> {
  let server: ChildServer | undefined;
  try {
    server = await startChildServer('src/index.ts', { DB_PATH: dbFile, LOG_LEVEL: 'error' });
    const turn = await sendTurn({ url: server.url, channel, fallbackProductId: productId }, 'crash-restart', 'crash-restart-user', { text: 'add', value: { action: 'add_to_cart', productId } });
    return !turn.error && /Added/.test(String(turn.replies[0]?.activity.text));
  } catch {
    return false;
  } finally {
    await server?.stop('SIGTERM');
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { trials: { type: 'string', default: '100' }, lanes: { type: 'string', default: '2' }, seed: { type: 'string' }, workers: { type: 'string', default: '6' } } });
  const started = Date.now();
  const report = await runCrashTrials({
    trials: Number(values.trials),
    lanes: Number(values.lanes),
    workers: Number(values.workers),
    seed: values.seed === undefined ? undefined : Number(values.seed),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  const sum = (f: (r: TrialResult) => number) => report.trials.reduce((s, r) => s + f(r), 0);
  const summary = {
    seed: report.seed,
    trials: report.trials.length,
    confirmed_orders: sum((r) => r.confirmedOrders),
    confirmed_feedback: sum((r) => r.confirmedFeedback),
    missing: sum((r) => r.missingOrders.length + r.missingFeedback.length),
    integrity_failures: sum((r) => (r.integrity === 'ok' ? 0 : 1)),
    foreign_key_errors: sum((r) => r.foreignKeyErrors),
    orders_without_lines: report.trials.reduce((m, r) => Math.max(m, r.ordersWithoutLines), 0),
    unexpected_replies: sum((r) => r.unexpected.length),
    restarted_ok: report.restartedOk,
    seconds: Math.round((Date.now() - started) / 1000),
  };
  process.stdout.write(`${JSON.stringify(summary)}\n`);
  const ok = summary.missing === 0 && summary.integrity_failures === 0 && summary.foreign_key_errors === 0 && summary.orders_without_lines === 0 && summary.restarted_ok;
  process.exit(ok ? 0 : 1);
}

if (require.main === module) {
  main().catch((err) => {
    process.stderr.write(`crash trials: ${(err as Error).stack ?? err}\n`);
    process.exit(1);
  });
}
