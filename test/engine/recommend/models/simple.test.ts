import { describe, expect, it } from 'vitest';
import { Dataset } from '../../../../src/engine/recommend/dataset';
import { BuyAgain } from '../../../../src/engine/recommend/models/buyAgain';
import { Popularity } from '../../../../src/engine/recommend/models/popularity';
import { UserKnn } from '../../../../src/engine/recommend/models/userKnn';
import { fourCustomers, hist, tinyCatalog, tinyLines } from '../fixtures';

describe('Popularity', () => {
  it('counts orders with a half-life decay from the last purchase', () => {
    const catalog = tinyCatalog(['A', 'B']);
    const lines = tinyLines([
      [1, 1, 0, [1]],
      [2, 2, 7, [1, 2]],
      [3, 3, 7, [2]],
      [4, 3, 7, [2]],
    ]);
    const m = new Popularity({ halfLifeDays: 7 });
    m.fit(new Dataset(lines, catalog));
    const out = new Float32Array(2);
    m.score(hist([]), out);
    expect(out[0]).toBeCloseTo(1.5, 6);
    expect(out[1]).toBeCloseTo(3, 6);
  });
});

describe('BuyAgain', () => {
  it('ranks the customer\'s own purchases by decayed order counts and nothing else', () => {
    const { ds } = fourCustomers(); // now = day 13
    const m = new BuyAgain({ halfLifeDays: 10 });
    m.fit(ds);
    const out = new Float32Array(4);
    m.score(hist([0, 1, 0], [3, 13, 13]), out);
    expect(out[0]).toBeCloseTo(1.5, 6);
    expect(out[1]).toBeCloseTo(1, 6);
    expect(out[2]).toBe(0);
  });
});

describe('UserKnn', () => {
  it('lets the nearest customers (cosine of item sets) vote, never the customer itself', () => {
    const { ds } = fourCustomers();
    const self = ds.userIndex.get(1)!;
    const one = new UserKnn({ neighbours: 1, power: 1, halfLifeDays: Infinity });
    one.fit(ds);
    const out = new Float32Array(4);
    one.score(ds.history(self), out, self); // {A,B}: c2 at 2/sqrt(6), c3 at 1/2
    expect(out[2]).toBeCloseTo(2 / Math.sqrt(6), 6);
    expect(out[3]).toBe(0);
    const two = new UserKnn({ neighbours: 2, power: 1, halfLifeDays: Infinity });
    two.fit(ds);
    two.score(ds.history(self), out, self);
    expect(out[2]).toBeCloseTo(2 / Math.sqrt(6) + 0.5, 6);
    expect(out[1]).toBeCloseTo(2 / Math.sqrt(6), 6);
  });
});
