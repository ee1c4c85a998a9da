import { AliasTable, type Rng } from './random';
import type { DemoProduct } from './catalogue';
import type { DemoCustomer } from './customers';
import type { DemoCalendar } from './calendar';
import type { DemandPlan } from './demand';
import type { DemoPromotion, PromotionCalendar } from './promotions';
import { DEMO_GROUND_TRUTH, type DemoGroundTruth } from './groundTruth';
import { finishOrder, type DemoOrder, type DemoLine } from './orderDetails';

export interface OrderWorld {
  rng: Rng;
  cal: DemoCalendar;
  products: DemoProduct[];
  customers: DemoCustomer[];
  affinity: Float32Array;
  demand: DemandPlan;
  promos: PromotionCalendar;
  truth?: DemoGroundTruth;
  /** Shoppers per day = lines / this; some shoppers end up with nothing, so orders average a little more. */
  linesPerShopper?: number;
  maxLinesPerOrder?: number;
}

const HOUR_MS = 3_600_000;

function drawQuantity(rng: Rng, consumable: boolean): number {
  const r = rng.next();
  if (consumable) return r < 0.7 ? 1 : r < 0.9 ? 2 : r < 0.97 ? 3 : 4;
  return r < 0.93 ? 1 : r < 0.99 ? 2 : 3;
}

/** The day's sold lines: a Poisson number per product from the demand plan, each with a quantity and the price paid. */
function linesOfDay(w: OrderWorld, d: number): DemoLine[] {
  const lines: DemoLine[] = [];
  const D = w.cal.days;
  for (const p of w.products) {
    const lambda = w.demand.lambda[p.index * D + d];
    if (lambda <= 0) continue;
    const n = w.rng.poisson(lambda);
    if (n === 0) continue;
    const unit = w.demand.paid(p.index, d);
    const promo = w.demand.promo(p.index, d);
    for (let i = 0; i < n; i++) {
      lines.push({ productIndex: p.index, quantity: drawQuantity(w.rng, p.consumable), unitPriceCents: unit, listPriceCents: w.demand.list(p.index, d), promo, cancelled: false });
    }
  }
  return w.rng.shuffle(lines);
}

/** Distinct customers shopping on day d, drawn by activity among those signed up and not yet lapsed. */
function shoppersOfDay(w: OrderWorld, alias: AliasTable, lastPicked: Int32Array, d: number, wanted: number): number[] {
  const picked: number[] = [];
  for (let attempts = 0; picked.length < wanted && attempts < wanted * 60; attempts++) {
    const c = alias.draw(w.rng);
    const customer = w.customers[c];
    if (customer.joinDay >= d || customer.churnDay < d || lastPicked[c] === d) continue;
    lastPicked[c] = d;
    picked.push(c);
  }
  return picked;
}

/**
 * Orders day by day: demand decides what sells (so prices, promotions and seasons act exactly as the
 * ground truth says), taste decides who buys it (so customers' histories carry collaborative signal).
 * Calls `emit` with each day's orders in time order.
 */
export function generateOrders(w: OrderWorld, emit: (orders: DemoOrder[], day: number) => void): void {
  const truth = w.truth ?? DEMO_GROUND_TRUTH;
  const P = w.products.length;
  const alias = new AliasTable(w.customers.map((c) => c.rate));
  const hours = new AliasTable(truth.hourly);
  const lastPicked = new Int32Array(w.customers.length).fill(-1);
  const bought = new Uint8Array(w.customers.length * P);
  const perShopper = w.linesPerShopper ?? 2;
  const cap = w.maxLinesPerOrder ?? 8;
  let orderNo = 100_000;
  for (let d = 0; d < w.cal.days; d++) {
    const lines = linesOfDay(w, d);
    if (lines.length === 0) continue;
    const shoppers = shoppersOfDay(w, alias, lastPicked, d, Math.max(1, Math.round(lines.length / perShopper)));
    if (shoppers.length === 0) continue;
    const baskets: DemoLine[][] = shoppers.map(() => []);
    const weights = new Float64Array(shoppers.length);
    for (const line of lines) {
      let total = 0;
      for (let s = 0; s < shoppers.length; s++) {
        const c = shoppers[s];
        let wgt = baskets[s].length >= cap ? 0 : w.affinity[c * P + line.productIndex];
        if (bought[c * P + line.productIndex]) wgt *= w.products[line.productIndex].consumable ? truth.repeatBoost : truth.durableRepeatFactor;
        if (line.promo >= 0) wgt *= w.customers[c].promoSensitivity;
        weights[s] = wgt;
        total += wgt;
      }
      if (total <= 0) continue;
      const s = w.rng.weightedIndex(weights, total);
      baskets[s].push(line);
      bought[shoppers[s] * P + line.productIndex] = 1;
    }
    const dayStart = w.cal.dayStartMs(d);
    const orders: DemoOrder[] = [];
    baskets.forEach((basket, s) => {
      if (basket.length === 0) return;
      const placedMs = dayStart + hours.draw(w.rng) * HOUR_MS + w.rng.int(0, HOUR_MS / 1000 - 1) * 1000;
      const running: DemoPromotion[] = w.promos.orderLevel[d];
      const order = finishOrder(w.rng, { customer: w.customers[shoppers[s]], products: w.products, basket, placedMs, endMs: w.cal.end.getTime(), running });
      if (order) orders.push(order);
    });
    orders.sort((a, b) => a.placedMs - b.placedMs || a.customerIndex - b.customerIndex);
    for (const o of orders) o.orderNo = `SM${++orderNo}`;
    emit(orders, d);
  }
}
