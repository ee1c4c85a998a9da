import { Matrix } from 'ml-matrix';
import { dot, invertOrUndefined, weightedCross, weightedXty, type Design } from './design';
import { tCritical } from './studentT';

export interface OlsFit {
  coef: number[];
  se: number[];
  df: number;
  rss: number;
  r2: number;
  /** Two-sided critical t for `level`. */
  tCrit: number;
}

/**
 * Ordinary least squares y = X b + e with classical standard errors, from the normal equations
 * (X'X)^-1 X'y (ml-matrix for the inverse). Undefined when X'X is singular (a regressor without
 * variation, or collinear columns).
 */
export function ols(d: Design, y: number[], level = 0.95): OlsFit | undefined {
  const n = d.rows.length;
  if (n <= d.p || d.p === 0) return undefined;
  const ones = y.map(() => 1);
  const xtxInv = invertOrUndefined(weightedCross(d, ones));
  if (!xtxInv) return undefined;
  const coef = xtxInv.mmul(Matrix.columnVector(weightedXty(d, ones, y))).to1DArray();
  const rss = d.rows.reduce((s, row, i) => s + (y[i] - dot(row, coef)) ** 2, 0);
  const mean = y.reduce((s, v) => s + v, 0) / n;
  const tss = y.reduce((s, v) => s + (v - mean) ** 2, 0);
  const df = n - d.p;
  const sigma2 = rss / df;
  const se = coef.map((_, j) => Math.sqrt(Math.max(0, sigma2 * xtxInv.get(j, j))));
  if (!se.every(Number.isFinite)) return undefined;
  return { coef, se, df, rss, r2: tss > 0 ? 1 - rss / tss : 0, tCrit: tCritical(level, df) };
}
