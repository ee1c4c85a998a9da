import type { DemoProduct } from './catalogue';
import type { DemoCalendar } from './calendar';
import type { PriceHistory } from './prices';
import type { PromotionCalendar } from './promotions';
import { DEMO_GROUND_TRUTH, elasticityOf, trendFactor, weeklyFactor, yearlyFactor, type DemoGroundTruth } from './groundTruth';

export interface DemandPlan {
  /** Expected order lines per product per day, row-major [product * days + day], already scaled to the target volume. */
  lambda: Float32Array;
  /** Price paid per product per day (list price after any percent-off promotion). */
  paid(productIndex: number, day: number): number;
  /** List price per product per day (before promotions). */
  list(productIndex: number, day: number): number;
  /** Percent-off promotion covering the product on the day, or -1. */
  promo(productIndex: number, day: number): number;
  scale: number;
}

/**
 * The ground-truth demand of every product on every day (see groundTruth.ts), scaled so the whole
 * history has about `targetLines` order lines.
 */
export function planDemand(
  products: DemoProduct[],
  categories: string[],
  cal: DemoCalendar,
  prices: PriceHistory,
  promos: PromotionCalendar,
  targetLines: number,
  truth: DemoGroundTruth = DEMO_GROUND_TRUTH,
): DemandPlan {
  const D = cal.days;
  const dayFactor = new Float64Array(D);
  const yearly = categories.map(() => new Float64Array(D));
  for (let d = 0; d < D; d++) {
    const date = cal.dateOf(d);
    dayFactor[d] = weeklyFactor(date, truth) * trendFactor(date, cal.start, truth);
    categories.forEach((c, ci) => (yearly[ci][d] = yearlyFactor(c, date, truth)));
  }
  const paid = (p: number, d: number) => {
    const off = promos.percentOff[products[p].categoryIndex][d];
    const list = prices.list[p][d];
    return off > 0 ? Math.round(list * (1 - off)) : list;
  };
  const promo = (p: number, d: number) => promos.percentPromo[products[p].categoryIndex][d];
  const lambda = new Float32Array(products.length * D);
  let total = 0;
  for (const p of products) {
    const eps = elasticityOf(p.category, truth);
    const from = Math.max(0, p.firstDay);
    const to = Math.min(D - 1, p.lastDay);
    for (let d = from; d <= to; d++) {
      const ramp = p.lifecycle === 'launched' ? Math.min(1, (d - p.firstDay + 1) / 21) : 1;
      const priceEffect = Math.pow(paid(p.index, d) / p.basePriceCents, eps);
      const lift = promo(p.index, d) >= 0 ? truth.promoLift : 1;
      const v = p.popularity * dayFactor[d] * yearly[p.categoryIndex][d] * priceEffect * lift * ramp;
      lambda[p.index * D + d] = v;
      total += v;
    }
  }
  const scale = total > 0 ? targetLines / total : 0;
  for (let i = 0; i < lambda.length; i++) lambda[i] *= scale;
  return { lambda, paid, list: (p, d) => prices.list[p][d], promo, scale };
}
