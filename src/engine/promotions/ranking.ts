import type { GiftProduct, PricingOptions } from './pricing';
import { baseShipping, unitCost } from './pricing';
import type { Promotion } from './types';

/** Store-wide figures the ranking falls back on (keys lower-case category names). */
export interface StoreStats {
  /** Share of all sales revenue per category. */
  categoryShare: Map<string, number>;
  /** Mean cost / price per category (unknown costs count as the assumed ratio). */
  costRatio: Map<string, number>;
  overallCostRatio: number;
  /** Mean order value in cents (the prior's strength and a new customer's typical basket). */
  avgOrderCents: number;
}

/** One customer's purchase history from `sales` (keys lower-case category names). */
export interface CustomerProfile {
  spendCents: number;
  orders: number;
  byCategory: Map<string, number>;
}

export const EMPTY_PROFILE: CustomerProfile = { spendCents: 0, orders: 0, byCategory: new Map() };

/** How strongly a bigger incentive (as a share of the order) raises the chance of redemption. */
const INCENTIVE_RESPONSE = 4;

/**
 * The customer's share of spend in the category, smoothed towards the store's share with a prior
 * worth one average order: (s_c + m·p_c) / (S + m). 1 for promotions on everything.
 */
export function affinity(profile: CustomerProfile, category: string | undefined, store: StoreStats): number {
  if (category === undefined) return 1;
  const key = category.toLowerCase();
  const prior = store.categoryShare.get(key) ?? 0;
  const m = Math.max(1, store.avgOrderCents);
  return ((profile.byCategory.get(key) ?? 0) + m * prior) / (profile.spendCents + m);
}

/** The customer's typical order in cents: their mean order value shrunk towards the store's by one order. */
export function typicalBasket(profile: CustomerProfile, store: StoreStats): number {
  return (profile.spendCents + store.avgOrderCents) / (profile.orders + 1);
}

/**
 * Redemption-probability proxy: rises with the incentive as a share of the order
 * (1 − e^(−4·value/order)), times the chance the customer reaches the threshold
 * ((scoped typical spend / threshold)², capped at 1).
 */
export function redemptionProbability(valueCents: number, orderCents: number, scopedSpendCents: number, thresholdCents: number): number {
  const incentive = 1 - Math.exp((-INCENTIVE_RESPONSE * valueCents) / Math.max(1, orderCents));
  const reach = thresholdCents > 0 ? Math.min(1, scopedSpendCents / thresholdCents) ** 2 : 1;
  return incentive * reach;
}

/**
 * Expected value of offering `p` to this customer, in cents:
 *   affinity × (margin on a typical order after the discount, never below the margin floor) × P(redeem).
 * null when the offer is worth nothing (no discount possible above the floor, gift unavailable).
 */
export function expectedValue(
  p: Promotion,
  profile: CustomerProfile,
  store: StoreStats,
  o: PricingOptions,
  gift?: GiftProduct,
): number | null {
  const category = p.params.category;
  const a = affinity(profile, category, store);
  const costRatio = (category && store.costRatio.get(category.toLowerCase())) || store.overallCostRatio;
  const basket = typicalBasket(profile, store);
  const threshold = p.params.thresholdCents ?? 0;
  const order = Math.max(basket, threshold);
  const maxOff = Math.max(0, order * (1 - costRatio * (1 + o.minMarginRate)));
  let cost: number;
  let value: number;
  switch (p.kind) {
    case 'percent_off':
      cost = value = Math.min((order * (p.params.percent ?? 0)) / 100, maxOff);
      break;
    case 'spend_save':
      cost = value = Math.min(p.params.saveCents ?? 0, maxOff);
      break;
    case 'gift':
      if (!gift?.available) return null;
      cost = unitCost(gift.priceCents, gift.costCents, o);
      value = gift.priceCents;
      if (cost > maxOff) return null;
      break;
    case 'free_shipping':
      cost = value = baseShipping(order, o);
      if (cost > maxOff) return null;
      break;
  }
  if (!(value > 0)) return null;
  const margin = order * (1 - costRatio) - cost;
  return a * margin * redemptionProbability(value, order, a * basket, threshold);
}
