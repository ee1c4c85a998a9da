import fs from 'node:fs';
import { fixedClock, type Clock } from '../../engine/clock';
import { openDatabase, type Db } from '../../engine/db';
import { addDays, isDay } from '../../engine/forecast/dates';
import { forecastAll, forecastCategory, forecastSku, lastSaleDay, type DemandForecast } from '../../engine/forecast/forecaster';
import { intFlag, parseFlags, printJson, UsageError, type CliIO } from '../io';

/**
 * `shopmate forecast --db FILE (--sku X | --category C | --all) [--days 28] [--lead-days 7]
 *  [--service-level 0.95] [--today YYYY-MM-DD] [--chart out.png] [--json]`
 * Without --today the forecast starts the day after the last sale in the data (imported data sets end
 * in the past, and a forecast from today's date would only see weeks of zeros).
 */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseFlags(argv, {
    db: { type: 'string' },
    sku: { type: 'string' },
    category: { type: 'string' },
    all: { type: 'boolean', default: false },
    days: { type: 'string' },
    'lead-days': { type: 'string' },
    'service-level': { type: 'string' },
    today: { type: 'string' },
    chart: { type: 'string' },
    json: { type: 'boolean', default: false },
  }, false);
  if (!values.db) throw new UsageError('missing --db');
  if (!fs.existsSync(values.db)) throw new UsageError(`no database at ${values.db}`);
  const targets = [values.sku !== undefined, values.category !== undefined, values.all].filter(Boolean).length;
  if (targets !== 1) throw new UsageError('give exactly one of --sku X, --category C or --all');
  const serviceLevel = values['service-level'] === undefined ? undefined : Number(values['service-level']);
  if (serviceLevel !== undefined && !(serviceLevel > 0 && serviceLevel < 1)) throw new UsageError(`--service-level must be between 0 and 1, got "${values['service-level']}"`);
  if (values.today !== undefined && !isDay(values.today)) throw new UsageError(`--today must be a date YYYY-MM-DD, got "${values.today}"`);
  const db = openDatabase(values.db, { readonly: true });
  try {
    const options = {
      clock: clockFor(db, values.today),
      days: intFlag(values.days, 'days', 28),
      leadDays: intFlag(values['lead-days'], 'lead-days', 7),
      serviceLevel,
    };
    const f = values.all ? forecastAll(db, options) : values.category !== undefined ? forecastCategory(db, values.category, options) : forecastSku(db, values.sku!, options);
    if (values.chart) {
      const { forecastChartPng } = await import('../../replies/charts');
      fs.writeFileSync(values.chart, forecastChartPng(f));
    }
    if (values.json) printJson(io, toJson(f, values.chart));
    else io.out(describe(f, values.chart));
    return 0;
  } catch (e) {
    if ((e as { code?: string }).code === 'not_found') throw new UsageError((e as Error).message);
    throw e;
  } finally {
    db.close();
  }
}

function clockFor(db: Db, today: string | undefined): Clock {
  if (today) return fixedClock(`${today}T00:00:00Z`);
  const last = lastSaleDay(db);
  if (!last) throw new UsageError('the database has no sales to forecast from');
  return fixedClock(`${addDays(last, 1)}T00:00:00Z`);
}

export function toJson(f: DemandForecast, chart?: string) {
  return {
    ...(f.scope === 'sku' ? { sku: f.key } : { [f.scope === 'category' ? 'category' : 'scope']: f.key }),
    name: f.label,
    model: f.model,
    backtest_mase: f.backtestMase,
    seasonal_naive_mase: f.seasonalNaiveMase,
    backtest_windows: f.backtestWindows,
    points: f.points,
    expected_units: f.expectedUnits,
    stock: f.stock,
    stockout_date: f.stockoutDate,
    reorder_point: f.reorderPoint,
    safety_stock: f.safetyStock,
    lead_days: f.leadDays,
    service_level: f.serviceLevel,
    interval_level: f.intervalLevel,
    ...(chart && { chart }),
  };
}

function describe(f: DemandForecast, chart?: string): string {
  const first = f.points[0]?.date ?? '';
  const last = f.points[f.points.length - 1]?.date ?? '';
  const vs = f.backtestMase === null ? 'too little history to backtest' : `backtest MASE ${f.backtestMase} (seasonal naive ${f.seasonalNaiveMase ?? 'n/a'})`;
  const lines = [
    `${f.label}${f.scope === 'sku' ? ` (${f.key})` : ''}: ${f.expectedUnits} units expected ${first} .. ${last}`,
    `model ${f.model}, ${vs}`,
    `stock ${f.stock}; ${f.stockoutDate ? `runs out ${f.stockoutDate}` : `lasts beyond ${last}`}`,
    `reorder point ${f.reorderPoint} (safety stock ${f.safetyStock} for ${Math.round(f.serviceLevel * 100)}% service, ${f.leadDays}-day lead time)`,
    'date        mean     lo     hi',
    ...f.points.map((p) => `${p.date} ${p.mean.toFixed(1).padStart(6)} ${p.lo.toFixed(1).padStart(6)} ${p.hi.toFixed(1).padStart(6)}`),
  ];
  if (chart) lines.push(`chart written to ${chart}`);
  return lines.join('\n');
}
