import type { Db } from '../db';
import { deriveCategory } from './deriveCategory';
import type { SaleLine } from './saleLine';

/** A product as the import sees it; `id` is 0 until the row is written. */
export interface ProductState {
  id: number;
  sku: string;
  /** Created by this import: its name, category, price and stock come from the data. */
  isNew: boolean;
  names: Map<string, number>;
  categories: Map<string, number>;
  brands: Map<string, number>;
  priceCents: number;
  priceAt: string;
  firstAt: string;
  /** Units bought in this import and not cancelled. */
  keptUnits: number;
}

const STOCK_WEEKS = 4;
const WEEK_MS = 7 * 24 * 3600 * 1000;

/** The most frequent key (ties: the first seen), or '' for an empty map. */
function mostCommon(counts: Map<string, number>): string {
  let best = '';
  let n = 0;
  for (const [k, c] of counts) if (c > n) [best, n] = [k, c];
  return best;
}

const bump = (counts: Map<string, number>, key: string) => key && counts.set(key, (counts.get(key) ?? 0) + 1);

/**
 * Products by SKU (case-insensitive). Products that already exist keep their catalogue data;
 * products created by the import take, from their purchase lines: the most common name, the most
 * common given category (or one derived from the name), the most recent unit price, no cost, and
 * a stock level the data does not have: four weeks of the product's average weekly units from its
 * first sale to the end of the imported data, at least 1 (so stock-aware features have something).
 */
export class Catalogue {
  private readonly bySku = new Map<string, ProductState>();
  private readonly insertStmt;
  private readonly finalStmt;

  constructor(private readonly db: Db) {
    for (const r of db.prepare('SELECT id, sku FROM products').all() as { id: number; sku: string }[]) {
      this.bySku.set(r.sku.toUpperCase(), this.state(r.id, r.sku, false, ''));
    }
    this.insertStmt = db.prepare(`INSERT INTO products (sku, name, category, brand, attributes, price_cents, stock, created_at)
      VALUES (?, ?, ?, ?, ?, ?, 0, ?)`);
    this.finalStmt = db.prepare('UPDATE products SET name = ?, category = ?, brand = ?, price_cents = ?, stock = ? WHERE id = ?');
  }

  private state(id: number, sku: string, isNew: boolean, at: string): ProductState {
    const maps = { names: new Map(), categories: new Map(), brands: new Map() };
    return { id, sku, isNew, ...maps, priceCents: 0, priceAt: '', firstAt: at, keptUnits: 0 };
  }

  get(sku: string): ProductState | undefined {
    return this.bySku.get(sku.toUpperCase());
  }

  /** The line's product, created (unwritten: see `newProducts`) when unknown. */
  noteSale(line: SaleLine): { product: ProductState; created: boolean } {
    let product = this.get(line.sku);
    const created = !product;
    if (!product) {
      product = this.state(0, line.sku, true, line.placedAt);
      this.bySku.set(line.sku.toUpperCase(), product);
    }
    if (product.isNew) {
      bump(product.names, line.productName);
      bump(product.categories, line.category);
      bump(product.brands, line.brand);
      if (line.placedAt >= product.priceAt) [product.priceCents, product.priceAt] = [line.unitPriceCents, line.placedAt];
    }
    product.keptUnits += line.quantity;
    return { product, created };
  }

  /** Writes a new product with what is known so far (inside the caller's transaction). */
  insert(p: ProductState, source: string): void {
    const name = mostCommon(p.names) || p.sku;
    const given = mostCommon(p.categories);
    const attributes = JSON.stringify({ source, category_derived: !given });
    const info = this.insertStmt.run(p.sku, name, given || deriveCategory(name), mostCommon(p.brands), attributes, p.priceCents, p.firstAt);
    p.id = Number(info.lastInsertRowid);
  }

  /** Final name, category, brand, price and stock of the products this import created. */
  finish(dataEnd: string | null): void {
    const end = dataEnd ? Date.parse(dataEnd) : 0;
    for (const p of this.bySku.values()) {
      if (!p.isNew || p.id === 0) continue;
      const name = mostCommon(p.names) || p.sku;
      const weeks = Math.max(1, (end - Date.parse(p.firstAt)) / WEEK_MS);
      const stock = Math.max(1, Math.ceil((STOCK_WEEKS * Math.max(0, p.keptUnits)) / weeks));
      this.finalStmt.run(name, mostCommon(p.categories) || deriveCategory(name), mostCommon(p.brands), p.priceCents, stock, p.id);
    }
  }
}
