import { describe, expect, it } from 'vitest';
import { Dataset } from '../../../src/engine/recommend/dataset';
import type { Model } from '../../../src/engine/recommend/models/model';
import { evaluationTargets } from '../../../src/engine/recommend/split';
import { isRepeatOnly, tuneWeights } from '../../../src/engine/recommend/tuneWeights';
import { tinyCatalog, tinyLines } from './fixtures';

describe('tuneWeights', () => {
  it('gives the part that ranks the validation purchases first the weight, the noise none', () => {
    const catalog = tinyCatalog(['A', 'B', 'C', 'D', 'E']);
    const lines = tinyLines([
      [1, 1, 1, [1]],
      [2, 2, 1, [2]],
      [3, 3, 1, [3]],
      [4, 1, 9, [5]],
      [5, 2, 9, [5]],
      [6, 3, 9, [5]],
    ]);
    const ds = new Dataset(lines, catalog, 3);
    const targets = evaluationTargets(ds, lines, 3, 6);
    const oracle: Model = { name: 'oracle', fit() {}, score: (_h, out) => out.set([0, 0, 0, 0.1, 1]) };
    const noise: Model = { name: 'noise', fit() {}, score: (_h, out) => out.set([0, 0, 0, 1, 0]) };
    const w = tuneWeights([{ parts: [noise, oracle], v: { ds, targets, k: 1 } }]);
    expect(w.all[1]).toBeGreaterThan(w.all[0]);
    expect(w.new[1]).toBeGreaterThan(w.new[0]);
  });

  it('gives buy-again parts (either view) no weight for new items, whatever they score', () => {
    const catalog = tinyCatalog(['A', 'B', 'C', 'D', 'E']);
    const lines = tinyLines([
      [1, 1, 1, [1]],
      [2, 2, 1, [2]],
      [3, 1, 9, [5]],
      [4, 2, 9, [5]],
    ]);
    const ds = new Dataset(lines, catalog, 2);
    const targets = evaluationTargets(ds, lines, 2, 4);
    const oracle = (name: string): Model => ({ name, fit() {}, score: (_h, out) => out.set([0, 0, 0, 0.1, 1]) });
    const noise: Model = { name: 'noise', fit() {}, score: (_h, out) => out.set([0, 0, 0, 1, 0]) };
    const parts = [noise, oracle('buy_again'), oracle('buy_again_count')];
    expect(parts.map(isRepeatOnly)).toEqual([false, true, true]);
    const w = tuneWeights([{ parts, v: { ds, targets, k: 1 } }]);
    expect(w.new.slice(1)).toEqual([0, 0]);
    expect(w.all[1] + w.all[2]).toBeGreaterThan(w.all[0]);
  });
});
