import type { Rng } from './random';
import type { DemoProduct } from './catalogue';
import type { DemoCustomer } from './customers';
import type { DemoPromotion } from './promotions';

export type DemoOrderStatus = 'placed' | 'shipped' | 'delivered' | 'cancelled' | 'returned';

export interface DemoLine {
  productIndex: number;
  quantity: number;
  unitPriceCents: number; // paid, after any percent-off promotion
  listPriceCents: number;
  promo: number; // percent-off promotion index, or -1
  cancelled: boolean;
}

export interface DemoOrder {
  orderNo: string;
  customerIndex: number;
  placedMs: number;
  status: DemoOrderStatus;
  shippedMs: number | null;
  deliveredMs: number | null;
  late: boolean;
  subtotalCents: number;
  discountCents: number; // order-level money off (spend and save); line discounts are already in unit prices
  shippingCents: number;
  promotionIndex: number;
  lines: DemoLine[];
  redemptions: { promotionIndex: number; discountCents: number }[];
}

/** Standard delivery charge and the order value from which delivery is free (as in data/policy.json). */
export const SHIPPING_CENTS = 395;
export const FREE_SHIPPING_FROM_CENTS = 5000;
const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export interface FinishInput {
  customer: DemoCustomer;
  products: DemoProduct[];
  basket: DemoLine[];
  placedMs: number;
  endMs: number;
  running: DemoPromotion[];
}

function mergeLines(basket: DemoLine[]): DemoLine[] {
  const byProduct = new Map<number, DemoLine>();
  for (const l of basket) {
    const seen = byProduct.get(l.productIndex);
    if (seen) seen.quantity += l.quantity;
    else byProduct.set(l.productIndex, { ...l });
  }
  return [...byProduct.values()];
}

function eligible(p: DemoPromotion, customerId: number, lines: DemoLine[], products: DemoProduct[], subtotal: number): boolean {
  if (p.customerIds && !p.customerIds.has(customerId)) return false;
  if (p.kind === 'gift' && !lines.some((l) => products[l.productIndex].categoryIndex === p.categoryIndex)) return false;
  return subtotal >= p.thresholdCents;
}

/** Status and timestamps relative to the end of the history: recent orders are still placed or on their way. */
function fulfil(rng: Rng, placedMs: number, endMs: number, international: boolean) {
  if (rng.chance(0.015)) return { status: 'cancelled' as const, shippedMs: null, deliveredMs: null, late: false };
  const shippedMs = placedMs + rng.int(3, 30) * HOUR_MS + rng.int(0, 3599) * 1000;
  const late = rng.chance(0.08);
  const transit = rng.int(1, 3) + (international ? 2 : 0) + (late ? rng.int(3, 9) : 0);
  const deliveredMs = shippedMs + transit * DAY_MS + rng.int(-4, 4) * HOUR_MS;
  if (shippedMs >= endMs) return { status: 'placed' as const, shippedMs: null, deliveredMs: null, late: false };
  if (deliveredMs >= endMs) return { status: 'shipped' as const, shippedMs, deliveredMs: null, late: false };
  return { status: rng.chance(0.03) ? ('returned' as const) : ('delivered' as const), shippedMs, deliveredMs, late };
}

/** Turns one shopper's basket into an order: merged lines, promotions, delivery charge, status. Null if placed after the end. */
export function finishOrder(rng: Rng, input: FinishInput): DemoOrder | null {
  const { customer, products, placedMs, endMs } = input;
  if (placedMs >= endMs) return null;
  const lines = mergeLines(input.basket);
  if (lines.length > 1) for (const l of lines) if (rng.chance(0.004)) l.cancelled = true;
  if (lines.every((l) => l.cancelled)) lines[0].cancelled = false;
  const kept = lines.filter((l) => !l.cancelled);
  const subtotal = kept.reduce((s, l) => s + l.quantity * l.unitPriceCents, 0);
  const redemptions: DemoOrder['redemptions'] = [];
  const lineSavings = new Map<number, number>();
  for (const l of kept) if (l.promo >= 0) lineSavings.set(l.promo, (lineSavings.get(l.promo) ?? 0) + l.quantity * (l.listPriceCents - l.unitPriceCents));
  let discount = 0;
  let shipping = subtotal >= FREE_SHIPPING_FROM_CENTS ? 0 : SHIPPING_CENTS;
  let orderPromo = -1;
  for (const p of input.running) {
    if (!eligible(p, customer.index + 1, kept, products, subtotal)) continue;
    if (p.kind === 'spend_save' && discount === 0) {
      discount = Math.min(p.saveCents, subtotal);
      redemptions.push({ promotionIndex: p.index, discountCents: discount });
    } else if (p.kind === 'free_shipping' && shipping > 0) {
      redemptions.push({ promotionIndex: p.index, discountCents: shipping });
      shipping = 0;
    } else if (p.kind === 'gift' && p.giftProductIndex >= 0) {
      redemptions.push({ promotionIndex: p.index, discountCents: products[p.giftProductIndex].basePriceCents });
    } else continue;
    if (orderPromo < 0) orderPromo = p.index;
  }
  for (const [promo, saved] of lineSavings) redemptions.push({ promotionIndex: promo, discountCents: Math.max(0, saved) });
  if (orderPromo < 0 && lineSavings.size) orderPromo = [...lineSavings.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0][0];
  const state = fulfil(rng, placedMs, endMs, customer.country !== 'United Kingdom');
  return {
    orderNo: '',
    customerIndex: customer.index,
    placedMs,
    ...state,
    subtotalCents: subtotal,
    discountCents: discount,
    shippingCents: shipping,
    promotionIndex: orderPromo,
    lines,
    redemptions: state.status === 'cancelled' ? [] : redemptions,
  };
}
