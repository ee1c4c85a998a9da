import type { Db } from '../db';
import type { History } from './dataset';

export interface LiveProduct {
  id: number;
  name: string;
  category: string;
  price_cents: number;
  stock: number;
  active: number;
}

/** A cheap fingerprint of what the models were fitted on. */
export interface StoreStamp {
  /** Order ids only grow, so the difference counts new orders. */
  maxOrderId: number;
  cancelled: number;
  maxProductId: number;
  products: number;
}

/** The recommender's read-only queries against the live store, prepared once. */
export class StoreReader {
  private readonly historyStmt;
  private readonly dismissedStmt;
  private readonly productsStmt;
  private readonly ordersStampStmt;
  private readonly productsStampStmt;
  private readonly cancelledStmt;

  constructor(db: Db) {
    this.historyStmt = db.prepare(
      `SELECT order_id, product_id, julianday(placed_at) - 2440587.5 AS day
       FROM sales WHERE customer_id = ? ORDER BY placed_at DESC, order_id DESC LIMIT ?`,
    );
    this.dismissedStmt = db.prepare(
      "SELECT DISTINCT product_id FROM interactions WHERE customer_id = ? AND kind = 'dismiss' AND created_at >= ?",
    );
    this.productsStmt = db.prepare(
      'SELECT id, name, category, price_cents, stock, active FROM products WHERE id IN (SELECT value FROM json_each(?))',
    );
    this.ordersStampStmt = db.prepare('SELECT COALESCE(MAX(id), 0) AS maxOrderId FROM orders');
    this.cancelledStmt = db.prepare(
      "SELECT (SELECT COUNT(*) FROM orders WHERE status = 'cancelled') + (SELECT COUNT(*) FROM order_items WHERE cancelled = 1) AS cancelled",
    );
    this.productsStampStmt = db.prepare('SELECT COALESCE(MAX(id), 0) AS maxProductId, COUNT(*) AS products FROM products');
  }

  /**
   * The customer's latest `maxEvents` purchase events now (including orders placed after the last
   * fit), oldest first, one per (order, product), as item indices.
   */
  history(customerId: number, index: ReadonlyMap<number, number>, maxEvents: number): History {
    const rows = this.historyStmt.all(customerId, 2 * maxEvents) as { order_id: number; product_id: number; day: number }[];
    const items: number[] = [];
    const days: number[] = [];
    const seen = new Set<string>();
    for (const r of rows) {
      const i = index.get(r.product_id);
      const key = `${r.order_id}:${r.product_id}`;
      if (i === undefined || seen.has(key)) continue;
      seen.add(key);
      items.push(i);
      days.push(r.day);
      if (items.length === maxEvents) break;
    }
    return { items: Int32Array.from(items.reverse()), days: Float64Array.from(days.reverse()) };
  }

  /** Products the customer dismissed in chat since `sinceIso`. */
  dismissed(customerId: number, sinceIso: string): number[] {
    return (this.dismissedStmt.all(customerId, sinceIso) as { product_id: number }[]).map((r) => r.product_id);
  }

  products(ids: number[]): Map<number, LiveProduct> {
    const rows = this.productsStmt.all(JSON.stringify(ids)) as LiveProduct[];
    return new Map(rows.map((r) => [r.id, r]));
  }

  /** New orders and products (cheap); `full` also counts cancellations (a scan of the order lines). */
  stamp(full = true): StoreStamp {
    return {
      ...(this.ordersStampStmt.get() as Pick<StoreStamp, 'maxOrderId'>),
      ...(this.productsStampStmt.get() as Pick<StoreStamp, 'maxProductId' | 'products'>),
      cancelled: full ? (this.cancelledStmt.get() as { cancelled: number }).cancelled : -1,
    };
  }
}
