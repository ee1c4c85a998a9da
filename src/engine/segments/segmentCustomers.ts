import { invalid } from '../errors';
import type { Clustering } from './clusterKMeans';
import { customerClvCents, segmentClv, type ClvOptions } from './clv';
import { continuousScore, nameSegments } from './naming';
import { centroidToOriginal, fitScaler, logFeatures, standardise, type RfmRow } from './rfm';
import { selectK } from './selectK';

export interface SegmentOptions extends ClvOptions {
  /** A fixed k; otherwise k is chosen by mean silhouette over `kRange`. */
  k?: number;
  kRange?: [number, number];
  seed?: number;
  restarts?: number;
  /** Up to this many customers the silhouette is exact; above it, a seeded random sample of this size. */
  silhouetteMaxPoints?: number;
}

export interface SegmentSummary {
  name: string;
  size: number;
  revenueShare: number;
  /** The k-means centroid mapped back to original units (recency days, orders, currency units). */
  centroid: { recencyDays: number; frequency: number; monetary: number };
  rScore: number;
  fScore: number;
  clvCents: number;
  avgOrderValueCents: number;
  ordersPerYear: number;
  retention: number;
}

export interface CustomerSegment extends RfmRow {
  segment: string;
  clvCents: number;
}

export interface Segmentation {
  k: number;
  silhouette: number;
  silhouetteByK: Record<number, number>;
  /** Points the silhouette was computed on (all customers unless sampled). */
  silhouettePoints: number;
  customers: number;
  /** Ordered by revenue share, largest first. */
  segments: SegmentSummary[];
  members: CustomerSegment[];
}

const DEFAULTS = { kRange: [3, 8] as [number, number], seed: 42, restarts: 2, silhouetteMaxPoints: 6000 };

/** RFM (log, standardised) -> k-means -> silhouette-chosen k -> named segments with sizes, revenue and CLV. */
export function segmentCustomers(rows: RfmRow[], options: SegmentOptions = {}): Segmentation {
  const o = { ...DEFAULTS, ...options };
  const [kMin, kMax] = o.k ? [o.k, o.k] : o.kRange;
  if (rows.length < kMin + 1 || kMin < 2) throw invalid(`segmentation needs at least ${kMin + 1} customers with orders and k >= 2, got ${rows.length}`);
  const scaler = fitScaler(logFeatures(rows));
  const data = standardise(logFeatures(rows), scaler);

  const { chosen, scores, candidates, sampled } = selectK(data, { kMin, kMax, seed: o.seed, restarts: o.restarts, maxPoints: o.silhouetteMaxPoints });
  const silhouetteByK: Record<number, number> = {};
  scores.forEach((s, t) => (silhouetteByK[kMin + t] = s));
  const best = candidates.indexOf(chosen);
  const { segments, members } = describe(rows, chosen, scaler, o);
  return { k: chosen.centroids.length, silhouette: scores[best], silhouetteByK, silhouettePoints: sampled, customers: rows.length, segments, members };
}

function describe(rows: RfmRow[], clustering: Clustering, scaler: ReturnType<typeof fitScaler>, clv: ClvOptions) {
  const byRecency = rows.map((r) => r.recencyDays).sort((a, b) => a - b);
  const byFrequency = rows.map((r) => r.frequency).sort((a, b) => a - b);
  const total = rows.reduce((s, r) => s + r.monetaryCents, 0);
  const groups = clustering.centroids.map((_, c) => rows.filter((_, i) => clustering.labels[i] === c));
  const centroids = clustering.centroids.map((z) => centroidToOriginal(z, scaler));
  const scored = centroids.map((c, i) => ({
    r: continuousScore(c.recencyDays, byRecency, false),
    f: continuousScore(c.frequency, byFrequency, true),
    weight: groups[i].reduce((s, r) => s + r.monetaryCents, 0),
  }));
  const names = nameSegments(scored);
  const members: CustomerSegment[] = [];
  const segments = groups.map((group, c): SegmentSummary => {
    const value = segmentClv(group, clv);
    for (const row of group) members.push({ ...row, segment: names[c], clvCents: customerClvCents(row, value.retention, clv) });
    return {
      name: names[c],
      size: group.length,
      revenueShare: total > 0 ? scored[c].weight / total : 0,
      centroid: centroids[c],
      rScore: Math.floor(scored[c].r),
      fScore: Math.floor(scored[c].f),
      ...value,
    };
  });
  segments.sort((a, b) => b.revenueShare - a.revenueShare || b.size - a.size);
  members.sort((a, b) => a.customerId - b.customerId);
  return { segments, members };
}
