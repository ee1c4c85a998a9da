import { softmaxScores, type ClassScore, type Classifier, type LabelledFeatures } from './classifier';
import type { BayesClassifier, LogisticRegressionClassifier } from 'natural/lib/natural/classifiers';
import { naturalClassifiers } from './natural';

type NaturalModel = InstanceType<typeof BayesClassifier> | InstanceType<typeof LogisticRegressionClassifier>;

/**
 * natural's own classifiers fed with our feature lists (arrays skip its tokenizer and stop words),
 * for comparison in `eval nlu --compare`. Both turn every message into a dense vector over the whole
 * vocabulary, so they are slow on large feature sets: LogisticRegression trains for minutes.
 */
export class NaturalClassifier implements Classifier {
  readonly labels: readonly string[];
  private readonly known: Set<string>;

  private constructor(readonly name: string, private readonly model: NaturalModel, docs: LabelledFeatures[]) {
    this.labels = [...new Set(docs.map((d) => d.label))].sort();
    this.known = new Set(docs.flatMap((d) => d.features));
  }

  static train(kind: 'bayes' | 'logistic', docs: LabelledFeatures[]): NaturalClassifier {
    const { BayesClassifier: Bayes, LogisticRegressionClassifier: Logistic } = naturalClassifiers();
    const model = kind === 'bayes' ? new Bayes() : new Logistic();
    for (const d of docs) model.addDocument(d.features, d.label);
    model.train();
    return new NaturalClassifier(`natural-${kind}`, model, docs);
  }

  knows(feature: string): boolean {
    return this.known.has(feature);
  }

  predict(features: readonly string[]): ClassScore[] {
    const raw = this.model.getClassifications([...features]);
    const byLabel = new Map(raw.map((r) => [r.label, r.value]));
    const total = raw.reduce((s, r) => s + r.value, 0);
    if (!(total > 0)) {
      // natural's Bayes multiplies probabilities and underflows on long messages: keep its order only
      const z = this.labels.map((l) => -raw.findIndex((r) => r.label === l));
      return softmaxScores(this.labels, z);
    }
    return this.labels.map((label) => ({ label, p: (byLabel.get(label) ?? 0) / total })).sort((a, b) => b.p - a.p);
  }
}
