import { describe, expect, it } from 'vitest';
import { diversify } from '../../../src/engine/recommend/diversity';

// items 0-3 are colours of one mug, 4 and 5 are other products
const sim = (a: number, b: number) => (a <= 3 && b <= 3 ? 0.9 : 0.1);
const category = (i: number) => (i === 5 ? 'Pantry' : 'Kitchen');
const strict = { threshold: 0.6, maxVariants: 1, maxPerCategory: Infinity };

describe('diversify', () => {
  it('keeps one variant per product while other products remain', () => {
    expect(diversify([0, 1, 2, 4, 3, 5], 3, sim, category, strict)).toEqual([0, 4, 5]);
  });

  it('fills with deferred variants, best first, when nothing else is left', () => {
    expect(diversify([0, 1, 2, 4], 4, sim, category, strict)).toEqual([0, 4, 1, 2]);
  });

  it('lets the default show two colours of one product, not three', () => {
    expect(diversify([0, 1, 2, 4, 5], 4, sim, category)).toEqual([0, 1, 4, 5]);
  });

  it('caps items per category when asked', () => {
    const opts = { threshold: 2, maxVariants: 1, maxPerCategory: 1 };
    expect(diversify([0, 4, 5], 2, sim, category, opts)).toEqual([0, 5]);
  });
});
