import fs from 'node:fs';
import { openDatabase } from '../../engine/db';
import { evaluateSeries, type Evaluation } from '../../engine/forecast/evaluate';
import { evaluateForecast } from '../../engine/forecast/forecaster';
import { seriesFromCsv } from '../../engine/forecast/csvSeries';
import { intFlag, parseFlags, printJson, progress, UsageError, type CliIO } from '../io';

/**
 * `shopmate eval forecast --db FILE [--horizon 28] [--top 100] [--windows 8] [--step 14] [--json]`
 * `shopmate eval forecast --csv FILE --season 52 [--horizon 13] [--key Store --date Date --value Weekly_Sales]`
 * The second form evaluates the same models on any periodic series in a CSV (one series per key),
 * e.g. the weekly sales of each Walmart store.
 */
export async function run(argv: string[], io: CliIO): Promise<number> {
  const { values } = parseFlags(argv, {
    db: { type: 'string' },
    csv: { type: 'string' },
    horizon: { type: 'string' },
    top: { type: 'string' },
    windows: { type: 'string' },
    step: { type: 'string' },
    season: { type: 'string' },
    key: { type: 'string' },
    date: { type: 'string' },
    value: { type: 'string' },
    json: { type: 'boolean', default: false },
  }, false);
  const file = values.db ?? values.csv;
  if (!file || (values.db && values.csv)) throw new UsageError('eval forecast needs --db FILE or --csv FILE');
  if (!fs.existsSync(file)) throw new UsageError(`no such file: ${file}`);
  const windows = values.windows === undefined ? undefined : intFlag(values.windows, 'windows', 8);
  const step = values.step === undefined ? undefined : intFlag(values.step, 'step', 14);
  const bar = progress(io, 'forecasting');
  const onProgress = (done: number, total: number) => bar.update(done, total);
  const started = performance.now();
  let result: Evaluation & { top?: number; end?: string | null; source?: string };
  if (values.db) {
    const db = openDatabase(values.db, { readonly: true });
    try {
      result = evaluateForecast(db, { horizon: intFlag(values.horizon, 'horizon', 28), top: intFlag(values.top, 'top', 100), windows, step, onProgress });
    } finally {
      db.close();
    }
  } else {
    const season = intFlag(values.season, 'season', 52);
    const series = seriesFromCsv(fs.readFileSync(file, 'utf8'), { key: values.key ?? 'Store', date: values.date ?? 'Date', value: values.value ?? 'Weekly_Sales' });
    const horizon = intFlag(values.horizon, 'horizon', 13);
    result = { ...evaluateSeries([...series.values()], { horizon, season, windows: windows ?? 4, step, onProgress }), source: file };
  }
  const ms = Math.round(performance.now() - started);
  bar.done(`${result.series} series in ${ms} ms`);
  if (values.json) printJson(io, { ...result, ms });
  else io.out(table(result, ms));
  return 0;
}

function table(r: Evaluation, ms: number): string {
  const fmt = (v: number | null) => (v === null ? '   n/a' : v.toFixed(3).padStart(6));
  const rows = Object.entries(r.models).map(([name, s]) => `${name.padEnd(16)} ${fmt(s.mase)} ${fmt(s.smape)} ${fmt(s.wape)} ${String(s.fit_ms).padStart(8)}`);
  const s = r.selected;
  const choices = Object.entries(s.choices).map(([k, v]) => `${k} ${v}`).join(', ');
  return [
    `${r.series} series (${r.skipped} too short), season ${r.season}, last ${r.horizon} periods held out; selector: ${r.windows} backtest windows, origins ${r.step} apart`,
    `${'model'.padEnd(16)} ${'MASE'.padStart(6)} ${'sMAPE'.padStart(6)} ${'WAPE'.padStart(6)} ${'fit ms'.padStart(8)}`,
    ...rows,
    `${'selected'.padEnd(16)} ${fmt(s.mase)} ${fmt(s.smape)} ${fmt(s.wape)} ${String(s.fit_ms).padStart(8)}`,
    `choices: ${choices}; 80% interval coverage ${s.interval_coverage}`,
    `total ${ms} ms`,
  ].join('\n');
}
