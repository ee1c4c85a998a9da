import { openDatabase } from '../../engine/db';
import { fromCents, formatMoney } from '../../engine/money';
import { systemClock, type Clock } from '../../engine/clock';
import { buildDemoStore, DEMO_DEFAULTS, type DemoSummary } from '../../engine/demo/generateDemoStore';
import { intFlag, parseFlags, printJson, requireFlag, UsageError, type CliIO } from '../io';

/** `--end YYYY-MM-DD`: the history's last day, included whole. Without it the history runs up to now. */
export function parseEnd(value: string | undefined, clock: Clock = systemClock): Date {
  if (value === undefined) return clock.now();
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59, 999)) : null;
  if (!date || date.toISOString().slice(0, 10) !== value) throw new UsageError(`--end must be a date YYYY-MM-DD, got "${value}"`);
  return date;
}

function describe(file: string, s: DemoSummary): string {
  const n = (x: number) => x.toLocaleString('en-GB');
  return [
    `Demo store written to ${file} (seed ${s.seed}, ${s.start.slice(0, 10)} to ${s.end.slice(0, 10)})`,
    `  ${n(s.products)} products in ${s.categories} categories, ${n(s.customers)} customers`,
    `  ${n(s.orders)} orders, ${n(s.orderLines)} lines, ${n(s.units)} units, ${formatMoney(s.revenueCents)} revenue`,
    `  ${n(s.priceChanges)} price changes, ${s.promotions} promotions (${s.activePromotions} active), ${n(s.redemptions)} redemptions, ${n(s.reviews)} reviews`,
    `  built in ${(s.ms / 1000).toFixed(1)} s`,
  ].join('\n');
}

/** `shopmate demo --db FILE [--seed N] [--end YYYY-MM-DD] [--json]`: builds the demo store into an empty database. */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseFlags(argv, { db: { type: 'string' }, seed: { type: 'string' }, end: { type: 'string' }, json: { type: 'boolean' } }, false);
  const file = requireFlag(values.db, 'db');
  const seed = intFlag(values.seed, 'seed', DEMO_DEFAULTS.seed, 0);
  const end = parseEnd(values.end);
  const db = openDatabase(file);
  try {
    const { n } = db.prepare('SELECT COUNT(*) AS n FROM products').get() as { n: number };
    if (n > 0) throw new UsageError(`${file} already has ${n} products; the demo store needs an empty database`);
    const summary = buildDemoStore(db, { seed, end, onProgress: (message) => io.err(`demo: ${message}`) });
    if (values.json) printJson(io, { ...summary, revenue: fromCents(summary.revenueCents), db: file });
    else io.out(describe(file, summary));
    return 0;
  } finally {
    db.close();
  }
}
