/**
 * How a demand series behaves, in the terms of Syntetos & Boylan: the average interval between
 * demands (ADI, in periods) and the squared coefficient of variation of the non-zero demand sizes
 * (CV²). Their cut-offs (ADI 1.32, CV² 0.49) split smooth, erratic, intermittent and lumpy demand.
 */
export interface DemandProfile {
  adi: number;
  cv2: number;
  nonZero: number;
}

export type DemandClass = 'smooth' | 'erratic' | 'intermittent' | 'lumpy' | 'sparse';

export const ADI_CUTOFF = 1.32;
export const CV2_CUTOFF = 0.49;

/** ADI and CV² over the last `seasons` seasons (at least 28 periods); CV² is 0 with fewer than two demands. */
export function demandProfile(y: readonly number[], season: number, seasons = 16): DemandProfile {
  const tail = y.slice(-Math.max(28, seasons * season));
  const sizes = tail.filter((v) => v > 0);
  if (sizes.length === 0) return { adi: Number.POSITIVE_INFINITY, cv2: 0, nonZero: 0 };
  const mean = sizes.reduce((a, b) => a + b, 0) / sizes.length;
  const variance = sizes.reduce((a, b) => a + (b - mean) ** 2, 0) / sizes.length;
  return { adi: tail.length / sizes.length, cv2: sizes.length > 1 ? variance / (mean * mean) : 0, nonZero: sizes.length };
}

export function demandClass(p: DemandProfile): DemandClass {
  if (p.nonZero < 2) return 'sparse';
  if (p.adi < ADI_CUTOFF) return p.cv2 < CV2_CUTOFF ? 'smooth' : 'erratic';
  return p.cv2 < CV2_CUTOFF ? 'intermittent' : 'lumpy';
}

/**
 * Paired t statistic of a - b (window by window): how many standard errors the mean difference is
 * from zero. 0 with fewer than two pairs; ±Infinity when every pair differs by the same amount.
 */
export function pairedT(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  if (n < 2) return 0;
  const d = Array.from({ length: n }, (_, i) => a[i] - b[i]);
  const mean = d.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(d.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  if (!Number.isFinite(mean)) return 0;
  if (sd === 0 || !Number.isFinite(sd)) return mean === 0 ? 0 : Math.sign(mean) * Number.POSITIVE_INFINITY;
  return mean / (sd / Math.sqrt(n));
}
