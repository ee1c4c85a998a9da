import { openDatabase } from '../../engine/db';
import { loadCatalog, loadLines } from '../../engine/recommend/interactions';
import { runRecommendEvaluation, type RecommendReport } from '../../engine/recommend/protocol';
import { intFlag, parseFlags, printJson, requireFlag, UsageError, type CliIO } from '../io';

/**
 * `shopmate eval recommend --db FILE [--k 10] [--json] [--no-tune] [--ease-items N] [--keep-reversed]`:
 * the temporal hold-out of DESIGN.md over every recommender and the served hybrid.
 */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    db: { type: 'string' },
    k: { type: 'string' },
    json: { type: 'boolean', default: false },
    'no-tune': { type: 'boolean', default: false },
    'ease-items': { type: 'string' },
    'keep-reversed': { type: 'boolean', default: false },
  });
  if (positionals.length > 0) throw new UsageError(`unexpected argument "${positionals[0]}"`);
  const file = requireFlag(values.db, 'db');
  const k = intFlag(values.k, 'k', 10);
  const easeItems = values['ease-items'] === undefined ? undefined : intFlag(values['ease-items'], 'ease-items', 0);
  const db = openDatabase(file, { readonly: true });
  try {
    const started = performance.now();
    const lines = loadLines(db, { keepReversed: values['keep-reversed'] });
    const catalog = loadCatalog(db);
    const loadMs = performance.now() - started;
    io.err(`loaded ${lines.length.toLocaleString('en')} purchase lines, ${catalog.size.toLocaleString('en')} products in ${loadMs.toFixed(0)} ms`);
    if (lines.length === 0) throw new UsageError(`${file} has no sales with a customer to evaluate`);
    const report = runRecommendEvaluation(lines, catalog, { k, tune: !values['no-tune'], easeItems, log: (m) => io.err(m) });
    const out = { ...report, timing_ms: { ...report.timing_ms, load: Math.round(loadMs) } };
    if (values.json) printJson(io, JSON.parse(JSON.stringify(out, (_key, v) => (v === Infinity ? 'Infinity' : v))));
    else io.out(table(report));
    return 0;
  } finally {
    db.close();
  }
}

function table(r: RecommendReport): string {
  const f = (x: number | undefined) => (x === undefined ? '    -' : x.toFixed(3));
  const rows = Object.entries(r.models).map(
    ([name, m]) =>
      `${name.padEnd(17)} ${f(m.all.ndcg)}  ${f(m.all.hit_rate)}  ${f(m.new?.ndcg)}  ${f(m.new?.hit_rate)}  ${String(m.fit_ms).padStart(7)}  ${String(m.query_us_p50).padStart(6)}  ${String(m.query_us_p99).padStart(6)}`,
  );
  return [
    `k=${r.k}  cutoff ${r.cutoff}  customers: ${r.customers.all} all, ${r.customers.new} new  served: ${r.served}`,
    `model             ndcg   hit    ndcg   hit    (all | new items only)  fit_ms  p50_us  p99_us`,
    ...rows,
  ].join('\n');
}
