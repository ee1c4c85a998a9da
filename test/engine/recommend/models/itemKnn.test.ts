import { describe, expect, it } from 'vitest';
import { ItemKnn } from '../../../../src/engine/recommend/models/itemKnn';
import { fourCustomers, hist } from '../fixtures';

const A = 0;
const B = 1;
const C = 2;
const D = 3;

describe('ItemKnn', () => {
  it('scores items by summed cosine similarity to what the customer bought', () => {
    const { ds } = fourCustomers();
    const m = new ItemKnn({ similarity: 'cosine', neighbours: 10, halfLifeDays: Infinity });
    m.fit(ds);
    const out = new Float32Array(4);
    m.score(hist([B]), out);
    expect(out[A]).toBeCloseTo(2 / Math.sqrt(6), 6);
    expect(out[C]).toBeCloseTo(0.5, 6);
    expect(out[B]).toBe(0);
    expect(out[D]).toBe(0);
  });

  it('answers "similar to" without the items themselves', () => {
    const { ds } = fourCustomers();
    const m = new ItemKnn({ similarity: 'jaccard', neighbours: 10, halfLifeDays: Infinity });
    m.fit(ds);
    const out = new Float32Array(4);
    m.similar([A], out);
    expect(out[A]).toBe(0);
    expect(out[B]).toBeCloseTo(2 / 3, 6);
    expect(out[D]).toBe(0);
  });
});
