import { describe, expect, it } from 'vitest';
import { UserKnn } from '../../../../src/engine/recommend/models/userKnn';
import { fourCustomers } from '../fixtures';

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
