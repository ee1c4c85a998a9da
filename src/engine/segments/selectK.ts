import { clusterKMeans, type Clustering } from './clusterKMeans';
import { silhouetteScores } from './silhouette';

export interface SelectKOptions {
  kMin: number;
  kMax: number;
  seed?: number;
  restarts?: number;
  /** Exact silhouette up to this many points; above, on a seeded random sample of this size. */
  maxPoints?: number;
}

export interface KSelection {
  chosen: Clustering;
  candidates: Clustering[];
  /** Mean silhouette per candidate, same order. */
  scores: number[];
  /** How many points the silhouette was computed on. */
  sampled: number;
}

/**
 * Clusters for every k in [kMin, kMax] (capped at n - 1) and keeps the one with the highest mean
 * silhouette (ties go to the smaller k). All candidates share one pass over the point pairs.
 */
export function selectK(data: number[][], o: SelectKOptions): KSelection {
  const seed = o.seed ?? 42;
  const candidates: Clustering[] = [];
  for (let k = o.kMin; k <= Math.min(o.kMax, data.length - 1); k++) candidates.push(clusterKMeans(data, k, seed, o.restarts ?? 3));
  const sample = sampleIndices(data.length, o.maxPoints ?? 6000, seed);
  const scores = silhouetteScores(
    sample.map((i) => data[i]),
    candidates.map((c) => sample.map((i) => c.labels[i])),
  );
  let best = 0;
  scores.forEach((s, t) => s > scores[best] + 1e-12 && (best = t));
  return { chosen: candidates[best], candidates, scores, sampled: sample.length };
}

/** All indices when n <= max, else a seeded random sample of `max` of them (sorted). */
export function sampleIndices(n: number, max: number, seed: number): number[] {
  const all = Array.from({ length: n }, (_, i) => i);
  if (n <= max) return all;
  const rand = mulberry32(seed);
  for (let i = 0; i < max; i++) {
    const j = i + Math.floor(rand() * (n - i));
    [all[i], all[j]] = [all[j], all[i]];
  }
  return all.slice(0, max).sort((a, b) => a - b);
}

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
