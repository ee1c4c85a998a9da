import type { Dataset, History } from './dataset';
import type { Model, ScoreContext, Setting } from './models/model';

export type Weights = Record<Setting, number[]>;

/** Scales scores so the best allowed item has 1 (models speak on different scales). */
export function normaliseMax(scores: Float32Array, skip?: Uint8Array): void {
  let max = 0;
  for (let i = 0; i < scores.length; i++) if (scores[i] > max && !(skip && skip[i])) max = scores[i];
  if (max > 0) for (let i = 0; i < scores.length; i++) scores[i] /= max;
}

/** The latest purchase events the hybrid looks at (p99 query time; metrics barely move, see bench). */
export const MAX_EVENTS = 200;

/** The last `max` events of a history. */
export function recent(h: History, max: number): History {
  const from = Math.max(0, h.items.length - max);
  return from === 0 ? h : { items: h.items.subarray(from), days: h.days.subarray(from) };
}

/**
 * The served blend: a weighted sum of max-normalised component scores. Each setting has its own
 * weights (tuned on validation folds of the training period): "all" leans on repeat purchases, "new" on discovery.
 */
export class Hybrid implements Model {
  readonly name = 'hybrid';
  private buffers: Float32Array[] = [];

  constructor(
    readonly parts: Model[],
    public weights: Weights,
    /** Only the customer's latest purchase events are scored (bounds query time for wholesalers). */
    readonly maxEvents = MAX_EVENTS,
  ) {}

  fit(ds: Dataset): void {
    for (const m of this.parts) m.fit(ds);
  }

  score(h: History, out: Float32Array, self?: number, context: ScoreContext = { setting: 'all' }): void {
    this.scoreParts(recent(h, this.maxEvents), self, context, out.length);
    out.fill(0);
    const w = this.weights[context.setting];
    this.parts.forEach((_, m) => {
      if (w[m] === 0) return;
      const b = this.buffers[m];
      for (let i = 0; i < out.length; i++) out[i] += w[m] * b[i];
    });
  }

  /** Each part's normalised scores for the last `score` call (for explanations). */
  partScores(): readonly Float32Array[] {
    return this.buffers;
  }

  private scoreParts(h: History, self: number | undefined, context: ScoreContext, size: number): void {
    if (this.buffers.length !== this.parts.length || this.buffers[0].length !== size) {
      this.buffers = this.parts.map(() => new Float32Array(size));
    }
    const w = this.weights[context.setting];
    this.parts.forEach((m, x) => {
      if (w[x] === 0) return void this.buffers[x].fill(0);
      m.score(h, this.buffers[x], self, context);
      normaliseMax(this.buffers[x], context.skip);
    });
  }
}
