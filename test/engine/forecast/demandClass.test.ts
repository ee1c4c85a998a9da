import { describe, expect, it } from 'vitest';
import { demandClass, demandProfile, pairedT } from '../../../src/engine/forecast/demandClass';
import { intermittent, weekly } from './synthetic';

const repeat = (pattern: number[], times: number) => Array.from({ length: pattern.length * times }, (_, t) => pattern[t % pattern.length]);

describe('demand profile (Syntetos-Boylan)', () => {
  it('measures the interval between demands and the spread of their sizes', () => {
    expect(demandProfile(intermittent(100, 10, 3), 7)).toEqual({ adi: 10, cv2: 0, nonZero: 10 });
    // sizes 1, 1, 1, 10: mean 3.25, variance 15.1875
    const p = demandProfile(repeat([1, 1, 1, 10], 28), 7);
    expect(p.adi).toBe(1);
    expect(p.cv2).toBeCloseTo(15.1875 / 3.25 ** 2, 10);
  });

  it('looks at the last sixteen seasons only', () => {
    const y = [...new Array(200).fill(5), ...intermittent(112, 4, 2)];
    expect(demandProfile(y, 7)).toMatchObject({ adi: 4, cv2: 0 });
  });

  it('sorts series into the four classes at ADI 1.32 and CV² 0.49', () => {
    expect(demandClass(demandProfile(weekly(20), 7))).toBe('smooth'); // one zero day a week: ADI 7/6
    expect(demandClass(demandProfile(repeat([1, 1, 1, 10], 28), 7))).toBe('erratic');
    expect(demandClass(demandProfile(intermittent(112, 3, 4), 7))).toBe('intermittent');
    expect(demandClass(demandProfile(repeat([0, 1, 0, 10], 28), 7))).toBe('lumpy');
    expect(demandClass(demandProfile([0, 0, 5, 0], 7))).toBe('sparse');
  });
});

describe('paired t statistic', () => {
  it('is the mean difference over its standard error', () => {
    // differences 1, 2, 3: mean 2, standard deviation 1
    expect(pairedT([1, 2, 3], [0, 0, 0])).toBeCloseTo(2 / (1 / Math.sqrt(3)), 10);
    expect(pairedT([0, 0, 0], [1, 2, 3])).toBeCloseTo(-2 * Math.sqrt(3), 10);
  });

  it('is infinite for a constant non-zero difference and 0 without two pairs or a difference', () => {
    expect(pairedT([3, 4, 5], [1, 2, 3])).toBe(Number.POSITIVE_INFINITY);
    expect(pairedT([1, 2], [1, 2])).toBe(0);
    expect(pairedT([5], [1])).toBe(0);
  });
});
