import type { Db } from '../db';
import { notFound } from '../errors';

export interface Product {
  id: number;
  sku: string;
  name: string;
  description: string;
  category: string;
  brand: string;
  colour: string;
  size: string;
  attributes: Record<string, string | number | boolean>;
  priceCents: number;
  costCents: number | null;
  stock: number;
  active: boolean;
  createdAt: string;
}

export type NewProduct = Omit<Product, 'id' | 'active' | 'attributes' | 'description' | 'brand' | 'colour' | 'size' | 'costCents' | 'stock'> &
  Partial<Pick<Product, 'attributes' | 'description' | 'brand' | 'colour' | 'size' | 'costCents' | 'stock' | 'active'>>;

interface Row {
  id: number;
  sku: string;
  name: string;
  description: string;
  category: string;
  brand: string;
  colour: string;
  size: string;
  attributes: string;
  price_cents: number;
  cost_cents: number | null;
  stock: number;
  active: number;
  created_at: string;
}

export function toProduct(r: Row): Product {
  return {
    id: r.id,
    sku: r.sku,
    name: r.name,
    description: r.description,
    category: r.category,
    brand: r.brand,
    colour: r.colour,
    size: r.size,
    attributes: JSON.parse(r.attributes),
    priceCents: r.price_cents,
    costCents: r.cost_cents,
    stock: r.stock,
    active: r.active === 1,
    createdAt: r.created_at,
  };
}

/** The catalogue: typed access to products with statements prepared once. */
export class ProductRepo {
  private readonly byIdStmt;
  private readonly bySkuStmt;
  private readonly insertStmt;
  private readonly setPriceStmt;
  private readonly adjustStockStmt;

  constructor(private readonly db: Db) {
    this.byIdStmt = db.prepare('SELECT * FROM products WHERE id = ?');
    this.bySkuStmt = db.prepare('SELECT * FROM products WHERE sku = ? COLLATE NOCASE');
    this.insertStmt = db.prepare(`INSERT INTO products
      (sku, name, description, category, brand, colour, size, attributes, price_cents, cost_cents, stock, active, created_at)
      VALUES (@sku, @name, @description, @category, @brand, @colour, @size, @attributes, @priceCents, @costCents, @stock, @active, @createdAt)`);
    this.setPriceStmt = db.prepare('UPDATE products SET price_cents = ? WHERE id = ?');
    this.adjustStockStmt = db.prepare('UPDATE products SET stock = stock + ? WHERE id = ?');
  }

  byId(id: number): Product | undefined {
    const row = this.byIdStmt.get(id) as Row | undefined;
    return row && toProduct(row);
  }

  bySku(sku: string): Product | undefined {
    const row = this.bySkuStmt.get(sku) as Row | undefined;
    return row && toProduct(row);
  }

  get(id: number): Product {
    const p = this.byId(id);
    if (!p) throw notFound(`product ${id}`);
    return p;
  }

  insert(p: NewProduct): number {
    const info = this.insertStmt.run({
      description: '',
      brand: '',
      colour: '',
      size: '',
      costCents: null,
      stock: 0,
      ...p,
      active: p.active === false ? 0 : 1,
      attributes: JSON.stringify(p.attributes ?? {}),
    });
    return Number(info.lastInsertRowid);
  }

  setPrice(id: number, priceCents: number): void {
    this.setPriceStmt.run(priceCents, id);
  }

  adjustStock(id: number, delta: number): void {
    this.adjustStockStmt.run(delta, id);
  }

  all(): Product[] {
    return (this.db.prepare('SELECT * FROM products ORDER BY id').all() as Row[]).map(toProduct);
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM products').get() as { n: number }).n;
  }

  /** Distinct non-empty values of a descriptive column, for the NLU's vocabulary. */
  distinct(column: 'category' | 'brand' | 'colour' | 'size'): string[] {
    const rows = this.db
      .prepare(`SELECT DISTINCT ${column} AS v FROM products WHERE ${column} <> '' AND active = 1 ORDER BY 1`)
      .all() as { v: string }[];
    return rows.map((r) => r.v);
  }
}
