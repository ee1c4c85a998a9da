import fs from 'node:fs';
import path from 'node:path';
import { systemClock, fixedClock } from '../../engine/clock';
import { openDatabase } from '../../engine/db';
import { fromCents, toCents } from '../../engine/money';
import { readCsvSeries } from '../../engine/pricing/csvSeries';
import { estimateElasticity } from '../../engine/pricing/elasticity';
import { pricingConfig, type PricingConfig } from '../../engine/pricing/pricingConfig';
import { recommendPrice } from '../../engine/pricing/recommendPrice';
import { Repricer, type RepriceOutcome } from '../../engine/pricing/repricer';
import { intFlag, parseFlags, printJson, UsageError, type CliIO } from '../io';
import { describeOutcome, outcomeJson } from '../../replies/reprice';

const FLAGS = {
  db: { type: 'string' },
  sku: { type: 'string' },
  category: { type: 'string' },
  apply: { type: 'boolean', default: false },
  undo: { type: 'string' },
  actor: { type: 'string', default: 'cli' },
  csv: { type: 'string' },
  region: { type: 'string' },
  type: { type: 'string' },
  filter: { type: 'string', multiple: true },
  json: { type: 'boolean', default: false },
  'cost-ratio': { type: 'string' },
  'max-step': { type: 'string' },
  'min-margin': { type: 'string' },
  'max-markup': { type: 'string' },
  'min-abs-elasticity': { type: 'string' },
  'ceiling-ratio': { type: 'string' },
  today: { type: 'string' },
} as const;

/**
 * `shopmate reprice --db FILE (--sku X | --category C | X) [--apply] [--json]`
 * `shopmate reprice --db FILE --undo CHANGE_ID`
 * `shopmate reprice --csv FILE [--region R] [--type T] [--filter col=value]…` (a weekly price/volume series)
 */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseFlags(argv, FLAGS);
  const config = configFrom(values);
  if (values.csv) return fromCsv(values.csv, values, pricingConfig(config), io);
  if (!values.db) throw new UsageError('missing --db (or --csv FILE for a price/volume series)');
  if (!fs.existsSync(values.db)) throw new UsageError(`no database at ${values.db}`);
  const target = values.sku ?? values.category ?? positionals[0];
  if (!target && !values.undo) throw new UsageError('missing --sku SKU, --category NAME or --undo CHANGE_ID');
  const writes = values.apply || values.undo !== undefined;
  const db = openDatabase(values.db, { readonly: !writes });
  try {
    const clock = values.today ? fixedClock(values.today) : systemClock;
    const repricer = new Repricer(db, clock, config);
    if (values.undo !== undefined) {
      const undone = repricer.undo(intFlag(values.undo, 'undo', 0), values.actor);
      if (values.json) printJson(io, { undone: undone.changeId, sku: undone.sku, price: fromCents(undone.newCents), was: fromCents(undone.oldCents) });
      else io.out(`undid change ${undone.changeId}: ${undone.sku} back to ${fromCents(undone.newCents).toFixed(2)} (was ${fromCents(undone.oldCents).toFixed(2)})`);
      return 0;
    }
    const resolved = repricer.resolve(target as string);
    if (resolved.kind === 'sku') return skuCommand(repricer, resolved.product.sku, values.apply, values.actor, values.json, io);
    return categoryCommand(repricer, resolved.category, values.apply, values.actor, values.json, io);
  } finally {
    db.close();
  }
}

function skuCommand(repricer: Repricer, sku: string, apply: boolean, actor: string, json: boolean, io: CliIO): number {
  const outcome = repricer.recommend(sku);
  const applied = apply && outcome.ok && outcome.recommendedCents !== outcome.currentCents ? repricer.apply(sku, actor) : undefined;
  if (json) printJson(io, { ...outcomeJson(outcome), ...(apply && { applied: applied ? { change_id: applied.changeId } : null }) });
  else {
    io.out(describeOutcome(outcome));
    if (applied) io.out(`applied as change ${applied.changeId} (undo: shopmate reprice --db … --undo ${applied.changeId})`);
    else if (apply) io.out('nothing applied');
  }
  return 0;
}

function categoryCommand(repricer: Repricer, category: string, apply: boolean, actor: string, json: boolean, io: CliIO): number {
  const result = repricer.recommendCategory(category);
  const applied = apply && result.estimate.ok ? repricer.applyCategory(category, actor) : [];
  const e = result.estimate;
  if (json) {
    printJson(io, {
      category: result.category,
      ...(e.ok ? { elasticity: round(e.elasticity), ci: e.ci.map((v) => round(v)), n: e.n, products_pooled: e.groups } : { refused: e.reason }),
      products: result.products.map(outcomeJson),
      ...(apply && { applied: applied.map((a) => ({ change_id: a.changeId, sku: a.sku, price: fromCents(a.newCents) })) }),
    });
    return 0;
  }
  io.out(e.ok ? `${result.category}: elasticity ${e.elasticity.toFixed(2)} (95% CI ${e.ci[0].toFixed(2)} to ${e.ci[1].toFixed(2)}), ${e.n} product-weeks over ${e.groups} products` : `${result.category}: refused: ${e.reason}`);
  for (const o of result.products) io.out(shortLine(o));
  if (apply) io.out(`applied ${applied.length} changes${applied.length ? `: ${applied.map((a) => a.changeId).join(', ')}` : ''}`);
  return 0;
}

function shortLine(o: RepriceOutcome): string {
  if (!o.ok) return `  ${o.sku.padEnd(12)} refused: ${o.refused}`;
  const units = `${(100 * o.expected.unitsChange).toFixed(1)}% units`;
  return `  ${o.sku.padEnd(12)} ${fromCents(o.currentCents).toFixed(2).padStart(8)} -> ${fromCents(o.recommendedCents).toFixed(2).padStart(8)}  ${o.binding.padEnd(12)} ${units}`;
}

function fromCsv(file: string, values: { region?: string; type?: string; filter?: string[]; json: boolean }, config: PricingConfig, io: CliIO): number {
  if (!fs.existsSync(file)) throw new UsageError(`no file at ${file}`);
  const filters: Record<string, string> = {};
  if (values.region) filters.region = values.region;
  if (values.type) filters.type = values.type;
  for (const f of values.filter ?? []) {
    const [col, ...rest] = f.split('=');
    if (!col || !rest.length) throw new UsageError(`--filter must be column=value, got "${f}"`);
    filters[col] = rest.join('=');
  }
  const series = readCsvSeries(file, { filters });
  const sku = [path.basename(file, '.csv'), ...Object.values(filters)].join(':');
  const estimate = estimateElasticity(series, config.elasticity);
  const caveat = 'prices in an observed market series move with supply and demand; the slope is an association, not a controlled demand curve';
  const period = `${series.dates[0]} .. ${series.dates.at(-1)}, ${series.dates.length} periods (${series.columns.quantity} vs ${series.columns.price})`;
  let outcome: RepriceOutcome;
  if (!estimate.ok) {
    outcome = { ok: false, sku, productId: 0, name: period, refused: estimate.reason, code: estimate.code, elasticity: estimate.elasticity, ci: estimate.ci, n: estimate.n };
  } else {
    const currentCents = toCents(series.price.at(-1) as number);
    const rec = recommendPrice(estimate, { currentCents, costCents: null }, config);
    rec.notes.push(caveat);
    outcome = { ok: true, sku, productId: 0, name: period, pooled: false, ...rec };
  }
  if (values.json) printJson(io, { ...outcomeJson(outcome), source: 'csv', periods: series.dates.length, from: series.dates[0], to: series.dates.at(-1) });
  else io.out(describeOutcome(outcome));
  return 0;
}

function configFrom(values: Record<string, unknown>): Partial<PricingConfig> {
  const num = (name: string) => {
    const v = values[name] as string | undefined;
    if (v === undefined) return undefined;
    const n = Number(v);
    if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got "${v}"`);
    return n;
  };
  const overrides: Partial<PricingConfig> = {};
  const set = <K extends keyof PricingConfig>(key: K, v: PricingConfig[K] | undefined) => v !== undefined && (overrides[key] = v);
  set('assumedCostRatio', num('cost-ratio'));
  set('maxStep', num('max-step'));
  set('minMargin', num('min-margin'));
  set('maxMarkup', num('max-markup'));
  set('minAbsElasticity', num('min-abs-elasticity'));
  set('ceilingRatio', num('ceiling-ratio'));
  try {
    pricingConfig(overrides);
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  return overrides;
}

const round = (v: number, digits = 4) => Number(v.toFixed(digits));
