/**
 * Segment names from the common RFM recency x frequency map (R and F scores 1..5, 5 = best):
 *
 *   R\F   1              2 3                  4 5
 *   5     New            Potential loyalists  Champions
 *   4     Promising      Potential loyalists  Loyal
 *   3     About to sleep (F 1-2), Need attention (F 3), Loyal (F 4-5)
 *   1-2   Hibernating    (F 1-2), At risk (F 3-4), Can't lose (F 5)
 */
export const SEGMENT_NAMES = [
  'Champions',
  'Loyal',
  'Potential loyalists',
  'New',
  'Promising',
  'Need attention',
  'About to sleep',
  'At risk',
  "Can't lose",
  'Hibernating',
] as const;
export type SegmentName = (typeof SEGMENT_NAMES)[number];

/** Name of an integer (R, F) cell. */
export function gridName(r: number, f: number): SegmentName {
  if (r >= 5) return f <= 1 ? 'New' : f <= 3 ? 'Potential loyalists' : 'Champions';
  if (r === 4) return f <= 1 ? 'Promising' : f <= 3 ? 'Potential loyalists' : 'Loyal';
  if (r === 3) return f <= 2 ? 'About to sleep' : f === 3 ? 'Need attention' : 'Loyal';
  return f <= 2 ? 'Hibernating' : f <= 4 ? 'At risk' : "Can't lose";
}

/**
 * A continuous quintile score in [1, 6): 1 + 5 x the share of customers below `value`, with ties
 * counted half (mid-rank), interpolated linearly between the distinct values of `sorted`. So a
 * value shared by the bottom 40% of customers scores 2 (not 3), and a centroid at 1.1 orders sits
 * just above the one-order customers instead of jumping over the whole tie block.
 * `higherIsBetter = false` (recency) reverses the scale; floor() gives the usual 1..5 score.
 */
export function continuousScore(value: number, sorted: number[], higherIsBetter = true): number {
  const share = midRankShare(value, sorted);
  const s = 1 + 5 * (higherIsBetter ? share : 1 - share);
  return Math.min(5.999, Math.max(1, s));
}

function midRankShare(value: number, sorted: number[]): number {
  const n = sorted.length;
  if (!n) return 0.5;
  const at = (v: number) => (lowerBound(sorted, v) + lowerBound(sorted, v, true)) / 2 / n;
  if (value <= sorted[0]) return at(sorted[0]);
  if (value >= sorted[n - 1]) return at(sorted[n - 1]);
  const hiIndex = lowerBound(sorted, value);
  if (sorted[hiIndex] === value) return at(value);
  const lo = sorted[hiIndex - 1];
  const hi = sorted[hiIndex];
  return at(lo) + ((value - lo) / (hi - lo)) * (at(hi) - at(lo));
}

function lowerBound(sorted: number[], value: number, inclusive = false): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < value || (inclusive && sorted[mid] === value)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Distance from a continuous (r, f) score to the nearest cell carrying `name` (0 inside it). */
function distanceToName(r: number, f: number, name: SegmentName): number {
  let best = Infinity;
  for (let cr = 1; cr <= 5; cr++) {
    for (let cf = 1; cf <= 5; cf++) {
      if (gridName(cr, cf) !== name) continue;
      const dr = r < cr ? cr - r : r >= cr + 1 ? r - (cr + 1) + 1e-9 : 0;
      const df = f < cf ? cf - f : f >= cf + 1 ? f - (cf + 1) + 1e-9 : 0;
      best = Math.min(best, Math.hypot(dr, df));
    }
  }
  return best;
}

export interface ScoredCentroid {
  /** Continuous R and F scores in [1, 6). */
  r: number;
  f: number;
  /** Tie-break: bigger clusters (e.g. by revenue) choose first. */
  weight: number;
}

/**
 * Unique names for clusters: every (cluster, name) pair is ranked by the distance from the cluster's
 * score to the name's cells, and pairs are taken greedily, nearest first, so a cluster whose own cell
 * is taken gets the next-nearest free name. With more clusters than names, a numeric suffix is added.
 */
export function nameSegments(centroids: ScoredCentroid[]): string[] {
  const pairs: { c: number; name: SegmentName; d: number }[] = [];
  centroids.forEach((sc, c) => SEGMENT_NAMES.forEach((name) => pairs.push({ c, name, d: distanceToName(sc.r, sc.f, name) })));
  pairs.sort((x, y) => x.d - y.d || centroids[y.c].weight - centroids[x.c].weight || x.c - y.c);
  const names: (string | undefined)[] = centroids.map(() => undefined);
  const used = new Set<string>();
  for (const p of pairs) {
    if (names[p.c] !== undefined || used.has(p.name)) continue;
    names[p.c] = p.name;
    used.add(p.name);
  }
  return names.map((n, c) => {
    if (n !== undefined) return n;
    const base = gridName(Math.floor(centroids[c].r), Math.floor(centroids[c].f));
    let i = 2;
    while (used.has(`${base} ${i}`)) i++;
    used.add(`${base} ${i}`);
    return `${base} ${i}`;
  });
}
