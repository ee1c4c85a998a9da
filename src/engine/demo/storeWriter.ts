import type { Db } from '../db';
import type { DemoProduct } from './catalogue';
import type { DemoCustomer } from './customers';
import type { DemoCalendar } from './calendar';
import type { PriceChange } from './prices';
import type { DemoPromotion } from './promotions';
import type { DemoOrder } from './orderDetails';
import type { DemoReview } from './reviews';

const iso = (ms: number) => new Date(ms).toISOString();

/** Prepared inserts for the demo store; every call runs inside the caller's transaction. */
export class StoreWriter {
  private readonly product;
  private readonly productStock;
  private readonly customer;
  private readonly promotion;
  private readonly order;
  private readonly item;
  private readonly redemption;
  private readonly priceChange;
  private readonly review;

  constructor(
    db: Db,
    private readonly cal: DemoCalendar,
  ) {
    this.product = db.prepare(`INSERT INTO products (id, sku, name, description, category, brand, colour, size, attributes, price_cents, cost_cents, stock, active, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`);
    this.productStock = db.prepare('UPDATE products SET stock = ? WHERE id = ?');
    this.customer = db.prepare('INSERT INTO customers (id, name, email, country, created_at) VALUES (?, ?, ?, ?, ?)');
    this.promotion = db.prepare(`INSERT INTO promotions (id, name, kind, params, target_kind, target_value, starts_at, ends_at, budget_cents, control_share, status, created_by, created_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 'demo', ?)`);
    this.order = db.prepare(`INSERT INTO orders (order_no, customer_id, status, placed_at, shipped_at, delivered_at, subtotal_cents, discount_cents, shipping_cents, promotion_id, source)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'demo')`);
    this.item = db.prepare('INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price_cents, cancelled) VALUES (?, ?, ?, ?, ?, ?)');
    this.redemption = db.prepare('INSERT INTO redemptions (promotion_id, order_id, customer_id, discount_cents, created_at) VALUES (?, ?, ?, ?, ?)');
    this.priceChange = db.prepare(`INSERT INTO price_changes (product_id, old_price_cents, new_price_cents, reason, changed_by, changed_at)
      VALUES (?, ?, ?, 'demo: weekly repricing', 'demo', ?)`);
    this.review = db.prepare('INSERT INTO reviews (product_id, customer_id, rating, text, created_at) VALUES (?, ?, ?, ?, ?)');
  }

  private clampToEnd(ms: number): string {
    return iso(Math.min(ms, this.cal.end.getTime() - 60_000));
  }

  products(products: DemoProduct[], finalPrice: (p: DemoProduct) => number, createdSecond: (p: DemoProduct) => number): void {
    for (const p of products) {
      const created = this.clampToEnd(this.cal.dayStartMs(p.createdDay) + createdSecond(p) * 1000);
      const active = p.lifecycle === 'discontinued' ? 0 : 1;
      this.product.run(p.index + 1, p.sku, p.name, p.description, p.category, p.brand, p.colour, p.size, JSON.stringify(p.attributes), finalPrice(p), p.costCents, active, created);
    }
  }

  stock(productIndex: number, stock: number): void {
    this.productStock.run(stock, productIndex + 1);
  }

  customers(customers: DemoCustomer[]): void {
    for (const c of customers) this.customer.run(c.index + 1, c.name, c.email, c.country, this.clampToEnd(this.cal.dayStartMs(c.joinDay) + c.joinSecond * 1000));
  }

  promotions(promotions: DemoPromotion[], products: DemoProduct[]): number {
    let active = 0;
    const endMs = this.cal.end.getTime();
    for (const p of promotions) {
      const params =
        p.kind === 'percent_off' ? { percent: p.percent }
        : p.kind === 'spend_save' ? { threshold_cents: p.thresholdCents, save_cents: p.saveCents }
        : p.kind === 'gift' ? { gift_sku: products[p.giftProductIndex].sku, threshold_cents: p.thresholdCents }
        : { threshold_cents: p.thresholdCents };
      const status = this.cal.dayStartMs(p.endDay) > endMs && this.cal.dayStartMs(p.startDay) <= endMs ? 'active' : 'ended';
      if (status === 'active') active++;
      const [starts, ends] = [iso(this.cal.dayStartMs(p.startDay)), iso(this.cal.dayStartMs(p.endDay))];
      const created = this.clampToEnd(this.cal.dayStartMs(p.createdDay) + 10 * 3_600_000);
      this.promotion.run(p.index + 1, p.name, p.kind, JSON.stringify(params), p.targetKind, p.targetValue, starts, ends, p.budgetCents, status, created);
    }
    return active;
  }

  /** Inserts one order with its lines and redemptions; returns the number of redemptions. */
  orderWithLines(o: DemoOrder): number {
    const customerId = o.customerIndex + 1;
    const placed = iso(o.placedMs);
    const [shipped, delivered] = [o.shippedMs, o.deliveredMs].map((ms) => (ms === null ? null : iso(ms)));
    const promotionId = o.promotionIndex >= 0 ? o.promotionIndex + 1 : null;
    const info = this.order.run(o.orderNo, customerId, o.status, placed, shipped, delivered, o.subtotalCents, o.discountCents, o.shippingCents, promotionId);
    const orderId = Number(info.lastInsertRowid);
    o.lines.forEach((l, i) => this.item.run(orderId, i + 1, l.productIndex + 1, l.quantity, l.unitPriceCents, l.cancelled ? 1 : 0));
    for (const r of o.redemptions) this.redemption.run(r.promotionIndex + 1, orderId, customerId, r.discountCents, placed);
    return o.redemptions.length;
  }

  priceChanges(changes: PriceChange[]): void {
    for (const c of changes) this.priceChange.run(c.productIndex + 1, c.oldCents, c.newCents, this.cal.isoOf(c.day));
  }

  reviews(reviews: DemoReview[]): void {
    for (const r of reviews) this.review.run(r.productIndex + 1, r.customerIndex + 1, r.rating, r.text, iso(r.createdMs));
  }
}
