import type { Dataset } from './dataset';
import { MetricSummary, type ListMetrics } from './metrics';
import type { Model, Setting } from './models/model';
import type { Target } from './split';
import { topK } from './topK';

export type SettingMetrics = ListMetrics & { coverage: number };

export interface ModelEvaluation {
  all: SettingMetrics;
  new?: SettingMetrics;
  /** Every query's time (score + top-k), microseconds. */
  queryUs: number[];
}

/** Items the customer bought in training, as a skip mask (the "new items only" setting). */
export function pastMask(ds: Dataset, user: number, mask: Uint8Array): Uint8Array {
  mask.fill(0);
  for (let p = ds.uPtr[user]; p < ds.uPtr[user + 1]; p++) mask[ds.uItem[p]] = 1;
  return mask;
}

/** Items with any training interaction (reported next to coverage, whose denominator is every product). */
export function trainedItems(ds: Dataset): number {
  let n = 0;
  for (let i = 0; i < ds.nItems; i++) if (ds.buyers(i) > 0) n++;
  return n;
}

/**
 * Scores every target customer with a fitted model and averages the metrics at k.
 * "new": lists exclude what the customer bought before, relevant = only the new items,
 * customers with nothing new are skipped.
 */
export function evaluateModel(model: Model, ds: Dataset, targets: Target[], k: number, settings: Setting[] = ['all', 'new']): ModelEvaluation {
  const scores = new Float32Array(ds.nItems);
  const mask = new Uint8Array(ds.nItems);
  const catalogue = ds.nItems;
  const summaries = { all: new MetricSummary(k, catalogue), new: new MetricSummary(k, catalogue) };
  const queryUs: number[] = [];
  for (const t of targets) {
    const h = ds.history(t.user);
    for (const setting of settings) {
      const relevant = setting === 'all' ? t.all : t.fresh;
      if (relevant.length === 0) continue;
      const started = performance.now();
      const skip = setting === 'new' ? pastMask(ds, t.user, mask) : undefined;
      model.score(h, scores, t.user, { setting, skip });
      const recs = topK(scores, k, skip);
      queryUs.push((performance.now() - started) * 1000);
      summaries[setting].add(recs, new Set(relevant));
    }
  }
  return {
    all: summaries.all.result(),
    new: settings.includes('new') ? summaries.new.result() : undefined,
    queryUs,
  };
}

/** The p-quantile (0..1) of unsorted values, nearest rank. */
export function quantile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}
