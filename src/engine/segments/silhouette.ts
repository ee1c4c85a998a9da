/**
 * Mean silhouette (Rousseeuw 1987) with Euclidean distance, written here because ml-kmeans has none.
 * For point i in cluster A: a(i) = mean distance to the other members of A, b(i) = the smallest mean
 * distance to the members of another cluster, s(i) = (b - a) / max(a, b); s(i) = 0 when A is a singleton.
 * The score is the mean of s(i) over all points.
 *
 * Exact and O(n²) in time but O(n·k) in memory: each pairwise distance is computed once and added to
 * the per-cluster sums of every labelling passed in, so several candidate k share one pass.
 */
export function silhouetteScores(points: number[][], labelings: number[][]): number[] {
  const n = points.length;
  const dims = points[0]?.length ?? 0;
  const T = labelings.length;
  const ks = labelings.map((labels) => labels.reduce((m, l) => Math.max(m, l), -1) + 1);
  // Per labelling t: sums of distances from point i to each cluster c at offsets[t] + i * k_t + c.
  const offsets = new Int32Array(T);
  for (let t = 1; t < T; t++) offsets[t] = offsets[t - 1] + n * ks[t - 1];
  const sums = new Float64Array(T ? offsets[T - 1] + n * ks[T - 1] : 0);
  const flat = new Float64Array(n * dims);
  points.forEach((p, i) => p.forEach((v, d) => (flat[i * dims + d] = v)));
  // Row base of point i in labelling t (offsets[t] + i * k_t), and its label.
  const base = new Int32Array(T * n);
  const label = new Int32Array(T * n);
  for (let t = 0; t < T; t++) {
    for (let i = 0; i < n; i++) {
      base[i * T + t] = offsets[t] + i * ks[t];
      label[i * T + t] = labelings[t][i];
    }
  }

  for (let i = 0; i < n; i++) {
    const bi = i * T;
    for (let j = i + 1; j < n; j++) {
      let sq = 0;
      for (let d = 0; d < dims; d++) {
        const diff = flat[i * dims + d] - flat[j * dims + d];
        sq += diff * diff;
      }
      const dist = Math.sqrt(sq);
      const bj = j * T;
      for (let t = 0; t < T; t++) {
        sums[base[bi + t] + label[bj + t]] += dist;
        sums[base[bj + t] + label[bi + t]] += dist;
      }
    }
  }
  return labelings.map((labels, t) => meanFromSums(sums.subarray(offsets[t], offsets[t] + n * ks[t]), Int32Array.from(labels), ks[t]));
}

/** Mean silhouette of one labelling. */
export function silhouette(points: number[][], labels: number[]): number {
  return silhouetteScores(points, [labels])[0];
}

/** Per-point silhouette values (for tests and diagnostics). */
export function silhouetteValues(points: number[][], labels: number[]): number[] {
  const k = labels.reduce((m, l) => Math.max(m, l), -1) + 1;
  const sums = new Float64Array(points.length * k);
  points.forEach((p, i) =>
    points.forEach((q, j) => {
      if (i !== j) sums[i * k + labels[j]] += Math.sqrt(p.reduce((s, v, d) => s + (v - q[d]) ** 2, 0));
    }),
  );
  return pointValues(sums, Int32Array.from(labels), k);
}

function meanFromSums(sums: Float64Array, labels: Int32Array, k: number): number {
  const values = pointValues(sums, labels, k);
  return values.length ? values.reduce((s, v) => s + v, 0) / values.length : 0;
}

function pointValues(sums: Float64Array, labels: Int32Array, k: number): number[] {
  const sizes = new Array<number>(k).fill(0);
  for (const l of labels) sizes[l]++;
  const values: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    const own = labels[i];
    if (sizes[own] <= 1) {
      values.push(0);
      continue;
    }
    const a = sums[i * k + own] / (sizes[own] - 1);
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && sizes[c] > 0) b = Math.min(b, sums[i * k + c] / sizes[c]);
    values.push(b === Infinity ? 0 : Math.max(a, b) === 0 ? 0 : (b - a) / Math.max(a, b));
  }
  return values;
}
