import { describe, expect, it } from 'vitest';
import { Dataset } from '../../../../src/engine/recommend/dataset';
import { Popularity } from '../../../../src/engine/recommend/models/popularity';
import { hist, tinyCatalog, tinyLines } from '../fixtures';

describe('Popularity', () => {
  it('counts orders with a half-life decay from the last purchase', () => {
    const catalog = tinyCatalog(['A', 'B']);
    const lines = tinyLines([
      [1, 1, 0, [1]],
      [2, 2, 7, [1, 2]],
      [3, 3, 7, [2]],
      [4, 3, 7, [2]],
    ]);
    const m = new Popularity({ halfLifeDays: 7, perCustomer: false });
    m.fit(new Dataset(lines, catalog));
    const out = new Float32Array(2);
    m.score(hist([]), out);
    expect(out[0]).toBeCloseTo(1.5, 6);
    expect(out[1]).toBeCloseTo(3, 6);
  });
});

describe('Popularity per customer', () => {
  it('counts a customer once per item, at their latest purchase', () => {
    const catalog = tinyCatalog(['A', 'B']);
    const lines = tinyLines([
      [1, 1, 0, [1]],
      [2, 1, 7, [1]],
      [3, 1, 7, [1]],
      [4, 2, 7, [2]],
      [5, 3, 7, [2]],
    ]);
    const m = new Popularity({ halfLifeDays: 7, perCustomer: true });
    m.fit(new Dataset(lines, catalog));
    const out = new Float32Array(2);
    m.score(hist([]), out);
    expect(out[0]).toBeCloseTo(1, 6); // one customer, three orders
    expect(out[1]).toBeCloseTo(2, 6);
  });
});
