import { describe, expect, it } from 'vitest';
import { Dataset } from '../../../src/engine/recommend/dataset';
import { evaluationTargets, percentile, temporalSplit } from '../../../src/engine/recommend/split';
import { tinyCatalog, tinyLines } from './fixtures';

describe('percentile', () => {
  it('interpolates linearly like numpy', () => {
    expect(percentile([1, 2, 3, 4], 0.9)).toBeCloseTo(3.7, 12);
    expect(percentile([10], 0.9)).toBe(10);
    expect(percentile([0, 10], 0.5)).toBe(5);
  });
});

describe('temporalSplit', () => {
  // Ten orders on days 1..10, two lines each: the 90th percentile of order times is 9.1.
  const lines = tinyLines(Array.from({ length: 10 }, (_, d) => [d + 1, (d % 3) + 1, d + 1, [1, 2]] as [number, number, number, number[]]));

  it('holds out the orders after the 90th percentile of order times', () => {
    const s = temporalSplit(lines, 0.9);
    expect(s.cutoff).toBeCloseTo(9.1, 12);
    expect(s.trainEnd).toBe(18);
    expect(s.orders).toEqual({ train: 9, test: 1 });
  });

  it('counts orders, not lines, when placing the cutoff', () => {
    // One huge early order must not drag the cutoff: 3 orders -> 90th pct = 1 + 0.9 * 2 days.
    const skewed = tinyLines([
      [1, 1, 1, [1, 2, 3, 4, 5, 6, 7, 8]],
      [2, 1, 2, [1]],
      [3, 2, 3, [2]],
    ]);
    expect(temporalSplit(skewed).cutoff).toBeCloseTo(2.8, 12);
    expect(temporalSplit(skewed).trainEnd).toBe(9);
  });
});

describe('evaluationTargets', () => {
  it('keeps customers with history before and purchases after, with new items separately', () => {
    const catalog = tinyCatalog(['A', 'B', 'C']);
    const lines = tinyLines([
      [1, 1, 1, [1, 2]],
      [2, 2, 2, [1]],
      [3, 1, 10, [2, 3]],
      [4, 3, 10, [1]], // no history before: not evaluated
      [5, 2, 11, [1]], // only a repeat: evaluated in "all", nothing new
    ]);
    const train = new Dataset(lines, catalog, 3);
    const t = evaluationTargets(train, lines, 3, lines.length);
    expect(t.map((x) => x.customerId)).toEqual([1, 2]);
    expect(Array.from(t[0].all)).toEqual([1, 2]);
    expect(Array.from(t[0].fresh)).toEqual([2]);
    expect(Array.from(t[1].fresh)).toEqual([]);
  });
});
