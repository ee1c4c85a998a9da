/**
 * Forecast accuracy measures. Each takes the actual values and the forecast over the same days.
 * MASE is scaled by the in-sample seasonal naive MAE of the training series (Hyndman & Koehler).
 */

/** Mean absolute error of the seasonal naive one-step forecast inside `train`; NaN when undefined. */
export function seasonalNaiveScale(train: readonly number[], season: number): number {
  if (train.length <= season) return Number.NaN;
  let sum = 0;
  for (let t = season; t < train.length; t++) sum += Math.abs(train[t] - train[t - season]);
  return sum / (train.length - season);
}

export function meanAbsoluteError(actual: readonly number[], forecast: readonly number[]): number {
  if (actual.length === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < actual.length; i++) sum += Math.abs(actual[i] - forecast[i]);
  return sum / actual.length;
}

/** Mean absolute scaled error; NaN when the training series has no seasonal naive error to scale by. */
export function mase(actual: readonly number[], forecast: readonly number[], train: readonly number[], season: number): number {
  const scale = seasonalNaiveScale(train, season);
  if (!(scale > 0)) return Number.NaN;
  return meanAbsoluteError(actual, forecast) / scale;
}

/** Symmetric MAPE as a fraction in [0, 2]: mean of 2|a - f| / (|a| + |f|), where 0/0 counts as 0. */
export function smape(actual: readonly number[], forecast: readonly number[]): number {
  if (actual.length === 0) return Number.NaN;
  let sum = 0;
  for (let i = 0; i < actual.length; i++) {
    const denominator = Math.abs(actual[i]) + Math.abs(forecast[i]);
    if (denominator > 0) sum += (2 * Math.abs(actual[i] - forecast[i])) / denominator;
  }
  return sum / actual.length;
}

/** Pools absolute errors and actuals over many series: WAPE = Σ|a - f| / Σ|a|. */
export class WapeAccumulator {
  private absError = 0;
  private absActual = 0;

  add(actual: readonly number[], forecast: readonly number[]): void {
    for (let i = 0; i < actual.length; i++) {
      this.absError += Math.abs(actual[i] - forecast[i]);
      this.absActual += Math.abs(actual[i]);
    }
  }

  value(): number {
    return this.absActual > 0 ? this.absError / this.absActual : Number.NaN;
  }
}

export function wape(actual: readonly number[], forecast: readonly number[]): number {
  const acc = new WapeAccumulator();
  acc.add(actual, forecast);
  return acc.value();
}

/** Mean of the finite values (NaN when there are none). */
export function finiteMean(values: readonly number[]): number {
  const ok = values.filter(Number.isFinite);
  return ok.length ? ok.reduce((a, b) => a + b, 0) / ok.length : Number.NaN;
}
