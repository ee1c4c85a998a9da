import type { Classifier, LabelledFeatures } from './classifier';
import type { LabelledText } from './corpus';

export interface IntentReport {
  n: number;
  accuracy: number;
  macro_f1: number;
  per_intent: Record<string, { precision: number; recall: number; f1: number; n: number }>;
  confusion: Record<string, Record<string, number>>;
}

/** Accuracy, macro F1 over the gold labels, per-label precision/recall and the confusion table. */
export function scoreIntents(gold: string[], predicted: string[]): IntentReport {
  const confusion: Record<string, Record<string, number>> = {};
  let correct = 0;
  gold.forEach((g, i) => {
    const p = predicted[i];
    if (g === p) correct++;
    confusion[g] ??= {};
    confusion[g][p] = (confusion[g][p] ?? 0) + 1;
  });
  const labels = [...new Set(gold)].sort();
  const per_intent: IntentReport['per_intent'] = {};
  for (const l of labels) {
    const tp = confusion[l]?.[l] ?? 0;
    const goldN = gold.filter((g) => g === l).length;
    const predN = predicted.filter((p) => p === l).length;
    const precision = predN ? tp / predN : 0;
    const recall = goldN ? tp / goldN : 0;
    const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
    per_intent[l] = { precision: r4(precision), recall: r4(recall), f1: r4(f1), n: goldN };
  }
  const macro = labels.length ? labels.reduce((s, l) => s + per_intent[l].f1, 0) / labels.length : 0;
  return { n: gold.length, accuracy: r4(gold.length ? correct / gold.length : 0), macro_f1: r4(macro), per_intent, confusion };
}

/** Mean and 99th percentile (nearest rank) of durations in microseconds. */
export function latency(us: number[]): { us_mean: number; us_p50: number; us_p99: number } {
  if (us.length === 0) return { us_mean: 0, us_p50: 0, us_p99: 0 };
  const sorted = [...us].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
  return { us_mean: r1(us.reduce((s, x) => s + x, 0) / us.length), us_p50: r1(at(0.5)), us_p99: r1(at(0.99)) };
}

export interface CandidateResult {
  accuracy: number;
  macro_f1: number;
  fit_ms: number;
  us_mean: number;
}

/** Trains each candidate on the same features and scores it on the same test messages. */
export function compareClassifiers(
  candidates: Record<string, (docs: LabelledFeatures[]) => Classifier>,
  train: LabelledFeatures[],
  test: LabelledFeatures[],
  onProgress?: (name: string) => void,
): Record<string, CandidateResult> {
  const out: Record<string, CandidateResult> = {};
  for (const [name, make] of Object.entries(candidates)) {
    onProgress?.(name);
    const t0 = performance.now();
    const model = make(train);
    const fit_ms = Math.round(performance.now() - t0);
    const times: number[] = [];
    const predicted = test.map((d) => {
      const s = performance.now();
      const label = model.predict(d.features)[0]?.label ?? '';
      times.push((performance.now() - s) * 1000);
      return label;
    });
    const report = scoreIntents(test.map((d) => d.label), predicted);
    out[name] = { accuracy: report.accuracy, macro_f1: report.macro_f1, fit_ms, us_mean: latency(times).us_mean };
  }
  return out;
}

export type { LabelledText };

function r4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

function r1(x: number): number {
  return Math.round(x * 10) / 10;
}
