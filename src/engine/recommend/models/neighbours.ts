import { topK } from '../topK';

/** Sparse item-to-item similarities: the top neighbours of each item (CSR). */
export interface Neighbours {
  ptr: Int32Array;
  item: Int32Array;
  sim: Float32Array;
}

export type Similarity = 'cosine' | 'jaccard' | 'lift' | 'count';

/**
 * Keeps for every item its `k` most similar items from dense co-occurrence counts
 * (cooc[i*n+i] = buyers of i). `self` keeps the item itself with similarity 1 (SAR's diagonal).
 */
export function neighboursFromCooccurrence(cooc: Float32Array, n: number, similarity: Similarity, k: number, self = false, minCount = 1): Neighbours {
  const row = new Float32Array(n);
  const ptr = new Int32Array(n + 1);
  const kk = Math.min(k, n);
  const items = new Int32Array(n * (kk + (self ? 1 : 0)));
  const sims = new Float32Array(items.length);
  let used = 0;
  for (let i = 0; i < n; i++) {
    const di = cooc[i * n + i];
    row.fill(0);
    if (di > 0) {
      for (let j = 0; j < n; j++) {
        const c = cooc[i * n + j];
        if (j === i || c < minCount) continue;
        const dj = cooc[j * n + j];
        row[j] = similarity === 'cosine' ? c / Math.sqrt(di * dj) : similarity === 'jaccard' ? c / (di + dj - c) : similarity === 'lift' ? c / (di * dj) : c;
      }
    }
    if (self && di > 0) {
      items[used] = i;
      sims[used++] = similarity === 'lift' ? 1 / di : similarity === 'count' ? di : 1;
    }
    for (const j of topK(row, kk)) {
      items[used] = j;
      sims[used++] = row[j];
    }
    ptr[i + 1] = used;
  }
  return { ptr, item: items.slice(0, used), sim: sims.slice(0, used) };
}

/** out[j] += sum over (item, weight) of weight * sim(item, j), using each item's first `limit` neighbours. */
export function accumulate(nb: Neighbours, items: ArrayLike<number>, weights: ArrayLike<number> | null, out: Float32Array, limit = Infinity): void {
  for (let x = 0; x < items.length; x++) {
    const i = items[x];
    if (i >= nb.ptr.length - 1) continue;
    const w = weights ? weights[x] : 1;
    const end = Math.min(nb.ptr[i + 1], nb.ptr[i] + limit);
    for (let p = nb.ptr[i]; p < end; p++) out[nb.item[p]] += w * nb.sim[p];
  }
}
