import { describe, expect, it } from 'vitest';
import { Sar } from '../../../../src/engine/recommend/models/sar';
import { fourCustomers, hist } from '../fixtures';

const A = 0;
const B = 1;
const C = 2;
const D = 3;

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
