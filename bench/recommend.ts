/**
 * Recommender speed and memory (a script that prints numbers, not a test):
 *   npx tsx bench/recommend.ts [--db /tmp/shopmate/retail9.db] [--queries 1000] [--ease-items N]
 * Prints the refresh (load + fit) time split by model, personalised query p50/p99 (hybrid scoring
 * alone and the full forCustomer call with live history, filters, diversity, reasons), and RSS.
 * --ease-items N also times EASE alone on the N most-bought items (e.g. the whole catalogue).
 */
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

// The refresh step by step, as Recommender.refresh() does it.
const [lines, loadLinesMs] = time(() => loadLines(db));
const [catalog, loadCatalogMs] = time(() => loadCatalog(db));
const [ds, datasetMs] = time(() => new Dataset(lines, catalog));
const [, coocMs] = time(() => ds.cooccurrence());
const parts = buildParts(DEFAULT_PARAMS);
const fitMs: Record<string, number> = {};
for (const name of HYBRID_PARTS) fitMs[name] = time(() => parts[name].fit(ds))[1];
const rssFitted = process.memoryUsage().rss;
ds.releaseCache();
const total = loadLinesMs + loadCatalogMs + datasetMs + coocMs + Object.values(fitMs).reduce((a, b) => a + b, 0);

// Queries: hybrid scoring alone, then the whole served call.
const hybrid = new Hybrid(HYBRID_PARTS.map((n) => parts[n]), DEFAULT_PARAMS.weights);
const n = Math.min(Number(values.queries), ds.nUsers);
const users = Array.from({ length: n }, (_, x) => Math.floor((x * ds.nUsers) / n));
const out = new Float32Array(ds.nItems);
const scoreUs = users.map((u) => {
  const t = performance.now();
  hybrid.score(ds.history(u), out, u, { setting: 'all' });
  return (performance.now() - t) * 1000;
});
const rec = new Recommender(db);
const [, refreshMs] = time(() => rec.refresh());
const serveUs = users.map((u) => {
  const t = performance.now();
  rec.forCustomer(ds.userIds[u], { k: 10 });
  return (performance.now() - t) * 1000;
});
const easeFull = values['ease-items'] ? time(() => new Ease({ ...DEFAULT_PARAMS.ease, maxItems: Number(values['ease-items']) }).fit(ds))[1] : undefined;

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
    ...(easeFull !== undefined ? { ease_fit_ms: { items: Number(values['ease-items']), ms: easeFull } } : {}),
    rss_mb: { start: mb(rssStart), fitted: mb(rssFitted), end: mb(process.memoryUsage().rss) },
    heap_mb: mb(process.memoryUsage().heapUsed),
  }),
);
db.close();
