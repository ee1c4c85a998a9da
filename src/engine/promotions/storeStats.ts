import type { Db } from '../db';
import type { CustomerProfile, StoreStats } from './ranking';

/** Reads the store-wide and per-customer figures the ranking needs from `sales` and `products`. */
export class StatsReader {
  private readonly categorySpendStmt;
  private readonly totalsStmt;
  private readonly costRatioStmt;
  private readonly customerCategoryStmt;
  private readonly customerOrdersStmt;

  constructor(db: Db) {
    this.categorySpendStmt = db.prepare(`SELECT p.category AS category, SUM(s.quantity * s.unit_price_cents) AS spend
      FROM sales s JOIN products p ON p.id = s.product_id GROUP BY p.category`);
    this.totalsStmt = db.prepare('SELECT COALESCE(SUM(quantity * unit_price_cents), 0) AS spend, COUNT(DISTINCT order_id) AS orders FROM sales');
    this.costRatioStmt = db.prepare(`SELECT category, AVG(COALESCE(CAST(cost_cents AS REAL) / price_cents, ?)) AS ratio, COUNT(*) AS n
      FROM products WHERE active = 1 AND price_cents > 0 GROUP BY category`);
    this.customerCategoryStmt = db.prepare(`SELECT p.category AS category, SUM(s.quantity * s.unit_price_cents) AS spend
      FROM sales s JOIN products p ON p.id = s.product_id WHERE s.customer_id = ? GROUP BY p.category`);
    this.customerOrdersStmt = db.prepare('SELECT COUNT(DISTINCT order_id) AS orders FROM sales WHERE customer_id = ?');
  }

  store(assumedCostRatio: number): StoreStats {
    const totals = this.totalsStmt.get() as { spend: number; orders: number };
    const categoryShare = new Map<string, number>();
    for (const r of this.categorySpendStmt.all() as { category: string; spend: number }[]) {
      categoryShare.set(r.category.toLowerCase(), totals.spend > 0 ? r.spend / totals.spend : 0);
    }
    const costRatio = new Map<string, number>();
    let weighted = 0;
    let count = 0;
    for (const r of this.costRatioStmt.all(assumedCostRatio) as { category: string; ratio: number; n: number }[]) {
      costRatio.set(r.category.toLowerCase(), r.ratio);
      weighted += r.ratio * r.n;
      count += r.n;
    }
    return {
      categoryShare,
      costRatio,
      overallCostRatio: count > 0 ? weighted / count : assumedCostRatio,
      avgOrderCents: totals.orders > 0 ? totals.spend / totals.orders : 0,
    };
  }

  customer(customerId: number): CustomerProfile {
    const byCategory = new Map<string, number>();
    let spendCents = 0;
    for (const r of this.customerCategoryStmt.all(customerId) as { category: string; spend: number }[]) {
      byCategory.set(r.category.toLowerCase(), (byCategory.get(r.category.toLowerCase()) ?? 0) + r.spend);
      spendCents += r.spend;
    }
    const orders = spendCents > 0 ? (this.customerOrdersStmt.get(customerId) as { orders: number }).orders : 0;
    return { spendCents, orders, byCategory };
  }
}
