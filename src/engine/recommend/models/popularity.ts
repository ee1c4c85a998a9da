import type { Dataset, History } from '../dataset';
import { decay, type Model } from './model';

/** Cold start: items ranked by time-decayed purchase counts (one count per order). */
export class Popularity implements Model {
  readonly name = 'popularity';
  scores = new Float32Array(0);

  constructor(readonly options: { halfLifeDays: number } = { halfLifeDays: 30 }) {}

  fit(ds: Dataset): void {
    this.scores = new Float32Array(ds.nItems);
    for (let e = 0; e < ds.evItem.length; e++) this.scores[ds.evItem[e]] += decay(ds.now - ds.evDay[e], this.options.halfLifeDays);
  }

  score(_h: History, out: Float32Array): void {
    out.set(this.scores);
  }
}
