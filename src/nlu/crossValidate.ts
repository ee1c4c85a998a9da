import { seededRandom } from './classifier';
import type { LabelledText } from './corpus';
import { scoreIntents, type IntentReport } from './evaluate';

export interface CrossValidation extends IntentReport {
  k: number;
  /** Accuracy of each fold, in fold order. */
  fold_accuracy: number[];
  /** Mean training time of one fold, milliseconds. */
  train_ms: number;
}

/** Polite openers and closers that the corpus puts around the same request ("ok so …, thank you"). */
const FRAME_START = new Set(['ok', 'okay', 'so', 'um', 'uh', 'hmm', 'hi', 'hiya', 'hey', 'hello', 'there', 'good', 'morning', 'excuse', 'me', 'sorry', 'please', 'pls']);
const FRAME_END = new Set(['thank', 'you', 'thanks', 'please', 'pls', 'asap', 'now']);

/**
 * What near-copies share: lower-case words without punctuation and without the polite frame.
 * Rows with the same key go to the same fold, so a copy in training cannot answer for its twin.
 */
export function nearDuplicateKey(text: string): string {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  let a = 0;
  let b = words.length;
  while (a < b - 1 && FRAME_START.has(words[a])) a++;
  while (b > a + 1 && FRAME_END.has(words[b - 1])) b--;
  return words.slice(a, b).join(' ') || text;
}

/**
 * Stratified k-fold cross-validation: each label's rows are shuffled (seeded) and dealt round-robin
 * into k folds, near-copies (`nearDuplicateKey`) together; `fit` trains on k-1 folds and returns a predictor that is scored on the fold left out.
 * Scores are pooled over all rows, so every row is predicted exactly once by a model that never saw it.
 */
export function crossValidate(rows: LabelledText[], k: number, fit: (train: LabelledText[]) => (text: string) => string, seed = 1): CrossValidation {
  if (k < 2 || k > rows.length) throw new Error(`cross-validation needs 2 <= k <= ${rows.length}`);
  const fold = assignFolds(rows, k, seed);
  const predicted = new Array<string>(rows.length);
  const foldAccuracy: number[] = [];
  let trainMs = 0;
  for (let f = 0; f < k; f++) {
    const t0 = performance.now();
    const predict = fit(rows.filter((_, i) => fold[i] !== f));
    trainMs += performance.now() - t0;
    let right = 0;
    let n = 0;
    rows.forEach((r, i) => {
      if (fold[i] !== f) return;
      predicted[i] = predict(r.text);
      n++;
      if (predicted[i] === r.label) right++;
    });
    foldAccuracy.push(Math.round((right / Math.max(1, n)) * 10000) / 10000);
  }
  return { k, ...scoreIntents(rows.map((r) => r.label), predicted), fold_accuracy: foldAccuracy, train_ms: Math.round(trainMs / k) };
}

/** Fold number of each row, stratified by label. */
export function assignFolds(rows: LabelledText[], k: number, seed: number): number[] {
  const rand = seededRandom(seed);
  const byLabel = new Map<string, number[]>();
  rows.forEach((r, i) => byLabel.set(r.label, [...(byLabel.get(r.label) ?? []), i]));
  const fold = new Array<number>(rows.length).fill(0);
  let next = 0;
  for (const label of [...byLabel.keys()].sort()) {
    const groups = new Map<string, number[]>();
    for (const i of byLabel.get(label)!) {
      const key = nearDuplicateKey(rows[i].text);
      groups.set(key, [...(groups.get(key) ?? []), i]);
    }
    const list = [...groups.values()];
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [list[i], list[j]] = [list[j], list[i]];
    }
    for (const g of list) {
      for (const i of g) fold[i] = next % k;
      next++;
    }
  }
  return fold;
}
