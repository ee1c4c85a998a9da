import { seededRandom, softmaxScores, type ClassScore, type Classifier, type LabelledFeatures } from './classifier';

export interface SoftmaxOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
}

export const SOFTMAX_DEFAULTS: SoftmaxOptions = { epochs: 10, learningRate: 0.5, l2: 1e-5, seed: 7 };

/** The trained state, plain enough to cache as JSON plus one binary array. */
export interface SoftmaxState {
  labels: string[];
  features: string[];
  weights: Float32Array; // features.length × labels.length, row per feature
  bias: Float32Array;
}

/**
 * Multinomial logistic regression on sparse binary features (each message's vector scaled to
 * unit length), trained by SGD with AdaGrad step sizes and L2 decay. Fast enough to train at
 * start-up on a few thousand messages; its probabilities are better calibrated than Bayes'.
 */
export class SoftmaxClassifier implements Classifier {
  readonly name = 'softmax';
  readonly labels: readonly string[];
  private readonly index: Map<string, number>;
  private readonly z: Float64Array;

  constructor(private readonly state: SoftmaxState) {
    this.labels = state.labels;
    this.index = new Map(state.features.map((f, i) => [f, i]));
    this.z = new Float64Array(state.labels.length);
  }

  static train(docs: LabelledFeatures[], options: Partial<SoftmaxOptions> = {}): SoftmaxClassifier {
    const o = { ...SOFTMAX_DEFAULTS, ...options };
    const labels = [...new Set(docs.map((d) => d.label))].sort();
    const features = [...new Set(docs.flatMap((d) => d.features))].sort();
    const fIndex = new Map(features.map((f, i) => [f, i]));
    const C = labels.length;
    const weights = new Float32Array(features.length * C);
    const bias = new Float32Array(C);
    const g2 = new Float32Array(features.length * C).fill(1e-8);
    const b2 = new Float32Array(C).fill(1e-8);
    const encoded = docs.map((d) => ({ x: uniqueIndices(d.features, fIndex), y: labels.indexOf(d.label) }));
    const rand = seededRandom(o.seed);
    const order = encoded.map((_, i) => i);
    const z = new Float64Array(C);
    for (let epoch = 0; epoch < o.epochs; epoch++) {
      shuffle(order, rand);
      for (const i of order) {
        const { x, y } = encoded[i];
        const v = x.length ? 1 / Math.sqrt(x.length) : 0;
        scores(weights, bias, x, v, C, z);
        const p = softmaxInPlace(z);
        for (let c = 0; c < C; c++) {
          const g = p[c] - (c === y ? 1 : 0);
          b2[c] += g * g;
          bias[c] -= (o.learningRate * g) / Math.sqrt(b2[c]);
          for (const f of x) {
            const k = f * C + c;
            const gw = g * v + o.l2 * weights[k];
            g2[k] += gw * gw;
            weights[k] -= (o.learningRate * gw) / Math.sqrt(g2[k]);
          }
        }
      }
    }
    return new SoftmaxClassifier({ labels, features, weights, bias });
  }

  knows(feature: string): boolean {
    return this.index.has(feature);
  }

  predict(features: readonly string[]): ClassScore[] {
    const x = uniqueIndices(features, this.index);
    const C = this.labels.length;
    // scaled by all distinct features, known or not: unknown words dilute the evidence, as they should
    const n = new Set(features).size;
    scores(this.state.weights, this.state.bias, x, n ? 1 / Math.sqrt(n) : 0, C, this.z);
    return softmaxScores(this.labels, this.z);
  }

  /** JSON head plus the weights as base64, for the start-up cache. */
  serialize(): string {
    const { labels, features, weights, bias } = this.state;
    return JSON.stringify({
      labels,
      features,
      weights: Buffer.from(weights.buffer, weights.byteOffset, weights.byteLength).toString('base64'),
      bias: Array.from(bias),
    });
  }

  static deserialize(text: string): SoftmaxClassifier {
    const o = JSON.parse(text) as { labels: string[]; features: string[]; weights: string; bias: number[] };
    const buf = Buffer.from(o.weights, 'base64');
    const weights = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
    if (!Array.isArray(o.labels) || !Array.isArray(o.features) || weights.length !== o.features.length * o.labels.length || o.bias.length !== o.labels.length) {
      throw new Error('softmax model: inconsistent sizes');
    }
    return new SoftmaxClassifier({ labels: o.labels, features: o.features, weights, bias: Float32Array.from(o.bias) });
  }
}

function uniqueIndices(features: readonly string[], index: Map<string, number>): number[] {
  const seen = new Set<number>();
  for (const f of features) {
    const i = index.get(f);
    if (i !== undefined) seen.add(i);
  }
  return [...seen];
}

function scores(weights: Float32Array, bias: Float32Array, x: number[], v: number, C: number, z: Float64Array): void {
  for (let c = 0; c < C; c++) z[c] = bias[c];
  for (const f of x) {
    const row = f * C;
    for (let c = 0; c < C; c++) z[c] += v * weights[row + c];
  }
}

function softmaxInPlace(z: Float64Array): Float64Array {
  let max = -Infinity;
  for (let c = 0; c < z.length; c++) if (z[c] > max) max = z[c];
  let sum = 0;
  for (let c = 0; c < z.length; c++) {
    z[c] = Math.exp(z[c] - max);
    sum += z[c];
  }
  for (let c = 0; c < z.length; c++) z[c] /= sum;
  return z;
}

function shuffle(a: number[], rand: () => number): void {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
}
