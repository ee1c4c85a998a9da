/**
 * Recommender speed and memory (a script that prints numbers, not a test):
 *   npx tsx bench/recommend.ts [--db /tmp/shopmate/retail9.db] [--queries 1000] [--ease-items N]
 * Prints the refresh (load + fit) time split by model, personalised query p50/p99 after a warm-up
 * (hybrid scoring alone, and the full forCustomer call with live history, filters, diversity,
 * reasons), the background refit (worker thread: wall time, the longest event-loop stall on the
 * main thread meanwhile, queries answered meanwhile), and RSS. The machine is shared: run it twice
 * and read the quieter run.
 * --ease-items N also times EASE alone on the N most-bought items (e.g. the whole catalogue).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/engine/db';
import { Dataset } from '../src/engine/recommend/dataset';
import { quantile } from '../src/engine/recommend/evaluate';
import { Hybrid } from '../src/engine/recommend/hybrid';
import { loadCatalog, loadLines } from '../src/engine/recommend/interactions';
import { Ease } from '../src/engine/recommend/models/ease';
import { buildParts, DEFAULT_PARAMS, HYBRID_PARTS } from '../src/engine/recommend/params';
import { Recommender } from '../src/engine/recommend/recommender';

const { values } = parseArgs({
  options: { db: { type: 'string', default: '/tmp/shopmate/retail9.db' }, queries: { type: 'string', default: '1000' }, 'ease-items': { type: 'string' } },
});
const mb = (bytes: number) => Math.round(bytes / 2 ** 20);
const time = <T>(fn: () => T): [T, number] => {
  const t = performance.now();
  const r = fn();
  return [r, Math.round(performance.now() - t)];
};

const db = openDatabase(values.db!, { readonly: true });
const rssStart = process.memoryUsage().rss;

// The served path first, in a fresh process: refresh, then forCustomer for a spread of customers.
const rec = new Recommender(db);
const [, refreshMs] = time(() => rec.refresh());
const rssServed = process.memoryUsage().rss;
const customerIds = (db.prepare('SELECT DISTINCT customer_id AS id FROM sales WHERE customer_id IS NOT NULL ORDER BY 1').all() as { id: number }[]).map((r) => r.id);
const n = Math.min(Number(values.queries), customerIds.length);
const sample = Array.from({ length: n }, (_, x) => customerIds[Math.floor((x * customerIds.length) / n)]);
for (const id of sample.slice(0, 200)) rec.forCustomer(id, { k: 10 }); // JIT warm-up
const serveUs = sample.map((id) => {
  const t = performance.now();
  rec.forCustomer(id, { k: 10 });
  return (performance.now() - t) * 1000;
});

// The refresh step by step, as Recommender.refresh() does it.
const [lines, loadLinesMs] = time(() => loadLines(db));
const [catalog, loadCatalogMs] = time(() => loadCatalog(db));
const [ds, datasetMs] = time(() => new Dataset(lines, catalog));
const [, coocMs] = time(() => ds.cooccurrence());
const parts = buildParts(DEFAULT_PARAMS);
const fitMs: Record<string, number> = {};
for (const name of HYBRID_PARTS) fitMs[name] = time(() => parts[name].fit(ds))[1];
ds.releaseCache();
const total = loadLinesMs + loadCatalogMs + datasetMs + coocMs + Object.values(fitMs).reduce((a, b) => a + b, 0);

// Hybrid scoring alone (no store reads, filters or reasons) on the bench's own fit.
const hybrid = new Hybrid(HYBRID_PARTS.map((name) => parts[name]), DEFAULT_PARAMS.weights);
const users = Array.from({ length: Math.min(n, ds.nUsers) }, (_, x) => Math.floor((x * ds.nUsers) / Math.min(n, ds.nUsers)));
const out = new Float32Array(ds.nItems);
for (const u of users.slice(0, 200)) hybrid.score(ds.history(u), out, u, { setting: 'all' }); // JIT warm-up
const scoreUs = users.map((u) => {
  const t = performance.now();
  hybrid.score(ds.history(u), out, u, { setting: 'all' });
  return (performance.now() - t) * 1000;
});
const easeFull = values['ease-items'] ? time(() => new Ease({ ...DEFAULT_PARAMS.ease, maxItems: Number(values['ease-items']) }).fit(ds))[1] : undefined;

/** The refit in a worker thread while the main thread keeps answering (what the server's timer does). */
async function backgroundRefit() {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  let answered = 0;
  const chat = setInterval(() => {
    rec.forCustomer(sample[answered % sample.length], { k: 10 });
    answered++;
  }, 2);
  loop.enable();
  const t = performance.now();
  await rec.refreshInBackground();
  const wallMs = Math.round(performance.now() - t);
  loop.disable();
  clearInterval(chat);
  return { wall_ms: wallMs, max_loop_stall_ms: Math.round(loop.max / 1e6), queries_answered_meanwhile: answered, rss_mb_after_swap: mb(process.memoryUsage().rss) };
}

void backgroundRefit().then((background) => {
  console.log(
    JSON.stringify({
      db: values.db,
      lines: lines.length,
      customers: ds.nUsers,
      products: catalog.size,
      load_ms: loadLinesMs + loadCatalogMs,
      dataset_ms: datasetMs,
      cooccurrence_ms: coocMs,
      fit_ms: fitMs,
      refresh_ms_sum: total,
      refresh_ms_recommender: refreshMs,
      hybrid_score_us: { p50: Math.round(quantile(scoreUs, 0.5)), p99: Math.round(quantile(scoreUs, 0.99)) },
      for_customer_us: { p50: Math.round(quantile(serveUs, 0.5)), p99: Math.round(quantile(serveUs, 0.99)) },
      background_refit: background,
      ...(easeFull !== undefined ? { ease_fit_ms: { items: Number(values['ease-items']), ms: easeFull } } : {}),
      rss_mb: { start: mb(rssStart), served: mb(rssServed), end: mb(process.memoryUsage().rss) },
      heap_mb: mb(process.memoryUsage().heapUsed),
    }),
  );
  db.close();
});
