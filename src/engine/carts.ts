import type { Db } from './db';
import { prepared } from './prepared';
import type { Clock } from './clock';
import { EngineError, invalid, notFound } from './errors';
import { toProduct, type Product } from './repos/products';
import { OrderRepo, type Order } from './repos/orders';

export interface CartLine {
  product: Product;
  quantity: number;
  unitPriceCents: number;
  lineCents: number;
}

export interface CartPricing {
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  promotionId?: number | null;
  description?: string;
  /** What the applied promotion costs the store (discount, waived delivery, gift), for its budget. */
  redemptionCents?: number;
}

/** How a cart is priced: promotions and shipping. The promotions engine implements it. */
export interface CartPricer {
  priceCart(lines: { productId: number; quantity: number; unitPriceCents: number }[], customerId: number | null): CartPricing;
  recordRedemption?(promotionId: number, orderId: number, customerId: number | null, discountCents: number): void;
}

export interface CartView extends CartPricing {
  lines: CartLine[];
  totalCents: number;
  items: number;
}

export const MAX_QUANTITY = 999;

/** Flat-rate shipping with a free-over threshold, for stores without promotions. */
export function flatShipping(feeCents: number, freeOverCents: number): CartPricer {
  return {
    priceCart(lines) {
      const subtotalCents = lines.reduce((s, l) => s + l.quantity * l.unitPriceCents, 0);
      return { subtotalCents, discountCents: 0, shippingCents: subtotalCents === 0 || subtotalCents >= freeOverCents ? 0 : feeCents };
    },
  };
}

/** Carts live in SQLite per chat user, so nothing is lost when the process restarts. */
export class Carts {
  private readonly orders: OrderRepo;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly pricer: CartPricer,
  ) {
    this.orders = new OrderRepo(db);
  }

  /** Adds to the cart and returns it priced for `customerId` (or for a guest). */
  add(userId: string, productId: number, quantity = 1, customerId: number | null = null): CartView {
    checkQuantity(quantity);
    const product = this.activeProduct(productId);
    const current = this.quantityOf(userId, productId);
    const wanted = Math.min(current + quantity, MAX_QUANTITY);
    if (product.stock < wanted) throw new EngineError('conflict', `only ${Math.max(product.stock, 0)} of ${product.name} in stock`);
    prepared(this.db, `INSERT INTO cart_items (user_id, product_id, quantity, added_at) VALUES (?, ?, ?, ?)
        ON CONFLICT(user_id, product_id) DO UPDATE SET quantity = excluded.quantity`)
      .run(userId, productId, wanted, this.clock.now().toISOString());
    return this.view(userId, customerId);
  }

  setQuantity(userId: string, productId: number, quantity: number): CartView {
    if (quantity === 0) return this.remove(userId, productId);
    checkQuantity(quantity);
    if (this.quantityOf(userId, productId) === 0) throw notFound('that item in your cart');
    const product = this.activeProduct(productId);
    if (product.stock < quantity) throw new EngineError('conflict', `only ${Math.max(product.stock, 0)} of ${product.name} in stock`);
    prepared(this.db, 'UPDATE cart_items SET quantity = ? WHERE user_id = ? AND product_id = ?').run(quantity, userId, productId);
    return this.view(userId, null);
  }

  remove(userId: string, productId: number): CartView {
    const info = prepared(this.db, 'DELETE FROM cart_items WHERE user_id = ? AND product_id = ?').run(userId, productId);
    if (info.changes === 0) throw notFound('that item in your cart');
    return this.view(userId, null);
  }

  clear(userId: string): void {
    prepared(this.db, 'DELETE FROM cart_items WHERE user_id = ?').run(userId);
  }

  view(userId: string, customerId: number | null): CartView {
    const rows = prepared(this.db, `SELECT p.*, c.quantity AS cart_quantity FROM cart_items c JOIN products p ON p.id = c.product_id
        WHERE c.user_id = ? ORDER BY c.added_at, p.id`)
      .all(userId) as (Parameters<typeof toProduct>[0] & { cart_quantity: number })[];
    const lines = rows.map((r) => {
      const product = toProduct(r);
      return { product, quantity: r.cart_quantity, unitPriceCents: product.priceCents, lineCents: r.cart_quantity * product.priceCents };
    });
    const pricing = this.pricer.priceCart(
      lines.map((l) => ({ productId: l.product.id, quantity: l.quantity, unitPriceCents: l.unitPriceCents })),
      customerId,
    );
    return {
      ...pricing,
      lines,
      items: lines.reduce((s, l) => s + l.quantity, 0),
      totalCents: pricing.subtotalCents - pricing.discountCents + pricing.shippingCents,
    };
  }

  /** Turns the cart into an order in one transaction: stock checked and taken, promotion redeemed, cart emptied. */
  checkout(userId: string, customerId: number): Order {
    const orderNo = this.db.transaction(() => {
      const cart = this.view(userId, customerId);
      if (cart.lines.length === 0) throw invalid('your cart is empty');
      for (const l of cart.lines) {
        const stock = (prepared(this.db, 'SELECT stock FROM products WHERE id = ?').get(l.product.id) as { stock: number }).stock;
        if (stock < l.quantity) throw new EngineError('conflict', `only ${Math.max(stock, 0)} of ${l.product.name} left in stock`);
      }
      const orderNo = this.nextOrderNo();
      const orderId = this.orders.create({
        orderNo,
        customerId,
        placedAt: this.clock.now().toISOString(),
        lines: cart.lines.map((l) => ({ productId: l.product.id, quantity: l.quantity, unitPriceCents: l.unitPriceCents })),
        discountCents: cart.discountCents,
        shippingCents: cart.shippingCents,
        promotionId: cart.promotionId ?? null,
        source: 'chat',
      });
      const take = prepared(this.db, 'UPDATE products SET stock = stock - ? WHERE id = ?');
      for (const l of cart.lines) take.run(l.quantity, l.product.id);
      if (cart.promotionId) this.pricer.recordRedemption?.(cart.promotionId, orderId, customerId, cart.redemptionCents ?? cart.discountCents);
      this.clear(userId);
      return orderNo;
    })();
    return this.orders.get(orderNo);
  }

  private nextOrderNo(): string {
    const row = prepared(this.db, "SELECT MAX(CAST(SUBSTR(order_no, 3) AS INTEGER)) AS n FROM orders WHERE order_no GLOB 'SM[0-9]*'")
      .get() as { n: number | null };
    return `SM${Math.max(row.n ?? 0, 100000) + 1}`;
  }

  private quantityOf(userId: string, productId: number): number {
    const row = prepared(this.db, 'SELECT quantity FROM cart_items WHERE user_id = ? AND product_id = ?').get(userId, productId) as { quantity: number } | undefined;
    return row?.quantity ?? 0;
  }

  private activeProduct(productId: number): Product {
    const row = prepared(this.db, 'SELECT * FROM products WHERE id = ? AND active = 1').get(productId) as Parameters<typeof toProduct>[0] | undefined;
    if (!row) throw notFound(`product ${productId}`);
    return toProduct(row);
  }
}

function checkQuantity(quantity: number): void {
  if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
    throw invalid(`quantity must be a whole number from 1 to ${MAX_QUANTITY}`);
  }
}
