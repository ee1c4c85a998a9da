import type { Dataset, History } from '../dataset';
import { decay, type Model } from './model';

/** "Buy it again": the customer's own purchases, each order counted with a recency decay. */
export class BuyAgain implements Model {
  readonly name = 'buy_again';
  private now = 0;

  constructor(readonly options: { halfLifeDays: number } = { halfLifeDays: 60 }) {}

  fit(ds: Dataset): void {
    this.now = ds.now;
  }

  score(h: History, out: Float32Array): void {
    out.fill(0);
    for (let e = 0; e < h.items.length; e++) out[h.items[e]] += decay(this.now - h.days[e], this.options.halfLifeDays);
  }
}
