import { describe, expect, it } from 'vitest';
import { ItemKnn } from '../../../../src/engine/recommend/models/itemKnn';
import { Sar } from '../../../../src/engine/recommend/models/sar';
import { neighboursFromCooccurrence } from '../../../../src/engine/recommend/models/neighbours';
import { fourCustomers, hist } from '../fixtures';

const A = 0;
const B = 1;
const C = 2;
const D = 3;

describe('co-occurrence', () => {
  it('counts customers who bought both items, buyers on the diagonal', () => {
    const { ds } = fourCustomers();
    const c = ds.cooccurrence();
    expect([c[A * 4 + A], c[A * 4 + B], c[A * 4 + C], c[B * 4 + C], c[C * 4 + D]]).toEqual([3, 2, 2, 1, 0]);
  });

  it('turns counts into cosine, Jaccard and lift neighbours, best first', () => {
    const { ds } = fourCustomers();
    const cos = neighboursFromCooccurrence(ds.cooccurrence(), 4, 'cosine', 10);
    expect(Array.from(cos.item.subarray(cos.ptr[B], cos.ptr[B + 1]))).toEqual([A, C]);
    expect(cos.sim[cos.ptr[B]]).toBeCloseTo(2 / Math.sqrt(6), 6);
    const jac = neighboursFromCooccurrence(ds.cooccurrence(), 4, 'jaccard', 10);
    expect(jac.sim[jac.ptr[B] + 1]).toBeCloseTo(1 / 3, 6);
    const lift = neighboursFromCooccurrence(ds.cooccurrence(), 4, 'lift', 1);
    expect(lift.sim[lift.ptr[B]]).toBeCloseTo(2 / 6, 6);
    expect(lift.ptr[B + 1] - lift.ptr[B]).toBe(1);
  });
});

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

describe('Sar', () => {
  it('multiplies time-decayed affinity by Jaccard similarity, diagonal included', () => {
    const { ds } = fourCustomers(); // ds.now = day 13
    const m = new Sar({ similarity: 'jaccard', halfLifeDays: 10, neighbours: 10 });
    m.fit(ds);
    const out = new Float32Array(4);
    m.score(hist([B], [3]), out); // 10 days old: affinity 0.5
    expect(out[B]).toBeCloseTo(0.5, 6);
    expect(out[A]).toBeCloseTo(0.5 * (2 / 3), 6);
    expect(out[C]).toBeCloseTo(0.5 * (1 / 3), 6);
    expect(out[D]).toBe(0);
  });
});
