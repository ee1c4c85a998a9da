import { describe, expect, it } from 'vitest';
import { silhouette, silhouetteScores, silhouetteValues } from '../../../src/engine/segments/silhouette';

describe('silhouette', () => {
  it('matches values computed by hand on a 1-D set', () => {
    // A = {0, 1}, B = {4, 6}
    // s(0) = (5 - 1) / 5, s(1) = (4 - 1) / 4, s(4) = (3.5 - 2) / 3.5, s(6) = (5.5 - 2) / 5.5
    const points = [[0], [1], [4], [6]];
    const labels = [0, 0, 1, 1];
    const expected = [0.8, 0.75, 1.5 / 3.5, 3.5 / 5.5];
    silhouetteValues(points, labels).forEach((v, i) => expect(v).toBeCloseTo(expected[i], 12));
    expect(silhouette(points, labels)).toBeCloseTo(expected.reduce((s, v) => s + v, 0) / 4, 12);
  });

  it('uses Euclidean distance in 2-D and scores singletons 0', () => {
    // A = {(0,0), (0,2)}, B = {(3,0)} (a singleton): s = 1/3, (sqrt13 - 2)/sqrt13, 0
    const points = [[0, 0], [0, 2], [3, 0]];
    const labels = [0, 0, 1];
    const s13 = Math.sqrt(13);
    expect(silhouette(points, labels)).toBeCloseTo((1 / 3 + (s13 - 2) / s13 + 0) / 3, 12);
  });

  it('is negative when points sit in the wrong clusters', () => {
    expect(silhouette([[0], [10], [1], [11]], [0, 0, 1, 1])).toBeLessThan(0);
  });

  it('scores several labellings in one pass exactly as one at a time', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const points = Array.from({ length: 60 }, () => [rand() * 10, rand() * 10, rand()]);
    const labelings = [2, 3, 5].map((k) => points.map((_, i) => i % k));
    const together = silhouetteScores(points, labelings);
    labelings.forEach((labels, t) => {
      const values = silhouetteValues(points, labels);
      expect(together[t]).toBeCloseTo(values.reduce((s, v) => s + v, 0) / values.length, 10);
    });
  });
});
