import { Matrix } from 'ml-matrix';
import { dot, invertOrUndefined, weightedCross, weightedXty, type Design } from './design';
import { tCritical } from './studentT';

export interface PoissonFit {
  coef: number[];
  /** Heteroskedasticity-robust (sandwich) standard errors: valid under over-dispersion. */
  se: number[];
  df: number;
  tCrit: number;
  iterations: number;
  /** 1 - deviance / null deviance. */
  pseudoR2: number;
}

/**
 * Poisson pseudo-maximum-likelihood: E[y] = exp(X b), fitted by iteratively reweighted least squares.
 * It is the log-linear (log-log when X holds ln p) demand model estimated without taking the log of
 * y, so weeks with zero or few sales count as they are instead of being dropped or distorted
 * (Santos Silva & Tenreyro 2006). Undefined when X'WX is singular or IRLS does not converge.
 */
export function poissonRegression(d: Design, y: number[], level = 0.95, maxIterations = 60): PoissonFit | undefined {
  const n = d.rows.length;
  if (n <= d.p || d.p === 0) return undefined;
  const meanY = y.reduce((s, v) => s + v, 0) / n;
  if (!(meanY > 0)) return undefined;
  let beta = new Array<number>(d.p).fill(0);
  beta[0] = Math.log(meanY); // column 0 is the intercept
  let mu = y.map(() => meanY);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const z = d.rows.map((row, i) => dot(row, beta) + (y[i] - mu[i]) / mu[i]);
    const inv = invertOrUndefined(weightedCross(d, mu));
    if (!inv) return undefined;
    const next = inv.mmul(Matrix.columnVector(weightedXty(d, mu, z))).to1DArray();
    if (!next.every(Number.isFinite)) return undefined;
    const change = Math.max(...next.map((b, j) => Math.abs(b - beta[j])));
    beta = next;
    mu = d.rows.map((row) => Math.min(Math.exp(dot(row, beta)), 1e300));
    if (change < 1e-8) break;
  }
  if (iterations === maxIterations) return undefined;
  const bread = invertOrUndefined(weightedCross(d, mu));
  if (!bread) return undefined;
  const meat = weightedCross(d, mu.map((m, i) => (y[i] - m) ** 2));
  const cov = bread.mmul(meat).mmul(bread);
  const se = beta.map((_, j) => Math.sqrt(Math.max(0, cov.get(j, j))));
  const df = n - d.p;
  return { coef: beta, se, df, tCrit: tCritical(level, df), iterations, pseudoR2: 1 - deviance(y, mu) / deviance(y, y.map(() => meanY)) };
}

function deviance(y: number[], mu: number[]): number {
  return 2 * y.reduce((s, v, i) => s + (v > 0 ? v * Math.log(v / mu[i]) : 0) - (v - mu[i]), 0);
}
