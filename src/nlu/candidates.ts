import type { Classifier, LabelledFeatures } from './classifier';
import { readLabelledTsv, type LabelledText } from './corpus';
import { compareClassifiers, type CandidateResult } from './evaluate';
import { DEFAULT_FEATURES, domainFrequency, intentFeatures, noveltyFeatures, type WordMarker } from './intentFeatures';
import { dropoutCopies, DROPOUT } from './intents';
import { NaiveBayesClassifier } from './naiveBayes';
import { NaturalClassifier } from './naturalClassifiers';
import { SoftmaxClassifier } from './softmaxClassifier';
import { tokenize, type Token } from './tokenize';

export interface CompareOptions {
  mark: WordMarker;
  trainFile: string;
  /**
   * Also natural's LogisticRegressionClassifier, trained on this many utterances per intent (its
   * dense gradient descent takes far too long on the whole corpus), next to our softmax on the same sample.
   */
  naturalLogisticSample?: number;
  onProgress?: (name: string) => void;
}

type FeatureSet = (tokens: Token[], ownMessageCounted: boolean) => string[];

/**
 * The classifiers and feature sets we chose between, trained on the training corpus and scored on
 * `test`: our softmax regression (the bot's: with character n-grams), with feature dropout, without character n-grams, our
 * log-space naive Bayes, and natural's BayesClassifier (and LogisticRegression when asked) on
 * stemmed unigrams and bigrams.
 */
export function compareCandidates(test: LabelledText[], o: CompareOptions): Record<string, CandidateResult> {
  const trainRows = readLabelledTsv(o.trainFile);
  const trainTokens = trainRows.map((r) => ({ tokens: tokenize(r.text), label: r.label }));
  const df = domainFrequency(trainTokens);
  const served: FeatureSet = (t, own) => [...intentFeatures(t, o.mark, DEFAULT_FEATURES), ...noveltyFeatures(t, o.mark, df, own)];
  const full: FeatureSet = (t, own) => [...intentFeatures(t, o.mark, { bigrams: true, charGrams: false, negation: false, skipGrams: false }), ...noveltyFeatures(t, o.mark, df, own)];
  const plain: FeatureSet = (t) => intentFeatures(t, () => [], { bigrams: true, charGrams: false, negation: false, skipGrams: false }).filter((f) => f.startsWith('w:') || f.startsWith('b:'));
  const unigrams: FeatureSet = (t) => plain(t, false).filter((f) => f.startsWith('w:'));
  const testTokens = test.map((r) => ({ tokens: tokenize(r.text), label: r.label }));
  const run = (features: FeatureSet, candidates: Record<string, (docs: LabelledFeatures[]) => Classifier>, train = trainTokens) =>
    compareClassifiers(
      candidates,
      train.map((d) => ({ features: features(d.tokens, d.label !== 'out_of_scope'), label: d.label })),
      testTokens.map((d) => ({ features: features(d.tokens, false), label: d.label })),
      o.onProgress,
    );
  const results: Record<string, CandidateResult> = {
    ...prefix('softmax+words+bigrams+char-ngrams+classes (served)', run(served, { '': (d) => SoftmaxClassifier.train([...d, ...dropoutCopies(d, DROPOUT)]) })),
    ...prefix('softmax+words+bigrams+char-ngrams+classes+dropout 0.2', run(served, { '': (d) => SoftmaxClassifier.train([...d, ...dropoutCopies(d, 0.2)]) })),
    ...prefix('softmax+words+bigrams+classes+dropout 0.2 (no char n-grams)', run(full, { '': (d) => SoftmaxClassifier.train([...d, ...dropoutCopies(d, 0.2)]) })),
    ...prefix('naive-bayes+words+bigrams+classes', run(full, { '': (d) => NaiveBayesClassifier.train(d) })),
    ...prefix('natural-bayes+words+bigrams', run(plain, { '': (d) => NaturalClassifier.train('bayes', d) })),
  };
  const k = o.naturalLogisticSample;
  if (k) {
    const sample = perLabel(trainTokens, k);
    Object.assign(results, prefix(`natural-logistic+unigrams (${k}/intent)`, run(unigrams, { '': (d) => NaturalClassifier.train('logistic', d) }, sample)));
    Object.assign(results, prefix(`softmax+unigrams (${k}/intent)`, run(unigrams, { '': (d) => SoftmaxClassifier.train(d) }, sample)));
  }
  return results;
}

function prefix(name: string, r: Record<string, CandidateResult>): Record<string, CandidateResult> {
  return { [name]: r[''] };
}

/** The first k examples of each label, in corpus order. */
function perLabel<T extends { label: string }>(rows: T[], k: number): T[] {
  const seen = new Map<string, number>();
  return rows.filter((r) => {
    const n = seen.get(r.label) ?? 0;
    seen.set(r.label, n + 1);
    return n < k;
  });
}
