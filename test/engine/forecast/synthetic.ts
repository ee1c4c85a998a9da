/** Deterministic synthetic series for the forecasting tests. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const WEEK = [10, 12, 15, 20, 30, 0, 5];

export const weekly = (weeks: number, pattern = WEEK): number[] => Array.from({ length: weeks * pattern.length }, (_, t) => pattern[t % pattern.length]);

export function noisyWeekly(days: number, seed: number, pattern = WEEK, noise = 3): number[] {
  const r = rng(seed);
  return Array.from({ length: days }, (_, t) => Math.max(0, Math.round(pattern[t % pattern.length] + (r() * 2 - 1) * noise)));
}

/** Demand of `size` every `interval` days, starting on day `interval - 1`. */
export const intermittent = (days: number, interval: number, size: number): number[] => Array.from({ length: days }, (_, t) => ((t + 1) % interval === 0 ? size : 0));

/** Poisson counts with a constant rate (inversion; fine for small rates). */
export function poissonCounts(days: number, rate: number, seed: number): number[] {
  const r = rng(seed);
  return Array.from({ length: days }, () => {
    let k = 0;
    let p = Math.exp(-rate);
    let cumulative = p;
    const u = r();
    while (u > cumulative) {
      k++;
      p *= rate / k;
      cumulative += p;
    }
    return k;
  });
}
