import type { Dataset, History } from '../dataset';
import { decay, type Model } from './model';

export interface PopularityOptions {
  halfLifeDays: number;
  /** Count each customer once per item (at their latest purchase), so one wholesaler's reorders do not dominate. */
  perCustomer: boolean;
}

/** Cold start: items ranked by time-decayed purchase counts (one count per order, or per customer). */
export class Popularity implements Model {
  readonly name = 'popularity';
  scores = new Float32Array(0);

  constructor(readonly options: PopularityOptions = { halfLifeDays: 30, perCustomer: false }) {}

  fit(ds: Dataset): void {
    this.scores = new Float32Array(ds.nItems);
    if (!this.options.perCustomer) {
      for (let e = 0; e < ds.evItem.length; e++) this.scores[ds.evItem[e]] += decay(ds.now - ds.evDay[e], this.options.halfLifeDays);
      return;
    }
    const last = new Map<number, number>();
    for (let u = 0; u < ds.nUsers; u++) {
      last.clear();
      for (let e = ds.evPtr[u]; e < ds.evPtr[u + 1]; e++) last.set(ds.evItem[e], ds.evDay[e]);
      for (const [i, day] of last) this.scores[i] += decay(ds.now - day, this.options.halfLifeDays);
    }
  }

  score(_h: History, out: Float32Array): void {
    out.set(this.scores);
  }
}
