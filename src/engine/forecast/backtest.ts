import { meanAbsoluteError, seasonalNaiveScale } from './metrics';
import { averageForecasts, type ForecastModel } from './types';

/**
 * Rolling-origin backtest: each model is refitted at several origins, `step` periods apart and ending
 * `horizon` periods before the end of the history, and forecasts the `horizon` periods that follow.
 * Windows whose training part is shorter than `minTrain` are skipped.
 */
export interface BacktestOptions {
  horizon: number;
  windows: number;
  season: number;
  /** Periods between origins (default `horizon`: windows that do not overlap). */
  step?: number;
  minTrain?: number;
}

export interface BacktestWindow {
  /** Index of the first forecast period; the model saw y[0 .. origin). */
  origin: number;
  actual: number[];
  forecast: number[];
}

export const defaultMinTrain = (season: number): number => Math.max(2 * season, 28);

/** Origins, oldest first, for the windows that fit in a series of length n. */
export function backtestOrigins(n: number, o: BacktestOptions): number[] {
  const minTrain = o.minTrain ?? defaultMinTrain(o.season);
  const step = o.step ?? o.horizon;
  const origins: number[] = [];
  for (let k = 0; k < o.windows; k++) {
    const origin = n - o.horizon - k * step;
    if (origin < minTrain) break;
    origins.unshift(origin);
  }
  return origins;
}

/**
 * Backtests several models over the same windows. A combination is averaged from its members'
 * forecasts, each member fitted once per window.
 */
export function backtestModels(y: readonly number[], models: readonly ForecastModel[], o: BacktestOptions): Map<string, BacktestWindow[]> {
  const result = new Map<string, BacktestWindow[]>(models.map((m) => [m.name, []]));
  for (const origin of backtestOrigins(y.length, o)) {
    const train = y.slice(0, origin);
    const actual = y.slice(origin, origin + o.horizon);
    const memo = new Map<string, number[]>();
    const forecastOf = (m: ForecastModel): number[] => {
      let f = memo.get(m.name);
      if (!f) {
        f = m.members ? averageForecasts(m.members.map(forecastOf), o.horizon) : m.forecast(train, o.horizon, o.season);
        memo.set(m.name, f);
      }
      return f;
    };
    for (const m of models) result.get(m.name)!.push({ origin, actual, forecast: forecastOf(m) });
  }
  return result;
}

export function backtest(y: readonly number[], model: ForecastModel, o: BacktestOptions): BacktestWindow[] {
  return backtestModels(y, [model], o).get(model.name)!;
}

/** Each window's mean absolute error, scaled by the in-sample seasonal naive MAE of the whole series. */
export function windowMases(y: readonly number[], windows: readonly BacktestWindow[], season: number): number[] {
  const scale = seasonalNaiveScale(y, season);
  return windows.map((w) => {
    const mae = meanAbsoluteError(w.actual, w.forecast);
    return scale > 0 ? mae / scale : mae === 0 ? 0 : Number.POSITIVE_INFINITY;
  });
}

/**
 * One number per model and series: the mean of its window MASEs (NaN without windows). One scale per
 * series means MASE, WAPE and MAE rank models on a series the same way.
 */
export function backtestMase(y: readonly number[], windows: readonly BacktestWindow[], season: number): number {
  const m = windowMases(y, windows, season);
  return m.length ? m.reduce((a, b) => a + b, 0) / m.length : Number.NaN;
}

/** Forecast errors (actual - forecast) of every window, window by window. */
export const windowErrors = (windows: readonly BacktestWindow[]): number[][] => windows.map((w) => w.actual.map((a, i) => a - w.forecast[i]));
