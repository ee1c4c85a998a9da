import { Matrix, inverse } from 'ml-matrix';

/** One row of a regression design, sparse: fixed-effect dummies make most entries zero. */
export interface SparseRow {
  cols: number[];
  vals: number[];
}

/** A design matrix with `p` columns; column 0 is the intercept. */
export interface Design {
  p: number;
  rows: SparseRow[];
}

/** Dense rows -> sparse design (tests and small problems). */
export function designOf(dense: number[][]): Design {
  return {
    p: dense[0]?.length ?? 0,
    rows: dense.map((x) => {
      const cols: number[] = [];
      const vals: number[] = [];
      x.forEach((v, j) => v !== 0 && (cols.push(j), vals.push(v)));
      return { cols, vals };
    }),
  };
}

export function dot(row: SparseRow, beta: number[]): number {
  let s = 0;
  for (let k = 0; k < row.cols.length; k++) s += row.vals[k] * beta[row.cols[k]];
  return s;
}

/** X' diag(w) X as a dense p x p matrix. */
export function weightedCross(d: Design, w: number[]): Matrix {
  const p = d.p;
  const out = new Float64Array(p * p);
  d.rows.forEach((row, i) => {
    const { cols, vals } = row;
    for (let a = 0; a < cols.length; a++) {
      const wa = w[i] * vals[a];
      for (let b = a; b < cols.length; b++) {
        const [lo, hi] = cols[a] <= cols[b] ? [cols[a], cols[b]] : [cols[b], cols[a]];
        out[lo * p + hi] += wa * vals[b];
      }
    }
  });
  const m = new Matrix(p, p);
  for (let a = 0; a < p; a++) for (let b = a; b < p; b++) m.set(a, b, out[a * p + b]).set(b, a, out[a * p + b]);
  return m;
}

/** X' (w ∘ z). */
export function weightedXty(d: Design, w: number[], z: number[]): number[] {
  const out = new Array<number>(d.p).fill(0);
  d.rows.forEach((row, i) => {
    const wz = w[i] * z[i];
    for (let k = 0; k < row.cols.length; k++) out[row.cols[k]] += row.vals[k] * wz;
  });
  return out;
}

/** The inverse, or undefined when the matrix is (numerically) singular. */
export function invertOrUndefined(m: Matrix): Matrix | undefined {
  try {
    const inv = inverse(m);
    for (let j = 0; j < inv.rows; j++) {
      const v = inv.get(j, j);
      if (!Number.isFinite(v) || Math.abs(v) > 1e12 || v < 0) return undefined;
    }
    return inv;
  } catch {
    return undefined;
  }
}
