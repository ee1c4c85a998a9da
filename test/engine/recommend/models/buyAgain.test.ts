import { describe, expect, it } from 'vitest';
import { BuyAgain } from '../../../../src/engine/recommend/models/buyAgain';
import { Dataset } from '../../../../src/engine/recommend/dataset';
import { fourCustomers, hist, tinyCatalog, tinyLines } from '../fixtures';

describe('BuyAgain', () => {
  it('ranks the customer\'s own purchases by decayed order counts and nothing else', () => {
    const { ds } = fourCustomers(); // now = day 13
    const m = new BuyAgain({ halfLifeDays: 10, repeatPower: 0, trendPower: 0 });
    m.fit(ds);
    const out = new Float32Array(4);
    m.score(hist([0, 1, 0], [3, 13, 13]), out);
    expect(out[0]).toBeCloseTo(1.5, 6);
    expect(out[1]).toBeCloseTo(1, 6);
    expect(out[2]).toBe(0);
  });
});

describe('BuyAgain with repeat rates', () => {
  it('prefers what buyers come back for over one-off purchases', () => {
    // product 1 is re-bought by both its buyers, product 2 never
    const catalog = tinyCatalog(['Coffee', 'Vase']);
    const lines = tinyLines([
      [1, 1, 1, [1, 2]],
      [2, 1, 2, [1]],
      [3, 2, 1, [1, 2]],
      [4, 2, 2, [1]],
      [5, 3, 1, [2]],
    ]);
    const ds = new Dataset(lines, catalog);
    const plain = new BuyAgain({ halfLifeDays: Infinity, repeatPower: 0, trendPower: 0 });
    const boosted = new BuyAgain({ halfLifeDays: Infinity, repeatPower: 1, trendPower: 0 });
    plain.fit(ds);
    boosted.fit(ds);
    const a = new Float32Array(2);
    const b = new Float32Array(2);
    const h = hist([0, 1]); // a new customer who bought each once
    plain.score(h, a);
    boosted.score(h, b);
    expect(a[0]).toBe(a[1]);
    expect(b[0]).toBeGreaterThan(b[1]);
  });
});

describe('BuyAgain counting orders (infinite half-life)', () => {
  it('ranks by how often, not how lately, and carries the name it is given', () => {
    const { ds } = fourCustomers(); // now = day 13
    const count = new BuyAgain({ halfLifeDays: Infinity, repeatPower: 0, trendPower: 0 }, 'buy_again_count');
    const lately = new BuyAgain({ halfLifeDays: 1, repeatPower: 0, trendPower: 0 });
    count.fit(ds);
    lately.fit(ds);
    expect(count.name).toBe('buy_again_count');
    expect(lately.name).toBe('buy_again');
    // item 0 in three old orders, item 1 once today
    const h = hist([0, 0, 0, 1], [1, 2, 3, 13]);
    const a = new Float32Array(4);
    const b = new Float32Array(4);
    count.score(h, a);
    lately.score(h, b);
    expect(Array.from(a)).toEqual([3, 1, 0, 0]);
    expect(b[1]).toBeGreaterThan(b[0]);
  });
});
