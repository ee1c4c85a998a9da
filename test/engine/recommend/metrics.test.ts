import { describe, expect, it } from 'vitest';
import { MetricSummary, scoreList } from '../../../src/engine/recommend/metrics';
import { topK } from '../../../src/engine/recommend/topK';

describe('scoreList', () => {
  it('matches hand-computed NDCG, precision and recall', () => {
    // hits at ranks 2 and 3: DCG = 1/log2(3) + 1/log2(4); ideal over min(3, 3) = 1 + 1/log2(3) + 1/2
    const m = scoreList([5, 1, 7], new Set([1, 7, 9]), 3);
    expect(m.ndcg).toBeCloseTo((1 / Math.log2(3) + 0.5) / (1 + 1 / Math.log2(3) + 0.5), 12);
    expect(m.precision).toBeCloseTo(2 / 3, 12);
    expect(m.recall).toBeCloseTo(2 / 3, 12);
    expect(m.hit_rate).toBe(1);
  });

  it('takes the ideal DCG over min(k, |relevant|) and precision over k', () => {
    const m = scoreList([4], new Set([4]), 10);
    expect(m.ndcg).toBe(1);
    expect(m.precision).toBeCloseTo(0.1, 12);
    const many = scoreList([1, 2], new Set([2, 3, 4, 5]), 2);
    expect(many.ndcg).toBeCloseTo(1 / Math.log2(3) / (1 + 1 / Math.log2(3)), 12);
    expect(many.recall).toBe(0.25);
  });

  it('scores a miss as zero everywhere', () => {
    expect(scoreList([1, 2, 3], new Set([9]), 3)).toEqual({ hit_rate: 0, ndcg: 0, precision: 0, recall: 0 });
  });
});

describe('MetricSummary', () => {
  it('averages over customers and measures coverage of the catalogue', () => {
    const s = new MetricSummary(2, 10);
    s.add([1, 2], new Set([1]));
    s.add([2, 3], new Set([9]));
    const r = s.result();
    expect(r.hit_rate).toBe(0.5);
    expect(r.precision).toBe(0.25);
    expect(r.coverage).toBeCloseTo(0.3, 12);
  });
});

describe('topK', () => {
  it('returns the best positive scores first and honours the skip mask', () => {
    const scores = Float32Array.from([0.5, 0, 2, 1, -1, 2]);
    expect(Array.from(topK(scores, 3))).toEqual([2, 5, 3]);
    expect(Array.from(topK(scores, 10))).toEqual([2, 5, 3, 0]);
    expect(Array.from(topK(scores, 2, Uint8Array.from([0, 0, 1, 0, 0, 0])))).toEqual([5, 3]);
  });
});
