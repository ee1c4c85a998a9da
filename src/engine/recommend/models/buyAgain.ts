import type { Dataset, History } from '../dataset';
import { decay, type Model } from './model';

export interface BuyAgainOptions {
  halfLifeDays: number;
  /**
   * Scores are multiplied by (the item's repeat rate)^repeatPower: the share of its buyers who
   * bought it in more than one order. Consumables come back; a one-off gift does not. 0 = off.
   */
  repeatPower: number;
  /**
   * Scores are multiplied by (the item's trend)^trendPower: its sales of the last two weeks
   * (decayed) over what flat sales would give. Seasonal items come back in season. 0 = off.
   */
  trendPower: number;
}

/**
 * "Buy it again": the customer's own purchases, each order counted with a recency decay (or, with
 * an infinite half-life, plainly counted: how often rather than how lately).
 */
export class BuyAgain implements Model {
  private now = 0;
  private repeatRate = new Float32Array(0);
  private trend = new Float32Array(0);

  constructor(
    readonly options: BuyAgainOptions = { halfLifeDays: 60, repeatPower: 0, trendPower: 0 },
    readonly name = 'buy_again',
  ) {}

  fit(ds: Dataset): void {
    this.now = ds.now;
    const repeaters = new Float32Array(ds.nItems);
    for (let p = 0; p < ds.uItem.length; p++) if (ds.uCount[p] > 1) repeaters[ds.uItem[p]]++;
    // smoothed towards the overall rate so an item with two buyers does not get 0 or 1
    let all = 0;
    for (const r of repeaters) all += r;
    const prior = ds.uItem.length > 0 ? all / ds.uItem.length : 0;
    this.repeatRate = repeaters.map((r, i) => (r + 5 * prior) / (ds.buyers(i) + 5));
    const recent = new Float32Array(ds.nItems);
    const total = new Float32Array(ds.nItems);
    let sumRecent = 0;
    for (let e = 0; e < ds.evItem.length; e++) {
      const w = decay(ds.now - ds.evDay[e], 14);
      recent[ds.evItem[e]] += w;
      total[ds.evItem[e]]++;
      sumRecent += w;
    }
    const share = ds.evItem.length > 0 ? sumRecent / ds.evItem.length : 0;
    this.trend = recent.map((r, i) => (r + 1) / (share * total[i] + 1));
  }

  score(h: History, out: Float32Array): void {
    out.fill(0);
    for (let e = 0; e < h.items.length; e++) out[h.items[e]] += decay(this.now - h.days[e], this.options.halfLifeDays);
    const { repeatPower, trendPower } = this.options;
    if (repeatPower === 0 && trendPower === 0) return;
    for (const i of new Set(h.items)) {
      if (i < this.repeatRate.length) out[i] *= Math.pow(this.repeatRate[i] + 1e-3, repeatPower) * Math.pow(this.trend[i], trendPower);
    }
  }
}
