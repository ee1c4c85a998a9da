import { pastMask } from './evaluate';
import { MAX_EVENTS, normaliseMax, recent, type Weights } from './hybrid';
import type { Model, Setting } from './models/model';
import { scoreList } from './metrics';
import type { Validation } from './tune';
import { topK } from './topK';

/** One validation customer's candidate items with every part's normalised score. */
interface Case {
  candidates: Int32Array;
  /** scores[part * candidates.length + c] */
  scores: Float32Array;
  relevant: Set<number>;
}

/** Buy-again parts score only what the customer bought: nothing to say in the "new" setting. */
export const isRepeatOnly = (m: Model): boolean => m.name.startsWith('buy_again');

const GRID = [0, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1, 1.5, 2];
const CANDIDATES_PER_PART = 50;
/** Hit rate enters the objective too: the served list should both rank well and hit at all. */
const HIT_WEIGHT = 1;

function collectCases(parts: Model[], v: Validation, setting: Setting): Case[] {
  const n = v.ds.nItems;
  const buffers = parts.map(() => new Float32Array(n));
  const mask = new Uint8Array(n);
  const cases: Case[] = [];
  for (const t of v.targets) {
    const relevant = setting === 'all' ? t.all : t.fresh;
    if (relevant.length === 0) continue;
    const skip = setting === 'new' ? pastMask(v.ds, t.user, mask) : undefined;
    const h = recent(v.ds.history(t.user), MAX_EVENTS);
    const union = new Set<number>();
    parts.forEach((m, x) => {
      m.score(h, buffers[x], t.user, { setting, skip });
      normaliseMax(buffers[x], skip);
      for (const i of topK(buffers[x], CANDIDATES_PER_PART, skip)) union.add(i);
    });
    const candidates = Int32Array.from(union);
    const scores = new Float32Array(parts.length * candidates.length);
    parts.forEach((_, x) => candidates.forEach((i, c) => (scores[x * candidates.length + c] = buffers[x][i])));
    cases.push({ candidates, scores, relevant: new Set(relevant) });
  }
  return cases;
}

function value(cases: Case[], w: number[], k: number): number {
  let sum = 0;
  let combined = new Float32Array(0);
  for (const c of cases) {
    const nc = c.candidates.length;
    if (combined.length < nc) combined = new Float32Array(nc);
    combined.fill(0, 0, nc);
    for (let x = 0; x < w.length; x++) {
      if (w[x] === 0) continue;
      for (let j = 0; j < nc; j++) combined[j] += w[x] * c.scores[x * nc + j];
    }
    const recs = Array.from(topK(combined.subarray(0, nc), k), (j) => c.candidates[j]);
    const m = scoreList(recs, c.relevant, k);
    sum += m.ndcg + HIT_WEIGHT * m.hit_rate;
  }
  return cases.length ? sum / cases.length : 0;
}

/**
 * Coordinate ascent over a weight grid, from the better of "all parts equal" and each part alone
 * (so the blend is never worse than its best part on validation).
 */
function ascend(cases: Case[], nParts: number, k: number, frozen: Set<number>): number[] {
  const open = Array.from({ length: nParts }, (_, x) => x).filter((x) => !frozen.has(x));
  const starts = [open, ...open.map((x) => [x])].map((on) => Array.from({ length: nParts }, (_, x): number => (on.includes(x) ? 1 : 0)));
  let w = starts[0];
  let best = -Infinity;
  for (const s of starts) {
    const v = value(cases, s, k);
    if (v > best) [best, w] = [v, s];
  }
  for (let round = 0; round < 3; round++) {
    let improved = false;
    for (const x of open) {
      for (const g of GRID) {
        const old = w[x];
        w[x] = g;
        const v = value(cases, w, k);
        if (v > best + 1e-9) {
          best = v;
          improved = true;
        } else w[x] = old;
      }
    }
    if (!improved) break;
  }
  return w;
}

const BAGS = 6;
/** Bagged weights below this are dropped: on the nine-month data's validation folds, dropping item-kNN's and SAR's 1% moved NDCG and hit rate by under 0.002. */
const MIN_WEIGHT = 0.02;
/** Customers per bag (bounds tuning time on big stores). */
const BAG_SIZE = 1000;

/**
 * Weights averaged over coordinate ascents on bootstrap resamples of the validation customers
 * (each normalised to sum 1): one ascent overfits the validation noise, the average does not.
 */
function bagged(cases: Case[], nParts: number, k: number, frozen: Set<number>): number[] {
  let seed = 12345;
  const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const sum = new Array<number>(nParts).fill(0);
  for (let b = 0; b < BAGS; b++) {
    const sample = Array.from({ length: Math.min(cases.length, BAG_SIZE) }, () => cases[Math.floor(rand() * cases.length)]);
    const w = ascend(sample, nParts, k, frozen);
    const total = w.reduce((a, x) => a + x, 0) || 1;
    w.forEach((x, i) => (sum[i] += x / total / BAGS));
  }
  // a part below 2% changes nothing but costs query time (item-kNN at 1% was a seventh of a query)
  return sum.map((x) => (x < MIN_WEIGHT ? 0 : Number(x.toFixed(3))));
}

/**
 * The hybrid's weights per setting, chosen on validation splits (never the test orders): maximise
 * NDCG@k + HIT_WEIGHT x hit rate over each customer's candidate union, pooled over the folds
 * (several nested cutoffs make the choice steadier than one).
 */
export function tuneWeights(folds: { parts: Model[]; v: Validation }[], log: (msg: string) => void = () => {}): Weights {
  const weights = {} as Weights;
  const parts = folds[0].parts;
  const k = folds[0].v.k;
  for (const setting of ['all', 'new'] as Setting[]) {
    const cases = folds.flatMap((f) => collectCases(f.parts, f.v, setting));
    const frozen = new Set(setting === 'new' ? parts.flatMap((m, x) => (isRepeatOnly(m) ? [x] : [])) : []);
    weights[setting] = bagged(cases, parts.length, k, frozen);
    log(`weights ${setting}: ${parts.map((m, x) => `${m.name}=${weights[setting][x]}`).join(' ')} (validation ${value(cases, weights[setting], k).toFixed(4)} over ${cases.length} customers)`);
  }
  return weights;
}
