import { describe, expect, it } from 'vitest';
import { inverse, Matrix } from 'ml-matrix';
import { Ease } from '../../../../src/engine/recommend/models/ease';
import { invertSpd } from '../../../../src/engine/recommend/models/spdInverse';
import { fourCustomers, hist } from '../fixtures';

function randomSpd(n: number, seed: number): Float64Array {
  let s = seed;
  const rand = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const x = Array.from({ length: n }, () => Array.from({ length: n }, () => (rand() < 0.3 ? 1 : 0)));
  const a = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let u = 0; u < n; u++) a[i * n + j] += x[u][i] * x[u][j];
  for (let i = 0; i < n; i++) a[i * n + i] += 5;
  return a;
}

describe('invertSpd', () => {
  it('agrees with ml-matrix, across several partial blocks', () => {
    const n = 45;
    const a = randomSpd(n, 7);
    const expected = inverse(new Matrix(Array.from({ length: n }, (_, i) => Array.from(a.subarray(i * n, (i + 1) * n)))));
    invertSpd(a, n, 8);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) expect(a[i * n + j]).toBeCloseTo(expected.get(i, j), 10);
  });
});

describe('Ease', () => {
  it('scores with B = I - P diag(1/diag P), P = (X\'X + lambda I)^-1, zero diagonal', () => {
    const { ds } = fourCustomers();
    const lambda = 1;
    const m = new Ease({ lambda, maxItems: 10 });
    m.fit(ds);
    // X'X for A..D from the fixture, computed independently with ml-matrix
    const g = new Matrix([
      [3, 2, 2, 0],
      [2, 2, 1, 0],
      [2, 1, 2, 0],
      [0, 0, 0, 1],
    ]).add(Matrix.eye(4).mul(lambda));
    const p = inverse(g);
    const out = new Float32Array(4);
    m.score(hist([1]), out); // bought B: score_j = B[B][j] = -P[B][j] / P[j][j]
    for (const j of [0, 2, 3]) expect(out[j]).toBeCloseTo(-p.get(1, j) / p.get(j, j), 5);
    expect(out[1]).toBe(0);
    expect(out[0]).toBeGreaterThan(out[2]);
  });

  it('leaves items outside its most-bought subset unscored', () => {
    const { ds } = fourCustomers();
    const m = new Ease({ lambda: 1, maxItems: 2 }); // A and B only
    m.fit(ds);
    const out = new Float32Array(4);
    m.score(hist([0]), out);
    expect(out[2]).toBe(0);
    expect(out[1]).toBeGreaterThan(0);
  });
});
