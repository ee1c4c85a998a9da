import { Dataset } from './dataset';
import { evaluateModel } from './evaluate';
import type { Catalog, Lines } from './interactions';
import { BuyAgain } from './models/buyAgain';
import { ContentTfidf } from './models/contentTfidf';
import { Ease } from './models/ease';
import { ItemKnn } from './models/itemKnn';
import type { Model, Setting } from './models/model';
import type { Similarity } from './models/neighbours';
import { Popularity } from './models/popularity';
import { Sar } from './models/sar';
import { UserKnn } from './models/userKnn';
import { buildParts, HYBRID_PARTS, type RecommendParams } from './params';
import { evaluationTargets, temporalSplit, type Target } from './split';
import { tuneWeights } from './tuneWeights';

const HALF_LIVES = [7, 14, 30, 60, 120, Infinity];
const SHORT_HALF_LIVES = [2, 4, 7, 14, 30, Infinity];

export interface Validation {
  ds: Dataset;
  targets: Target[];
  k: number;
}

/** The validation split: the same 90th-percentile rule applied to the training lines [0, end) only. */
export function validationSplit(lines: Lines, catalog: Catalog, end: number, k: number): Validation & { trainEnd: number } {
  const split = temporalSplit(lines, 0.9, end);
  const ds = new Dataset(lines, catalog, split.trainEnd);
  return { ds, targets: evaluationTargets(ds, lines, split.trainEnd, split.end), k, trainEnd: split.trainEnd };
}

/**
 * Validation folds inside the training lines [0, end): the 90th-percentile rule applied to the
 * training period, then again to that fold's own training period, and so on.
 */
export function validationFolds(lines: Lines, catalog: Catalog, end: number, k: number, folds = 2): Validation[] {
  const out: (Validation & { trainEnd: number })[] = [];
  for (let f = 0, e = end; f < folds && e > 0; f++, e = out[out.length - 1].trainEnd) out.push(validationSplit(lines, catalog, e, k));
  return out;
}

/** Mean of NDCG@k over the given settings, with hit rate as a small tie-breaker. */
function objective(model: Model, v: Validation, settings: Setting[]): number {
  const r = evaluateModel(model, v.ds, v.targets, v.k, settings);
  return settings.reduce((sum, s) => sum + (r[s]?.ndcg ?? 0) + 0.1 * (r[s]?.hit_rate ?? 0), 0) / settings.length;
}

/** Tries every value of a grid on one fitted model by mutating its options; keeps the best. */
function gridSearch<T extends object>(model: Model & { options: T }, v: Validation, grid: Partial<T>[], settings: Setting[]): { best: Partial<T>; value: number } {
  let best = grid[0];
  let value = -Infinity;
  for (const g of grid) {
    Object.assign(model.options, g);
    const o = objective(model, v, settings);
    if (o > value) [best, value] = [g, o];
  }
  Object.assign(model.options, best);
  return { best, value };
}

const product = <A, B>(as: A[], bs: B[]): [A, B][] => as.flatMap((a) => bs.map((b) => [a, b] as [A, B]));

/**
 * Chooses every model's hyper-parameters on the first validation fold, then the hybrid's weights
 * on all folds.
 * Returns the parameters and the validation-fitted item-kNN variants (for reporting each similarity).
 */
export function tuneParams(folds: Validation[], base: RecommendParams, log: (msg: string) => void = () => {}): { params: RecommendParams; itemKnn: Record<Similarity, ItemKnn> } {
  const v = folds[0];
  const both: Setting[] = ['all', 'new'];
  const p: RecommendParams = structuredClone(base);
  let lap = performance.now();
  const stage = (name: string) => {
    log(`  tuned ${name} in ${(performance.now() - lap).toFixed(0)} ms`);
    lap = performance.now();
  };

  let bestPop = -Infinity;
  for (const perCustomer of [false, true]) {
    const m = new Popularity({ ...p.popularity, perCustomer });
    m.fit(v.ds);
    const r = gridSearch(m, v, SHORT_HALF_LIVES.map((h) => ({ halfLifeDays: h })), both);
    if (r.value > bestPop) [bestPop, p.popularity] = [r.value, { ...m.options }];
  }

  const again = new BuyAgain({ ...p.buyAgain });
  again.fit(v.ds);
  const againGrid = product(product(HALF_LIVES, [0, 0.5, 1]), [0, 0.5, 1]).map(([[halfLifeDays, repeatPower], trendPower]) => ({ halfLifeDays, repeatPower, trendPower }));
  p.buyAgain = { ...p.buyAgain, ...gridSearch(again, v, againGrid, ['all']).best };

  stage('popularity, buy_again');
  const knnGrid = product([25, 50, 100, 200, 400, 1000], [Infinity, 30, 120]).map(([neighbours, halfLifeDays]) => ({ neighbours, halfLifeDays }));
  const itemKnn = {} as Record<Similarity, ItemKnn>;
  let bestKnn = -Infinity;
  for (const similarity of ['cosine', 'jaccard', 'lift'] as Similarity[]) {
    const m = new ItemKnn({ similarity, neighbours: 1000, halfLifeDays: Infinity });
    m.fit(v.ds);
    // lift favours rare items whatever the settings: a small grid is enough to show it
    const r = gridSearch(m, v, similarity === 'lift' ? knnGrid.filter((g) => g.halfLifeDays === Infinity && g.neighbours !== 50 && g.neighbours !== 1000) : knnGrid, both);
    itemKnn[similarity] = m;
    if (r.value > bestKnn) [bestKnn, p.itemKnn] = [r.value, { ...m.options }];
  }

  stage('item_knn');
  let bestSar = -Infinity;
  for (const similarity of ['jaccard', 'cosine'] as Similarity[]) {
    const m = new Sar({ ...p.sar, similarity });
    m.fit(v.ds);
    const r = gridSearch(m, v, product(HALF_LIVES, [100, p.sar.neighbours]).map(([halfLifeDays, neighbours]) => ({ halfLifeDays, neighbours })), both);
    if (r.value > bestSar) [bestSar, p.sar] = [r.value, { ...m.options }];
  }

  stage('sar');
  const userGrid = product([25, 100, 200, 400], [1, 2]).map(([neighbours, power]) => ({ neighbours, power }));
  let bestUser = -Infinity;
  for (const halfLifeDays of [Infinity, 30, 120]) {
    const m = new UserKnn({ ...p.userKnn, halfLifeDays });
    m.fit(v.ds);
    const r = gridSearch(m, v, userGrid, both);
    if (r.value > bestUser) [bestUser, p.userKnn] = [r.value, { ...m.options }];
  }

  stage('user_knn');
  let bestEase = -Infinity;
  for (const lambda of [200, 800, 3000]) {
    const m = new Ease({ ...p.ease, lambda });
    m.fit(v.ds);
    const o = objective(m, v, both);
    if (o > bestEase) [bestEase, p.ease] = [o, { ...m.options }];
  }

  stage('ease');
  const content = new ContentTfidf({ ...p.content, neighbours: 100 });
  content.fit(v.ds);
  p.content = { ...gridSearch(content, v, product([20, 50, 100], [30, 120, Infinity]).map(([neighbours, halfLifeDays]) => ({ neighbours, halfLifeDays })), both).best } as RecommendParams['content'];
  log(`tuned ${JSON.stringify(p, (_k, x) => (x === Infinity ? 'Infinity' : x))}`);

  stage('content');
  p.weights = tuneWeights(
    folds.map((f) => ({ parts: buildFitted(p, f.ds), v: f })),
    log,
  );
  stage('weights');
  return { params: p, itemKnn };
}

/** The hybrid's parts built from params and fitted on ds, in HYBRID_PARTS order. */
export function buildFitted(p: RecommendParams, ds: Dataset): Model[] {
  const parts = buildParts(p);
  return HYBRID_PARTS.map((name) => {
    parts[name].fit(ds);
    return parts[name];
  });
}
