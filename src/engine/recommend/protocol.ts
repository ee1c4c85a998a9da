import { Dataset } from './dataset';
import { evaluateModel, quantile, trainedItems, type SettingMetrics } from './evaluate';
import { Diversified } from './diversity';
import { Hybrid } from './hybrid';
import { cosine, type ContentTfidf } from './models/contentTfidf';
import { DAY_MS, type Catalog, type Lines } from './interactions';
import { ItemKnn } from './models/itemKnn';
import type { Model } from './models/model';
import type { Similarity } from './models/neighbours';
import { buildParts, DEFAULT_PARAMS, HYBRID_PARTS, type RecommendParams } from './params';
import { evaluationTargets, temporalSplit } from './split';
import { tuneParams, validationFolds } from './tune';
import { isRepeatOnly } from './tuneWeights';

export interface ModelReport {
  all: SettingMetrics;
  new?: SettingMetrics;
  fit_ms: number;
  query_us_p50: number;
  query_us_p99: number;
}

export interface RecommendReport {
  k: number;
  cutoff: string;
  customers: { all: number; new: number };
  models: Record<string, ModelReport>;
  served: string;
  coverage_of: string;
  catalogue_items: number;
  trained_items: number;
  lines: { train: number; test: number };
  orders: { train: number; test: number };
  timing_ms: { dataset: number; cooccurrence: number; tune: number };
  params: RecommendParams;
}

export interface EvaluationOptions {
  k: number;
  /** Tune hyper-parameters and weights on the validation split (default); false = DEFAULT_PARAMS. */
  tune?: boolean;
  /** Overrides EASE's item cap (e.g. the whole catalogue, to measure it). */
  easeItems?: number;
  log?: (msg: string) => void;
}

const timed = <T>(fn: () => T): [T, number] => {
  const t = performance.now();
  const r = fn();
  return [r, performance.now() - t];
};

/** The temporal hold-out of DESIGN.md: every model and the served hybrid, both settings. */
export function runRecommendEvaluation(lines: Lines, catalog: Catalog, options: EvaluationOptions): RecommendReport {
  const log = options.log ?? (() => {});
  const k = options.k;
  const split = temporalSplit(lines, 0.9);
  const [tuned, tuneMs] = timed(() => {
    const base = structuredClone(DEFAULT_PARAMS);
    if (options.easeItems) base.ease.maxItems = options.easeItems;
    if (options.tune === false) return { params: base, similarities: ['cosine', 'jaccard', 'lift'].map((s) => ({ ...base.itemKnn, similarity: s as Similarity })) };
    const t = tuneParams(validationFolds(lines, catalog, split.trainEnd, k), base, log);
    return { params: t.params, similarities: Object.values(t.itemKnn).map((m) => ({ ...m.options })) };
  });
  const params = tuned.params;
  log(`tuned on validation in ${(tuneMs / 1000).toFixed(1)} s`);

  const [ds, datasetMs] = timed(() => new Dataset(lines, catalog, split.trainEnd));
  const [, coocMs] = timed(() => ds.cooccurrence());
  const targets = evaluationTargets(ds, lines, split.trainEnd, split.end);
  const parts = buildParts(params);
  const singles: Record<string, Model> = { popularity: parts.popularity, buy_again: parts.buy_again, buy_again_count: parts.buy_again_count };
  for (const o of tuned.similarities) {
    singles[`item_knn_${o.similarity}`] = o.similarity === params.itemKnn.similarity ? parts.item_knn : new ItemKnn(o);
  }
  Object.assign(singles, { sar: parts.sar, user_knn: parts.user_knn, ease: parts.ease, content_tfidf: parts.content_tfidf });

  const usesCooc = new Set(['sar', 'ease', 'item_knn_cosine', 'item_knn_jaccard', 'item_knn_lift']);
  const models: Record<string, ModelReport> = {};
  const fitMs = new Map<Model, number>();
  for (const [name, model] of Object.entries(singles)) {
    ds.clearNeighbours(); // each model's fit time is measured on its own, without shared lists
    const [, ms] = timed(() => model.fit(ds));
    fitMs.set(model, ms);
    const r = evaluateModel(model, ds, targets, k, isRepeatOnly(model) ? ['all'] : ['all', 'new']);
    models[name] = report(r, ms + (usesCooc.has(name) ? coocMs : 0));
    log(`${name.padEnd(17)} ndcg ${r.all.ndcg.toFixed(3)} / ${r.new?.ndcg.toFixed(3) ?? '  -  '}  hit ${r.all.hit_rate.toFixed(2)} / ${r.new?.hit_rate.toFixed(2) ?? ' - '}  fit ${ms.toFixed(0)} ms`);
  }
  const hybridParts = HYBRID_PARTS.map((n) => parts[n]);
  const hybrid = new Hybrid(hybridParts, params.weights);
  // Upper bound: the parts' standalone fits; the bot's refresh shares neighbour lists (bench/recommend.ts).
  const hybridFit = datasetMs + coocMs + hybridParts.reduce((s, m) => s + (fitMs.get(m) ?? 0), 0);
  for (const [name, model] of [['hybrid', hybrid], ['hybrid_diverse', diverse(hybrid, parts.content_tfidf as ContentTfidf, catalog)]] as const) {
    const r = evaluateModel(model, ds, targets, k);
    models[name] = report(r, hybridFit);
    log(`${name.padEnd(17)} ndcg ${r.all.ndcg.toFixed(3)} / ${r.new?.ndcg.toFixed(3)}  hit ${r.all.hit_rate.toFixed(2)} / ${r.new?.hit_rate.toFixed(2)}  fit ${hybridFit.toFixed(0)} ms`);
  }

  return {
    k,
    cutoff: new Date(split.cutoff * DAY_MS).toISOString(),
    customers: { all: targets.length, new: targets.filter((t) => t.fresh.length > 0).length },
    models,
    served: 'hybrid_diverse', // what the bot shows: the hybrid's ranking after the diversity re-rank
    coverage_of: 'all products in the catalogue (some never sold: content-based can recommend those)',
    catalogue_items: catalog.size,
    trained_items: trainedItems(ds),
    lines: { train: split.trainEnd, test: split.end - split.trainEnd },
    orders: split.orders,
    timing_ms: { dataset: round(datasetMs), cooccurrence: round(coocMs), tune: round(tuneMs) },
    params,
  };
}

/** The hybrid as the bot shows it: near-duplicate variants re-ranked by text similarity. */
function diverse(hybrid: Hybrid, content: ContentTfidf, catalog: Catalog): Model {
  const vectors = content.vectors;
  return new Diversified(hybrid, vectors ? (a, b) => cosine(vectors, a, b) : () => 0, (i) => catalog.category[i]);
}

const round = (x: number, digits = 0) => Number(x.toFixed(digits));

function report(r: ReturnType<typeof evaluateModel>, fitMs: number): ModelReport {
  const fix = (m: SettingMetrics): SettingMetrics => ({
    hit_rate: round(m.hit_rate, 4),
    ndcg: round(m.ndcg, 4),
    precision: round(m.precision, 4),
    recall: round(m.recall, 4),
    coverage: round(m.coverage, 4),
  });
  return {
    all: fix(r.all),
    ...(r.new ? { new: fix(r.new) } : {}),
    fit_ms: round(fitMs),
    query_us_p50: round(quantile(r.queryUs, 0.5)),
    query_us_p99: round(quantile(r.queryUs, 0.99)),
  };
}
