import { describe, expect, it } from 'vitest';
import { continuousScore, gridName, nameSegments, SEGMENT_NAMES } from '../../../src/engine/segments/naming';

describe('gridName', () => {
  it('follows the common R x F map', () => {
    expect(gridName(5, 5)).toBe('Champions');
    expect(gridName(5, 1)).toBe('New');
    expect(gridName(4, 1)).toBe('Promising');
    expect(gridName(5, 2)).toBe('Potential loyalists');
    expect(gridName(4, 4)).toBe('Loyal');
    expect(gridName(3, 5)).toBe('Loyal');
    expect(gridName(3, 3)).toBe('Need attention');
    expect(gridName(3, 1)).toBe('About to sleep');
    expect(gridName(2, 3)).toBe('At risk');
    expect(gridName(1, 5)).toBe("Can't lose");
    expect(gridName(1, 1)).toBe('Hibernating');
  });

  it('covers all ten names on the 5 x 5 grid', () => {
    const names = new Set<string>();
    for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) names.add(gridName(r, f));
    expect([...names].sort()).toEqual([...SEGMENT_NAMES].sort());
  });
});

describe('continuousScore', () => {
  const values = [1, 1, 1, 1, 2, 2, 3, 5, 8, 13];
  it('counts ties half and interpolates between distinct values', () => {
    expect(continuousScore(1, values)).toBeCloseTo(1 + 5 * 0.2, 12); // 4 ties -> mid-rank share 0.2
    expect(continuousScore(2, values)).toBeCloseTo(1 + 5 * 0.5, 12); // 4 below + 2/2 -> 0.5
    expect(continuousScore(1.5, values)).toBeCloseTo(1 + 5 * 0.35, 12);
  });
  it('reverses the scale when lower is better (recency)', () => {
    expect(Math.floor(continuousScore(0, [0, 10, 20, 30, 40], false))).toBe(5);
    expect(Math.floor(continuousScore(40, [0, 10, 20, 30, 40], false))).toBe(1);
  });
});

describe('nameSegments', () => {
  it('names hand-made centroids from their cells', () => {
    const names = nameSegments([
      { r: 5.5, f: 5.2, weight: 10 },
      { r: 1.2, f: 1.4, weight: 1 },
      { r: 5.3, f: 1.1, weight: 2 },
      { r: 1.5, f: 5.5, weight: 3 },
      { r: 3.5, f: 3.5, weight: 4 },
    ]);
    expect(names).toEqual(['Champions', 'Hibernating', 'New', "Can't lose", 'Need attention']);
  });

  it('gives a clash the next-nearest free name, the heavier cluster keeping the cell', () => {
    const names = nameSegments([
      { r: 5.5, f: 5.5, weight: 1 },
      { r: 5.4, f: 5.6, weight: 9 },
    ]);
    expect(names[1]).toBe('Champions');
    expect(names[0]).not.toBe('Champions');
    expect(['Loyal', 'Potential loyalists']).toContain(names[0]);
  });

  it('keeps names unique with more clusters than names', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ r: 1 + (i % 5), f: 1 + ((i * 2) % 5), weight: i }));
    const names = nameSegments(many);
    expect(new Set(names).size).toBe(12);
  });
});
