import type { Db } from '../db';
import type { GiftProduct, PricedLine } from './pricing';
import type { Lookups } from './validate';

interface ProductRow {
  id: number;
  sku: string;
  name: string;
  category: string;
  price_cents: number;
  cost_cents: number | null;
  stock: number;
  active: number;
}

/** The catalogue and customer facts promotions need, statements prepared once. */
export class Catalog implements Lookups {
  private readonly productStmt;
  private readonly skuStmt;
  private readonly categoryStmt;
  private readonly customerStmt;
  private readonly giftCandidateStmt;

  constructor(db: Db) {
    this.productStmt = db.prepare('SELECT id, sku, name, category, price_cents, cost_cents, stock, active FROM products WHERE id = ?');
    this.skuStmt = db.prepare('SELECT id, sku, name, category, price_cents, cost_cents, stock, active FROM products WHERE sku = ? COLLATE NOCASE');
    this.categoryStmt = db.prepare("SELECT category FROM products WHERE category = ? COLLATE NOCASE AND category <> '' LIMIT 1");
    this.customerStmt = db.prepare('SELECT 1 FROM customers WHERE id = ?');
    this.giftCandidateStmt = db.prepare(`SELECT sku FROM products
      WHERE active = 1 AND stock >= 10 AND price_cents BETWEEN 100 AND ?
      ORDER BY price_cents * 1.0 / COALESCE(NULLIF(cost_cents, 0), price_cents * ?) DESC, stock DESC, id LIMIT 1`);
  }

  product(id: number): ProductRow | undefined {
    return this.productStmt.get(id) as ProductRow | undefined;
  }

  /** Cart lines with each product's category and cost (unknown products: no category, unknown cost). */
  pricedLines(lines: { productId: number; quantity: number; unitPriceCents: number }[]): PricedLine[] {
    return lines.map((l) => {
      const p = this.product(l.productId);
      return { ...l, category: p?.category ?? '', costCents: p?.cost_cents ?? null };
    });
  }

  gift(sku: string | undefined): GiftProduct | undefined {
    if (!sku) return undefined;
    const p = this.skuStmt.get(sku) as ProductRow | undefined;
    if (!p) return undefined;
    return { productId: p.id, sku: p.sku, name: p.name, priceCents: p.price_cents, costCents: p.cost_cents, available: p.active === 1 && p.stock > 0 };
  }

  /** A default gift: an in-stock product worth at most a fifth of the threshold, best price-to-cost first. */
  pickGift(thresholdCents: number, assumedCostRatio: number): string | undefined {
    const row = this.giftCandidateStmt.get(Math.max(100, Math.round(thresholdCents * 0.2)), assumedCostRatio) as { sku: string } | undefined;
    return row?.sku;
  }

  productSku(sku: string): string | undefined {
    const p = this.skuStmt.get(sku) as ProductRow | undefined;
    return p && p.active === 1 ? p.sku : undefined;
  }

  category(name: string): string | undefined {
    return (this.categoryStmt.get(name) as { category: string } | undefined)?.category;
  }

  missingCustomers(ids: number[]): number[] {
    return ids.filter((id) => !this.customerStmt.get(id));
  }
}
