import { describe, expect, it } from 'vitest';
import { sampleIndices, selectK } from '../../../src/engine/segments/selectK';

function blobs(centres: number[][], perBlob: number, spread: number, seed = 3): number[][] {
  let s = seed;
  const rand = () => ((s = (s * 16807) % 2147483647) / 2147483647);
  const gauss = () => Math.sqrt(-2 * Math.log(rand() + 1e-12)) * Math.cos(2 * Math.PI * rand());
  return centres.flatMap((c) => Array.from({ length: perBlob }, () => c.map((v) => v + spread * gauss())));
}

describe('selectK', () => {
  it.each([3, 5, 6])('picks k = %i on well-separated blobs', (k) => {
    const centres = Array.from({ length: k }, (_, i) => [10 * Math.cos((2 * Math.PI * i) / k), 10 * Math.sin((2 * Math.PI * i) / k), i % 2 ? 5 : -5]);
    const data = blobs(centres, 40, 0.5);
    const { chosen, scores } = selectK(data, { kMin: 3, kMax: 8 });
    expect(chosen.centroids.length).toBe(k);
    expect(Math.max(...scores)).toBeGreaterThan(0.7);
    // the points of one blob share a label
    for (let b = 0; b < k; b++) expect(new Set(chosen.labels.slice(b * 40, (b + 1) * 40)).size).toBe(1);
  });

  it('is reproducible with the same seed', () => {
    const data = blobs([[0, 0], [3, 0], [0, 3], [3, 3]], 30, 1.2);
    expect(selectK(data, { kMin: 3, kMax: 6, seed: 9 }).chosen.labels).toEqual(selectK(data, { kMin: 3, kMax: 6, seed: 9 }).chosen.labels);
  });

  it('samples without repetition and keeps everything under the limit', () => {
    expect(sampleIndices(5, 10, 1)).toEqual([0, 1, 2, 3, 4]);
    const sample = sampleIndices(1000, 100, 1);
    expect(sample).toHaveLength(100);
    expect(new Set(sample).size).toBe(100);
    expect(sample.every((i) => i >= 0 && i < 1000)).toBe(true);
  });
});
