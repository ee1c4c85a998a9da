import type { ForecastModel } from './types';

/**
 * Bulk orders (one customer buying a year's worth at once) are not repeatable demand: fitted as they
 * are, they drag a model's level up for weeks. Before fitting, each day is capped at the larger of the
 * 95th percentile of the non-zero days and three times their median. Clean series pass unchanged; the
 * forecast errors that bulk orders cause still reach the intervals and the safety stock, which are
 * measured against the raw history.
 */
export function capOutliers(y: readonly number[]): number[] {
  const positive = y.filter((v) => v > 0).sort((a, b) => a - b);
  if (positive.length < 5) return [...y];
  const p95 = positive[Math.floor(0.95 * (positive.length - 1))];
  const median = positive[Math.floor((positive.length - 1) / 2)];
  const cap = Math.max(p95, 3 * median);
  return y.map((v) => (v > cap ? cap : v));
}

/** The same model, fitted on the capped history. */
export function robust(model: ForecastModel): ForecastModel {
  return { name: model.name, forecast: (y, horizon, season) => model.forecast(capOutliers(y), horizon, season) };
}
