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
  maxOrderId: number;
  orders: number;
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

  constructor(db: Db) {
    this.historyStmt = db.prepare(
      `SELECT DISTINCT order_id, product_id, julianday(placed_at) - 2440587.5 AS day
       FROM sales WHERE customer_id = ? ORDER BY day, order_id`,
    );
    this.dismissedStmt = db.prepare(
      "SELECT DISTINCT product_id FROM interactions WHERE customer_id = ? AND kind = 'dismiss' AND created_at >= ?",
    );
    this.productsStmt = db.prepare(
      'SELECT id, name, category, price_cents, stock, active FROM products WHERE id IN (SELECT value FROM json_each(?))',
    );
    this.ordersStampStmt = db.prepare(
      "SELECT COALESCE(MAX(id), 0) AS maxOrderId, COUNT(*) AS orders, COALESCE(SUM(status = 'cancelled'), 0) AS cancelled FROM orders",
    );
    this.productsStampStmt = db.prepare('SELECT COALESCE(MAX(id), 0) AS maxProductId, COUNT(*) AS products FROM products');
  }

  /** The customer's purchases now (including orders placed after the last fit), as item indices. */
  history(customerId: number, index: ReadonlyMap<number, number>): History {
    const rows = this.historyStmt.all(customerId) as { product_id: number; day: number }[];
    const items: number[] = [];
    const days: number[] = [];
    for (const r of rows) {
      const i = index.get(r.product_id);
      if (i === undefined) continue;
      items.push(i);
      days.push(r.day);
    }
    return { items: Int32Array.from(items), days: Float64Array.from(days) };
  }

  /** Products the customer dismissed in chat since `sinceIso`. */
  dismissed(customerId: number, sinceIso: string): number[] {
    return (this.dismissedStmt.all(customerId, sinceIso) as { product_id: number }[]).map((r) => r.product_id);
  }

  products(ids: number[]): Map<number, LiveProduct> {
    const rows = this.productsStmt.all(JSON.stringify(ids)) as LiveProduct[];
    return new Map(rows.map((r) => [r.id, r]));
  }

  stamp(): StoreStamp {
    return { ...(this.ordersStampStmt.get() as Omit<StoreStamp, 'maxProductId' | 'products'>), ...(this.productsStampStmt.get() as Pick<StoreStamp, 'maxProductId' | 'products'>) };
  }
}
