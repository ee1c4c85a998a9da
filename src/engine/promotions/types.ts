/** Promotions: the shapes shared by eligibility, pricing, ranking, uplift and the facade. */

export const PROMOTION_KINDS = ['percent_off', 'spend_save', 'gift', 'free_shipping'] as const;
export type PromotionKind = (typeof PROMOTION_KINDS)[number];

export const TARGET_KINDS = ['all', 'segment', 'category', 'customers'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/**
 * A promotion's terms (stored as JSON in `promotions.params` with snake_case keys).
 * - percent_off: `percent` in (0, 90]
 * - spend_save: `thresholdCents` (X) and `saveCents` (Y < X)
 * - gift: `giftSku`, optional `thresholdCents` (minimum order)
 * - free_shipping: optional `thresholdCents` (minimum order)
 * `category` narrows a segment/customers/all promotion to one category; a category target sets it.
 */
export interface PromotionParams {
  percent?: number;
  thresholdCents?: number;
  saveCents?: number;
  giftSku?: string;
  category?: string;
}

export type Target =
  | { kind: 'all' }
  | { kind: 'segment'; segment: string }
  | { kind: 'category'; category: string }
  | { kind: 'customers'; customerIds: number[] };

export interface Promotion {
  id: number;
  name: string;
  kind: PromotionKind;
  params: PromotionParams;
  target: Target;
  startsAt: string;
  endsAt: string;
  /** null: no budget limit. */
  budgetCents: number | null;
  controlShare: number;
  status: 'active' | 'ended';
  createdBy: string;
  createdAt: string;
}

/** A promotion with what it has cost so far. */
export interface PromotionSummary extends Promotion {
  redemptions: number;
  redeemedCents: number;
  /** null when the promotion has no budget. */
  budgetRemainingCents: number | null;
  /** Scheduled, active and within budget at the clock's now. */
  live: boolean;
}

export interface NewPromotion {
  /** Omitted: a name made from the terms. */
  name?: string;
  /** Omitted for a segment target: the segment's strategy decides. */
  kind?: PromotionKind;
  params?: PromotionParams;
  target: Target;
  /** ISO time; default now. */
  startsAt?: string;
  endsAt: string;
  budgetCents?: number | null;
  /** Share of eligible customers held out as the control group, [0, 1); default 0.1. */
  controlShare?: number;
}

/** One offer for one customer, ranked by expected value to the store. */
export interface Offer {
  promotionId: number;
  name: string;
  kind: PromotionKind;
  /** Human text, e.g. "20% off Kitchen until 30 Nov". */
  terms: string;
  expectedValueCents: number;
  category?: string;
  endsAt: string;
}

export interface CartInputLine {
  productId: number;
  quantity: number;
  unitPriceCents: number;
}

export interface CartOutcome {
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  promotionId?: number;
  /** What the promotion costs the store (discount + waived shipping + gift cost): pass to recordRedemption. */
  redemptionCents: number;
  description: string;
  gift?: { productId: number; sku: string; name: string };
}

export interface GroupStats {
  customers: number;
  conversion: number;
  /** Cents (net of discounts) per eligible customer over the window. */
  revenue_per_customer: number;
}

export interface UpliftResult {
  promotionId: number;
  window: { from: string; to: string };
  treated: GroupStats;
  control: GroupStats;
  /** Treated minus control conversion; null when either group is empty (e.g. control share 0). */
  incremental_conversion: number | null;
  /** 95% interval; null when a group has fewer than 2 customers. */
  ci: [number, number] | null;
  /** Cents per customer; null when either group is empty. */
  incremental_revenue_per_customer: number | null;
  /** Cents per customer. */
  revenue_ci: [number, number] | null;
}

export interface Strategy {
  segment: string;
  kind: PromotionKind;
  params: PromotionParams;
  /** 'default' or the staff member who set it. */
  source: string;
}
