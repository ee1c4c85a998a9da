import type { Clock } from '../clock';
import { backtest, backtestMase } from './backtest';
import { addDays, toDay } from './dates';
import { predictionIntervals } from './intervals';
import { leadTimeError, leadTimeDemand, safetyStock, stockoutIndex } from './inventory';
import { holtWinters, seasonalNaive, tsb } from './models';
import { defaultModel, SELECTOR_DEFAULTS, selectModel, type Selection, type SelectorOptions } from './selector';
import type { DailySeries } from './series';

export interface ForecastOptions {
  clock: Clock;
  /** Days to forecast, from today (default 28). */
  days?: number;
  /** Days from placing an order to its delivery (default 7). */
  leadDays?: number;
  /** Chance of not running out during a lead time, for the safety stock (default 0.95). */
  serviceLevel?: number;
  /** Coverage of the prediction interval (default 0.8). */
  intervalLevel?: number;
  /** Many products at once (stock alerts): Holt-Winters or TSB only, four windows; about 2 ms a product. */
  quick?: boolean;
}

export interface ForecastPoint {
  date: string;
  mean: number;
  lo: number;
  hi: number;
}

export interface DemandForecast {
  scope: 'sku' | 'category' | 'all';
  /** The SKU, the category name, or 'all'. */
  key: string;
  label: string;
  model: string;
  reason: Selection['reason'] | 'no_sales';
  /** Backtest MASE of the chosen model and of seasonal naive on the same windows (null when too short). */
  backtestMase: number | null;
  seasonalNaiveMase: number | null;
  backtestWindows: number;
  points: ForecastPoint[];
  expectedUnits: number;
  stock: number;
  stockoutDate: string | null;
  leadDays: number;
  serviceLevel: number;
  intervalLevel: number;
  safetyStock: number;
  reorderPoint: number;
  /** The last eight weeks of daily units, for the chart. */
  history: { date: string; units: number }[];
}

export const FORECAST_DEFAULTS = { days: 28, leadDays: 7, serviceLevel: 0.95, intervalLevel: 0.8, season: 7 } as const;

const round = (v: number, digits = 2) => Math.round(v * 10 ** digits) / 10 ** digits;
const finiteOrNull = (v: number) => (Number.isFinite(v) ? round(v, 3) : null);

/** The day forecasts start from: the clock's today; the series ends the day before. */
export const todayOf = (clock: Clock): string => toDay(clock.now());

function quickOptions(y: readonly number[], season: number): SelectorOptions {
  const usual = defaultModel(y, season);
  return { horizon: 28, windows: 4, season, candidates: [holtWinters, tsb], fallback: usual.name === tsb.name ? tsb : holtWinters };
}

/** Forecast, intervals and stock figures for one daily series. */
export function forecastSeries(series: DailySeries, stock: number, o: ForecastOptions, what: Pick<DemandForecast, 'scope' | 'key' | 'label'>): DemandForecast {
  const days = o.days ?? FORECAST_DEFAULTS.days;
  const leadDays = o.leadDays ?? FORECAST_DEFAULTS.leadDays;
  const serviceLevel = o.serviceLevel ?? FORECAST_DEFAULTS.serviceLevel;
  const intervalLevel = o.intervalLevel ?? FORECAST_DEFAULTS.intervalLevel;
  const season = FORECAST_DEFAULTS.season;
  const y = series.values;
  const start = addDays(series.end, 1);
  const horizon = Math.max(days, leadDays);
  const sel = y.length > 0 ? selectModel(y, o.quick ? quickOptions(y, season) : { ...SELECTOR_DEFAULTS, season }) : undefined;
  const full = sel ? sel.model.forecast(y, horizon, season) : new Array<number>(horizon).fill(0);
  const mean = full.slice(0, days);
  const bands = sel ? predictionIntervals(mean, intervalLevel, sel.errors, sel.forecasts, y) : mean.map((): [number, number] => [0, 0]);
  const snaiveWindows = sel && sel.windows > 0 ? backtest(y, seasonalNaive, { ...SELECTOR_DEFAULTS, season }) : [];
  const lead = sel && sel.errors.length ? leadTimeError(sel.errors, leadDays) : leadTimeError([y.slice(-56).map((v) => v - mean[0])], leadDays);
  const safety = safetyStock(lead.sigma, serviceLevel);
  const demand = leadTimeDemand(full, leadDays, lead.bias);
  const out = stockoutIndex(stock, mean);
  return {
    ...what,
    model: sel?.model.name ?? 'none',
    reason: sel?.reason ?? 'no_sales',
    backtestMase: sel ? finiteOrNull(sel.scores[sel.model.name] ?? Number.NaN) : null,
    seasonalNaiveMase: finiteOrNull(backtestMase(y, snaiveWindows, season)),
    backtestWindows: sel?.windows ?? 0,
    points: mean.map((m, i) => ({ date: addDays(start, i), mean: round(m), lo: round(bands[i][0]), hi: round(bands[i][1]) })),
    expectedUnits: round(mean.reduce((a, b) => a + b, 0), 1),
    stock,
    stockoutDate: out === undefined ? null : addDays(start, out),
    leadDays,
    serviceLevel,
    intervalLevel,
    safetyStock: Math.ceil(safety),
    reorderPoint: Math.ceil(demand + safety),
    history: y.slice(-56).map((units, i, tail) => ({ date: addDays(series.end, i - tail.length + 1), units })),
  };
}

