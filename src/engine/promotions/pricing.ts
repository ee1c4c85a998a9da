import type { Promotion } from './types';

export interface PricingOptions {
  /** Prices never go below cost × (1 + minMarginRate). */
  minMarginRate: number;
  /** Cost as a share of price when a product's cost is unknown. */
  assumedCostRatio: number;
  /** Standard delivery fee for a non-empty cart. */
  shippingCents: number;
  /** Store policy: delivery is free from this subtotal up (undefined: never free without a promotion). */
  freeShippingFromCents?: number;
}

/** Delivery without any promotion: free for an empty cart or from the store's free-delivery subtotal. */
export function baseShipping(subtotalCents: number, o: PricingOptions): number {
  if (subtotalCents <= 0) return 0;
  return o.freeShippingFromCents !== undefined && subtotalCents >= o.freeShippingFromCents ? 0 : o.shippingCents;
}

export interface PricedLine {
  productId: number;
  quantity: number;
  unitPriceCents: number;
  category: string;
  costCents: number | null;
}

export interface GiftProduct {
  productId: number;
  sku: string;
  name: string;
  priceCents: number;
  costCents: number | null;
  available: boolean;
}

export interface Application {
  discountCents: number;
  shippingCents: number;
  /** What the store gives up: discount + waived shipping + the gift's cost. */
  redemptionCents: number;
  /** What the customer gains: discount + waived shipping + the gift's price (used to pick the best offer). */
  customerValueCents: number;
  gift?: GiftProduct;
}

/** A unit's cost: the known cost, or the assumed share of its price. */
export function unitCost(priceCents: number, costCents: number | null, o: PricingOptions): number {
  return costCents ?? Math.round(priceCents * o.assumedCostRatio);
}

/** The lowest unit price a promotion may reach: cost × (1 + min margin), rounded up. */
export function floorPrice(priceCents: number, costCents: number | null, o: PricingOptions): number {
  return Math.ceil(unitCost(priceCents, costCents, o) * (1 + o.minMarginRate) - 1e-9);
}

/** The unit price after `percent` off, capped at the margin floor and never above the price itself. */
export function percentOffPrice(priceCents: number, costCents: number | null, percent: number, o: PricingOptions): number {
  const wanted = Math.round(priceCents * (1 - percent / 100));
  return Math.min(priceCents, Math.max(wanted, floorPrice(priceCents, costCents, o)));
}

export function inScope(p: Promotion, category: string): boolean {
  const scope = p.params.category;
  return scope === undefined || scope.trim().toLowerCase() === category.trim().toLowerCase();
}

/** How much can be taken off these lines before any of them drops below its floor. */
export function headroom(lines: PricedLine[], o: PricingOptions): number {
  return lines.reduce((s, l) => s + l.quantity * Math.max(0, l.unitPriceCents - floorPrice(l.unitPriceCents, l.costCents, o)), 0);
}

const subtotal = (lines: PricedLine[]) => lines.reduce((s, l) => s + l.quantity * l.unitPriceCents, 0);

/**
 * What one promotion does to a cart, or null when it does not apply (threshold not reached, nothing
 * in scope, no margin left, gift unavailable, budget too small). Percent-off respects each line's
 * floor; order-level promotions (spend-save, gift, free delivery) must fit in the scoped lines'
 * headroom, so the order as a whole stays above cost plus the minimum margin. A discount is cut
 * to the budget left; a gift or free delivery needs the whole of its cost in the budget.
 */
export function applyPromotion(
  p: Promotion,
  lines: PricedLine[],
  budgetLeftCents: number,
  o: PricingOptions,
  gift?: GiftProduct,
): Application | null {
  const scoped = lines.filter((l) => inScope(p, l.category));
  const scopedTotal = subtotal(scoped);
  const shipping = baseShipping(subtotal(lines), o);
  if (scopedTotal === 0 || scopedTotal < (p.params.thresholdCents ?? 0)) return null;
  const room = Math.min(headroom(scoped, o), budgetLeftCents);
  switch (p.kind) {
    case 'percent_off': {
      const off = scoped.reduce(
        (s, l) => s + l.quantity * (l.unitPriceCents - percentOffPrice(l.unitPriceCents, l.costCents, p.params.percent ?? 0, o)),
        0,
      );
      return discount(Math.min(off, budgetLeftCents), shipping);
    }
    case 'spend_save':
      return discount(Math.min(p.params.saveCents ?? 0, room), shipping);
    case 'gift': {
      if (!gift?.available) return null;
      const cost = unitCost(gift.priceCents, gift.costCents, o);
      if (cost > room) return null;
      return { discountCents: 0, shippingCents: shipping, redemptionCents: cost, customerValueCents: gift.priceCents, gift };
    }
    case 'free_shipping':
      if (shipping === 0 || shipping > room) return null;
      return { discountCents: 0, shippingCents: 0, redemptionCents: shipping, customerValueCents: shipping };
  }
}

function discount(cents: number, shipping: number): Application | null {
  const off = Math.max(0, Math.floor(cents));
  return off > 0 ? { discountCents: off, shippingCents: shipping, redemptionCents: off, customerValueCents: off } : null;
}
