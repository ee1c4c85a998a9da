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

const GRID = [0, 0.02, 0.05, 0.1, 0.2, 0.35, 0.5, 0.75, 1, 1.5, 2, 3];
const CANDIDATES_PER_PART = 50;
/** Hit rate enters the objective too: the served list should both rank well and hit at all. */
const HIT_WEIGHT = 0.3;

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

/**
 * The hybrid's weights per setting, chosen on the validation split (never the test orders):
 * maximise NDCG@k (+0.1 hit rate) over each customer's candidate union.
 */
export function tuneWeights(parts: Model[], v: Validation, log: (msg: string) => void = () => {}): Weights {
  const weights = {} as Weights;
  for (const setting of ['all', 'new'] as Setting[]) {
    const cases = collectCases(parts, v, setting);
    const frozen = new Set(setting === 'new' ? parts.flatMap((m, x) => (m.name === 'buy_again' ? [x] : [])) : []);
    weights[setting] = ascend(cases, parts.length, v.k, frozen);
    log(`weights ${setting}: ${parts.map((m, x) => `${m.name}=${weights[setting][x]}`).join(' ')} (validation ${value(cases, weights[setting], v.k).toFixed(4)})`);
  }
  return weights;
}
