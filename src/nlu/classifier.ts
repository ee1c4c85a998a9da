/** A trained text classifier over string features; scores are probabilities, best first. */
export interface ClassScore {
  label: string;
  p: number;
}

export interface Classifier {
  readonly name: string;
  readonly labels: readonly string[];
  /** Whether the model has seen this feature in training. */
  knows(feature: string): boolean;
  predict(features: readonly string[]): ClassScore[];
}

export interface LabelledFeatures {
  features: string[];
  label: string;
}

/** Deterministic PRNG (mulberry32) so training is reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Softmax of raw scores into probabilities sorted best first. */
export function softmaxScores(labels: readonly string[], z: ArrayLike<number>): ClassScore[] {
  let max = -Infinity;
  for (let c = 0; c < labels.length; c++) if (z[c] > max) max = z[c];
  let sum = 0;
  const e = new Array<number>(labels.length);
  for (let c = 0; c < labels.length; c++) {
    e[c] = Math.exp(z[c] - max);
    sum += e[c];
  }
  // the comparator answers -1, 0 or 1 (small integers), not a difference of doubles: no number to box per comparison
  return labels.map((label, c) => ({ label, p: e[c] / sum })).sort((a, b) => (b.p > a.p ? 1 : b.p < a.p ? -1 : 0));
}
