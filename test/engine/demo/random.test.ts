import { describe, expect, it } from 'vitest';
import { AliasTable, hashString, Rng } from '../../../src/engine/demo/random';

const draws = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.nextUint32());

describe('Rng', () => {
  it('repeats its sequence for the same seed and differs for another', () => {
    expect(draws(new Rng(42), 50)).toEqual(draws(new Rng(42), 50));
    expect(draws(new Rng(42), 50)).not.toEqual(draws(new Rng(43), 50));
    expect(draws(new Rng('label'), 5)).toEqual(draws(new Rng(hashString('label')), 5));
  });

  it('forks independent, reproducible streams', () => {
    const a = new Rng(7).fork('orders');
    const b = new Rng(7).fork('orders');
    const c = new Rng(7).fork('reviews');
    expect(draws(a, 20)).toEqual(draws(b, 20));
    expect(draws(new Rng(7).fork('orders'), 20)).not.toEqual(draws(c, 20));
  });

  it('draws uniforms in [0, 1) and whole numbers within both bounds', () => {
    const rng = new Rng(1);
    const seen = new Set<number>();
    for (let i = 0; i < 5000; i++) {
      const u = rng.next();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      seen.add(rng.int(3, 6));
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('has the right mean and variance for normal and Poisson draws', () => {
    const rng = new Rng(3);
    const n = 20_000;
    const normals = Array.from({ length: n }, () => rng.normal(2, 3));
    const mean = normals.reduce((s, x) => s + x, 0) / n;
    const variance = normals.reduce((s, x) => s + (x - mean) ** 2, 0) / n;
    expect(mean).toBeCloseTo(2, 1);
    expect(Math.sqrt(variance)).toBeCloseTo(3, 1);
    for (const lambda of [0.3, 4, 55]) {
      const counts = Array.from({ length: n }, () => rng.poisson(lambda));
      const m = counts.reduce((s, x) => s + x, 0) / n;
      const v = counts.reduce((s, x) => s + (x - m) ** 2, 0) / n;
      expect(counts.every((k) => Number.isInteger(k) && k >= 0)).toBe(true);
      expect(Math.abs(m - lambda) / lambda).toBeLessThan(0.05);
      expect(Math.abs(v - lambda) / lambda).toBeLessThan(0.1);
    }
    expect(rng.poisson(0)).toBe(0);
  });

  it('picks indexes in proportion to weights, directly and through an alias table', () => {
    const rng = new Rng(9);
    const weights = [1, 0, 3, 6];
    const direct = [0, 0, 0, 0];
    const aliased = [0, 0, 0, 0];
    const table = new AliasTable(weights);
    for (let i = 0; i < 20_000; i++) {
      direct[rng.weightedIndex(weights)]++;
      aliased[table.draw(rng)]++;
    }
    for (const counts of [direct, aliased]) {
      expect(counts[1]).toBe(0);
      expect(counts[0] / 20_000).toBeCloseTo(0.1, 1);
      expect(counts[3] / 20_000).toBeCloseTo(0.6, 1);
    }
  });
});
