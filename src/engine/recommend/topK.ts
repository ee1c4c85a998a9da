/**
 * Indices of the k highest positive scores, best first (ties: lower index first).
 * `skip[i] = 1` removes an item (already bought, dismissed, filtered out).
 */
export function topK(scores: ArrayLike<number>, k: number, skip?: Uint8Array): Int32Array {
  const heapI = new Int32Array(k);
  const heapS = new Float64Array(k);
  let size = 0;
  const worse = (a: number, b: number) => heapS[a] < heapS[b] || (heapS[a] === heapS[b] && heapI[a] > heapI[b]);
  const swap = (a: number, b: number) => {
    const ti = heapI[a];
    heapI[a] = heapI[b];
    heapI[b] = ti;
    const ts = heapS[a];
    heapS[a] = heapS[b];
    heapS[b] = ts;
  };
  const siftDown = (p: number) => {
    for (;;) {
      const l = 2 * p + 1;
      const r = l + 1;
      let m = p;
      if (l < size && worse(l, m)) m = l;
      if (r < size && worse(r, m)) m = r;
      if (m === p) return;
      swap(p, m);
      p = m;
    }
  };
  for (let i = 0; i < scores.length; i++) {
    const s = scores[i];
    if (!(s > 0) || (skip && skip[i])) continue;
    if (size < k) {
      heapI[size] = i;
      heapS[size] = s;
      let c = size++;
      while (c > 0) {
        const p = (c - 1) >> 1;
        if (!worse(c, p)) break;
        swap(c, p);
        c = p;
      }
    } else if (s > heapS[0]) {
      heapI[0] = i;
      heapS[0] = s;
      siftDown(0);
    }
  }
  // Heap-sort the survivors: pop the worst to the back until the best is at the front.
  for (let end = size - 1; end > 0; end--) {
    swap(0, end);
    const full = size;
    size = end;
    siftDown(0);
    size = full;
  }
  return heapI.slice(0, size);
}
