import { describe, expect, it } from 'vitest';
import { neighboursFromCooccurrence } from '../../../../src/engine/recommend/models/neighbours';
import { fourCustomers } from '../fixtures';

const A = 0;
const B = 1;
const C = 2;

describe('co-occurrence', () => {
  it('counts customers who bought both items, buyers on the diagonal', () => {
    const { ds } = fourCustomers();
    const c = ds.cooccurrence();
    expect([c[A * 4 + A], c[A * 4 + B], c[A * 4 + C], c[B * 4 + C], c[C * 4 + 3]]).toEqual([3, 2, 2, 1, 0]);
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
