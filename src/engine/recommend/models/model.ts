import type { Dataset, History } from '../dataset';

/**
 * A recommender: fitted on a Dataset, then asked to score every item for a customer's history.
 * `score` overwrites `out` (length nItems); 0 means "no opinion", higher is better.
 * `self` is the customer's index in the training data when known (user-based CF skips it).
 */
export interface Model {
  readonly name: string;
  fit(ds: Dataset): void;
  score(h: History, out: Float32Array, self?: number, context?: ScoreContext): void;
}

/** "all": repeat purchases allowed; "new": items the customer already bought are excluded. */
export type Setting = 'all' | 'new';

/** What the caller will do with the scores: items in `skip` are removed afterwards. */
export interface ScoreContext {
  setting: Setting;
  skip?: Uint8Array;
}

/** Item-to-item models also answer "similar to these items". */
export interface ItemModel extends Model {
  /** Scores every item by its similarity to the given items (the items themselves get 0). */
  similar(items: ArrayLike<number>, out: Float32Array): void;
}

/** Time-decay weight of an event `age` days old: 2^(-age / halfLife); Infinity = no decay. */
export function decay(age: number, halfLifeDays: number): number {
  return Number.isFinite(halfLifeDays) ? Math.exp((-Math.LN2 * Math.max(0, age)) / halfLifeDays) : 1;
}

/** The distinct items of a history with weights: decayed event counts, or 1 each when binary. */
export function affinity(h: History, now: number, halfLifeDays: number, binary = false): { items: Int32Array; weights: Float32Array } {
  const w = new Map<number, number>();
  for (let e = 0; e < h.items.length; e++) {
    const v = binary ? 1 : decay(now - h.days[e], halfLifeDays);
    w.set(h.items[e], binary ? 1 : (w.get(h.items[e]) ?? 0) + v);
  }
  return { items: Int32Array.from(w.keys()), weights: Float32Array.from(w.values()) };
}
