import { softmaxScores, type ClassScore, type Classifier, type LabelledFeatures } from './classifier';

/**
 * Multinomial naive Bayes with additive smoothing, in log space (natural's Bayes multiplies
 * probabilities and underflows to 0 on long messages). Kept as a baseline for `eval nlu --compare`.
 */
export class NaiveBayesClassifier implements Classifier {
  readonly name = 'naive-bayes';
  readonly labels: readonly string[];
  private readonly logPrior: number[];
  private readonly logLik: Map<string, Float64Array>;
  private readonly logUnseen: Float64Array;

  private constructor(labels: string[], logPrior: number[], logLik: Map<string, Float64Array>, logUnseen: Float64Array) {
    this.labels = labels;
    this.logPrior = logPrior;
    this.logLik = logLik;
    this.logUnseen = logUnseen;
  }

  static train(docs: LabelledFeatures[], alpha = 0.1): NaiveBayesClassifier {
    const labels = [...new Set(docs.map((d) => d.label))].sort();
    const C = labels.length;
    const counts = new Map<string, Float64Array>();
    const totals = new Float64Array(C);
    const docCounts = new Float64Array(C);
    for (const d of docs) {
      const c = labels.indexOf(d.label);
      docCounts[c]++;
      for (const f of d.features) {
        let row = counts.get(f);
        if (!row) counts.set(f, (row = new Float64Array(C)));
        row[c]++;
        totals[c]++;
      }
    }
    const V = counts.size;
    const denom = Array.from(totals, (t) => Math.log(t + alpha * V));
    const logLik = new Map<string, Float64Array>();
    for (const [f, row] of counts) logLik.set(f, Float64Array.from(row, (n, c) => Math.log(n + alpha) - denom[c]));
    const logUnseen = Float64Array.from(denom, (d) => Math.log(alpha) - d);
    const logPrior = Array.from(docCounts, (n) => Math.log(n / docs.length));
    return new NaiveBayesClassifier(labels, logPrior, logLik, logUnseen);
  }

  knows(feature: string): boolean {
    return this.logLik.has(feature);
  }

  predict(features: readonly string[]): ClassScore[] {
    const z = [...this.logPrior];
    for (const f of features) {
      const row = this.logLik.get(f);
      if (!row) continue;
      for (let c = 0; c < z.length; c++) z[c] += row[c];
    }
    return softmaxScores(this.labels, z);
  }
}
