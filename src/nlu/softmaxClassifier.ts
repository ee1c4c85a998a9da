import { seededRandom, softmaxScores, type ClassScore, type Classifier, type LabelledFeatures } from './classifier';

export interface SoftmaxOptions {
  epochs: number;
  learningRate: number;
  l2: number;
  seed: number;
  /** Per-class loss weight is (n_max / n_class) ** classWeightPower: 0 is unweighted, 1 is fully balanced. */
  classWeightPower: number;
  /** Value of a character n-gram feature (`c:`) relative to a word feature's 1, before unit-length scaling. */
  charWeight: number;
}

/**
 * Chosen by 5-fold cross-validation on the training file (`shopmate eval nlu … --cv 5`):
 * character n-grams at weight 0.4 scored 0.914 against 0.912 at weight 1 and 0.905 without them;
 * l2 3e-5, 15 epochs and class weights (power 0.3 or 0.5) did not beat these.
 */
export const SOFTMAX_DEFAULTS: SoftmaxOptions = { epochs: 10, learningRate: 0.5, l2: 1e-5, seed: 7, classWeightPower: 0, charWeight: 0.4 };

/** The trained state. */
export interface SoftmaxState {
  labels: string[];
  features: string[];
  weights: Float32Array; // features.length × labels.length, row per feature
  bias: Float32Array;
  charWeight: number;
}

/** The part of the state that is saved as JSON (the weights are saved as raw float32). */
export interface SoftmaxHead {
  labels: string[];
  features: string[];
  bias: number[];
  charWeight: number;
}

/**
 * Multinomial logistic regression on sparse features (1 for a word or bigram, `charWeight` for a
 * character n-gram; each message's vector scaled to unit length), trained by SGD with AdaGrad step sizes and L2 decay. Fast enough to train at
 * start-up on a few thousand messages; its probabilities are better calibrated than Bayes'.
 */
export class SoftmaxClassifier implements Classifier {
  readonly name = 'softmax';
  readonly labels: readonly string[];
  private readonly index: Map<string, number>;
  private readonly encoder: FeatureEncoder;
  private readonly z: Float64Array;

  constructor(private readonly state: SoftmaxState) {
    this.labels = state.labels;
    this.index = new Map(state.features.map((f, i) => [f, i]));
    this.encoder = new FeatureEncoder(this.index, state.charWeight);
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
    const encoder = new FeatureEncoder(fIndex, o.charWeight);
    const encoded = docs.map((d) => ({ ...encoder.encode(d.features), y: labels.indexOf(d.label) }));
    const perClass = labels.map((_, c) => encoded.filter((e) => e.y === c).length);
    const most = Math.max(...perClass);
    const classWeight = perClass.map((n) => (most / Math.max(1, n)) ** o.classWeightPower);
    const rand = seededRandom(o.seed);
    const order = encoded.map((_, i) => i);
    const z = new Float64Array(C);
    for (let epoch = 0; epoch < o.epochs; epoch++) {
      shuffle(order, rand);
      for (const i of order) {
        const { x, vx, y } = encoded[i];
        scores(weights, bias, x, vx, C, z);
        const p = softmaxInPlace(z);
        const w = classWeight[y];
        for (let c = 0; c < C; c++) {
          const g = w * (p[c] - (c === y ? 1 : 0));
          b2[c] += g * g;
          bias[c] -= (o.learningRate * g) / Math.sqrt(b2[c]);
          for (let j = 0; j < x.length; j++) {
            const k = x[j] * C + c;
            const gw = g * vx[j] + o.l2 * weights[k];
            g2[k] += gw * gw;
            weights[k] -= (o.learningRate * gw) / Math.sqrt(g2[k]);
          }
        }
      }
    }
    return new SoftmaxClassifier({ labels, features, weights, bias, charWeight: o.charWeight });
  }

  knows(feature: string): boolean {
    return this.index.has(feature);
  }

  predict(features: readonly string[]): ClassScore[] {
    return this.predictCounting(features, () => false).scores;
  }

  /** Probabilities, and how many of the features (repeats included) that `counted` accepts the model knows. */
  predictCounting(features: readonly string[], counted: (feature: string) => boolean): { scores: ClassScore[]; known: number } {
    const { x, vx, known } = this.encoder.encode(features, counted);
    scores(this.state.weights, this.state.bias, x, vx, this.labels.length, this.z);
    return { scores: softmaxScores(this.labels, this.z), known };
  }

  /** The state in two parts for the start-up cache (see modelFile.ts): what JSON holds well, and the weights. */
  parts(): { head: SoftmaxHead; weights: Float32Array } {
    const { labels, features, weights, bias, charWeight } = this.state;
    return { head: { labels, features, bias: Array.from(bias), charWeight }, weights };
  }

  static fromParts(head: SoftmaxHead, weights: Float32Array): SoftmaxClassifier {
    const { labels, features, bias, charWeight } = head;
    if (!Array.isArray(labels) || !Array.isArray(features) || !Array.isArray(bias) || typeof charWeight !== 'number' || weights.length !== features.length * labels.length || bias.length !== labels.length) {
      throw new Error('softmax model: inconsistent sizes');
    }
    return new SoftmaxClassifier({ labels, features, weights, bias: Float32Array.from(bias), charWeight });
  }
}

/**
 * A message as the classifier sees it, in one pass over its features: the indices of the distinct
 * known ones (in order of first appearance) and their values (1 for a word or bigram,
 * `charWeight` for a character n-gram), scaled by the length of all distinct features, known or
 * not: unknown words dilute the evidence, as they should. Distinct known features are told apart
 * by a stamp per feature index instead of a set per message.
 */
class FeatureEncoder {
  private readonly stamps: Int32Array;
  private stamp = 0;
  private readonly unknown = new Set<string>();

  constructor(
    private readonly index: ReadonlyMap<string, number>,
    private readonly charWeight: number,
  ) {
    this.stamps = new Int32Array(index.size);
  }

  encode(features: readonly string[], counted: (feature: string) => boolean = () => false): { x: number[]; vx: Float64Array; known: number } {
    if (this.stamp === 0x7fffffff) this.stamps.fill((this.stamp = 0));
    const stamp = ++this.stamp;
    const x: number[] = [];
    const values: number[] = [];
    let sum = 0;
    let known = 0;
    for (const f of features) {
      const value = valueOf(f, this.charWeight);
      const i = this.index.get(f);
      if (i === undefined) {
        if (this.unknown.has(f)) continue;
        this.unknown.add(f);
      } else {
        if (counted(f)) known++;
        if (this.stamps[i] === stamp) continue;
        this.stamps[i] = stamp;
        x.push(i);
        values.push(value);
      }
      sum += value ** 2;
    }
    this.unknown.clear();
    const length = Math.sqrt(sum);
    const vx = new Float64Array(x.length);
    if (length > 0) for (let j = 0; j < x.length; j++) vx[j] = values[j] / length;
    return { x, vx, known };
  }
}

function valueOf(feature: string, charWeight: number): number {
  return feature.startsWith('c:') ? charWeight : 1;
}

function scores(weights: Float32Array, bias: Float32Array, x: number[], vx: Float64Array, C: number, z: Float64Array): void {
  for (let c = 0; c < C; c++) z[c] = bias[c];
  for (let j = 0; j < x.length; j++) {
    const row = x[j] * C;
    const v = vx[j];
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
