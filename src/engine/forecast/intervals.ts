import { probit } from 'simple-statistics';

/**
 * Prediction intervals for daily demand. Demand is counts, and its spread grows with its level, so the
 * variance is taken as proportional to the forecast: Var = φ × mean, with the dispersion φ = Σ e² / Σ f
 * measured on the backtest (errors e, forecasts f). Pooling additive errors instead would give a quiet
 * Saturday the same band as a busy Monday, and a band from old, lower forecasts to a grown item.
 * Bands are normal approximations, cut at zero; with no backtest the spread of the last eight weeks is used.
 */
export function dispersion(errors: readonly (readonly number[])[], forecasts: readonly (readonly number[])[]): number | undefined {
  let squares = 0;
  let level = 0;
  let n = 0;
  errors.forEach((w, i) =>
    w.forEach((e, j) => {
      squares += e * e;
      level += forecasts[i][j];
      n++;
    }),
  );
  return n >= 10 && level > 0 ? squares / level : undefined;
}

export function predictionIntervals(mean: readonly number[], level: number, errors: readonly (readonly number[])[], forecasts: readonly (readonly number[])[], history: readonly number[]): [number, number][] {
  const z = probit((1 + level) / 2);
  const phi = dispersion(errors, forecasts);
  if (phi !== undefined) {
    return mean.map((m) => {
      const sd = Math.sqrt(phi * m);
      return [Math.max(0, m - z * sd), m + z * sd];
    });
  }
  const tail = history.slice(-56);
  const avg = tail.reduce((a, b) => a + b, 0) / Math.max(1, tail.length);
  const sd = Math.sqrt(tail.reduce((a, b) => a + (b - avg) ** 2, 0) / Math.max(1, tail.length - 1));
  return mean.map((m) => [Math.max(0, m - z * sd), m + z * sd]);
}
