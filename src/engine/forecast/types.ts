/** A forecasting method: history in, point forecasts for the next `horizon` periods out. */
export interface ForecastModel {
  readonly name: string;
  /** Forecasts for the `horizon` periods after `y`; never negative; `season` is the period length (7 for daily data). */
  forecast(y: readonly number[], horizon: number, season: number): number[];
  /** Set on combinations: the forecast is the mean of these models' forecasts. */
  readonly members?: readonly ForecastModel[];
}

export const clampNonNegative = (values: number[]): number[] => values.map((v) => (v > 0 && Number.isFinite(v) ? v : 0));

export function mean(values: readonly number[], from = 0, to = values.length): number {
  if (to <= from) return 0;
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i];
  return sum / (to - from);
}

/** The mean of several forecasts of the same length, never negative. */
export function averageForecasts(forecasts: readonly (readonly number[])[], horizon: number): number[] {
  const sum = new Array<number>(horizon).fill(0);
  for (const f of forecasts) for (let i = 0; i < horizon; i++) sum[i] += f[i];
  return clampNonNegative(sum.map((v) => v / Math.max(1, forecasts.length)));
}
