import { describe, expect, it } from 'vitest';
import type { Dataset, History } from '../../../src/engine/recommend/dataset';
import { Hybrid, normaliseMax, recent } from '../../../src/engine/recommend/hybrid';
import type { Model } from '../../../src/engine/recommend/models/model';
import { hist } from './fixtures';

/** A model that always returns the same scores and remembers the history it saw. */
const fixed = (name: string, scores: number[]): Model & { seen?: History } => ({
  name,
  fit(_ds: Dataset) {},
  score(h, out) {
    this.seen = h;
    out.set(scores);
  },
});

describe('normaliseMax', () => {
  it('scales so the best allowed item scores 1', () => {
    const s = Float32Array.from([2, 4, 1]);
    normaliseMax(s, Uint8Array.from([0, 1, 0]));
    expect(Array.from(s)).toEqual([1, 2, 0.5]);
  });
});

describe('Hybrid', () => {
  it('blends max-normalised part scores with the weights of the setting', () => {
    const h = new Hybrid([fixed('a', [1, 0, 2]), fixed('b', [0, 10, 5])], { all: [1, 1], new: [0, 1] });
    const out = new Float32Array(3);
    h.score(hist([0]), out, undefined, { setting: 'all' });
    expect(Array.from(out)).toEqual([0.5, 1, 1.5]);
    h.score(hist([0]), out, undefined, { setting: 'new' });
    expect(Array.from(out)).toEqual([0, 1, 0.5]);
  });

  it('hands the parts only the latest events', () => {
    const part = fixed('a', [1]);
    const h = new Hybrid([part], { all: [1], new: [1] }, 2);
    h.score(hist([0, 0, 0], [1, 2, 3]), new Float32Array(1));
    expect(Array.from(part.seen!.days)).toEqual([2, 3]);
    expect(recent(hist([1, 2]), 5).items.length).toBe(2);
  });
});
