import type * as MlKMeans from 'ml-kmeans';

export interface Clustering {
  /** Cluster index per point, 0..k-1, every index used. */
  labels: number[];
  centroids: number[][];
  /** Within-cluster sum of squared distances. */
  inertia: number;
}

/**
 * k-means (ml-kmeans, kmeans++ initialisation) with fixed seeds: `restarts` runs with seeds
 * seed, seed+1, …; the run with the smallest inertia wins, so results are reproducible.
 * Empty clusters, if any, are dropped and the labels renumbered.
 */
export function clusterKMeans(data: number[][], k: number, seed = 42, restarts = 3): Clustering {
  // Loaded on first use: ml-kmeans takes about half a second to load, and segments are computed
  // seconds after start-up, never on the way to serving the first turn.
  const { kmeans } = require('ml-kmeans') as typeof MlKMeans;
  let best: Clustering | undefined;
  for (let r = 0; r < restarts; r++) {
    const result = kmeans(data, k, { initialization: 'kmeans++', seed: seed + r, maxIterations: 300 });
    const clustering = compact(data, result.clusters, k);
    if (!best || clustering.inertia < best.inertia - 1e-9) best = clustering;
  }
  return best as Clustering;
}

function compact(data: number[][], raw: number[], k: number): Clustering {
  const dims = data[0].length;
  const sums = Array.from({ length: k }, () => new Array<number>(dims).fill(0));
  const sizes = new Array<number>(k).fill(0);
  raw.forEach((c, i) => {
    sizes[c]++;
    for (let d = 0; d < dims; d++) sums[c][d] += data[i][d];
  });
  const remap = new Map<number, number>();
  sizes.forEach((size, c) => size > 0 && remap.set(c, remap.size));
  const centroids = [...remap.keys()].map((c) => sums[c].map((s) => s / sizes[c]));
  const labels = raw.map((c) => remap.get(c) as number);
  let inertia = 0;
  labels.forEach((c, i) => {
    for (let d = 0; d < dims; d++) inertia += (data[i][d] - centroids[c][d]) ** 2;
  });
  return { labels, centroids, inertia };
}
