import type { Db } from '../db';

/** Days since the Unix epoch (fractional): the time unit of every recommender. */
export const DAY_MS = 86_400_000;
export const toDay = (iso: string | Date): number => new Date(iso).getTime() / DAY_MS;

/**
 * The clean purchase lines (the `sales` view with a customer), as parallel typed arrays
 * sorted by time and then order, so "everything up to time T" is a prefix.
 */
export interface Lines {
  length: number;
  order: Int32Array;
  customer: Int32Array;
  product: Int32Array;
  day: Float64Array;
  quantity: Float32Array;
}

/** The catalogue in compact form; item index i is the position in `productId`. */
export interface Catalog {
  size: number;
  productId: Int32Array;
  index: Map<number, number>;
  name: string[];
  description: string[];
  category: string[];
  brand: string[];
  colour: string[];
  priceCents: Int32Array;
  stock: Int32Array;
  active: Uint8Array;
}

export interface LineRow {
  orderId: number;
  customerId: number;
  productId: number;
  day: number;
  quantity: number;
}

/** Builds Lines from plain rows (tests, tools); rows are sorted here. */
export function linesFromRows(rows: LineRow[]): Lines {
  const sorted = [...rows].sort((a, b) => a.day - b.day || a.orderId - b.orderId);
  const n = sorted.length;
  const lines: Lines = {
    length: n,
    order: new Int32Array(n),
    customer: new Int32Array(n),
    product: new Int32Array(n),
    day: new Float64Array(n),
    quantity: new Float32Array(n),
  };
  sorted.forEach((r, i) => {
    lines.order[i] = r.orderId;
    lines.customer[i] = r.customerId;
    lines.product[i] = r.productId;
    lines.day[i] = r.day;
    lines.quantity[i] = r.quantity;
  });
  return lines;
}

/**
 * Reads the sales view. `keepReversed` also keeps lines that a later cancellation reversed
 * (the reference protocol's reading of the raw file); off by default.
 */
export function loadLines(db: Db, options: { keepReversed?: boolean } = {}): Lines {
  const source = options.keepReversed
    ? `SELECT o.id, o.customer_id, i.product_id, julianday(o.placed_at) - 2440587.5, i.quantity
       FROM order_items i JOIN orders o ON o.id = i.order_id WHERE o.status <> 'cancelled'`
    : `SELECT order_id, customer_id, product_id, julianday(placed_at) - 2440587.5, quantity FROM sales`;
  const where = 'WHERE s.customer_id IS NOT NULL';
  const n = (db.prepare(`SELECT COUNT(*) AS n FROM (${source}) AS s ${where}`).get() as { n: number }).n;
  const lines: Lines = {
    length: n,
    order: new Int32Array(n),
    customer: new Int32Array(n),
    product: new Int32Array(n),
    day: new Float64Array(n),
    quantity: new Float32Array(n),
  };
  // streamed row by row: the typed arrays are the only copy held
  const rows = db.prepare(`SELECT * FROM (${source}) AS s ${where} ORDER BY 4, 1`).raw().iterate() as IterableIterator<[number, number, number, number, number]>;
  let i = 0;
  for (const r of rows) {
    if (i === n) break;
    lines.order[i] = r[0];
    lines.customer[i] = r[1];
    lines.product[i] = r[2];
    lines.day[i] = r[3];
    lines.quantity[i] = r[4];
    i++;
  }
  return i === n ? lines : { ...lines, length: i };
}

export interface CatalogRow {
  id: number;
  name: string;
  description?: string;
  category?: string;
  brand?: string;
  colour?: string;
  price_cents?: number;
  stock?: number;
  active?: number;
}

export function catalogFromRows(rows: CatalogRow[]): Catalog {
  const n = rows.length;
  const c: Catalog = {
    size: n,
    productId: new Int32Array(n),
    index: new Map(),
    name: [],
    description: [],
    category: [],
    brand: [],
    colour: [],
    priceCents: new Int32Array(n),
    stock: new Int32Array(n),
    active: new Uint8Array(n),
  };
  rows.forEach((r, i) => {
    c.productId[i] = r.id;
    c.index.set(r.id, i);
    c.name.push(r.name);
    c.description.push(r.description ?? '');
    c.category.push(r.category ?? '');
    c.brand.push(r.brand ?? '');
    c.colour.push(r.colour ?? '');
    c.priceCents[i] = r.price_cents ?? 0;
    c.stock[i] = r.stock ?? 0;
    c.active[i] = r.active ?? 1;
  });
  return c;
}

export function loadCatalog(db: Db): Catalog {
  const rows = db
    .prepare('SELECT id, name, description, category, brand, colour, price_cents, stock, active FROM products ORDER BY id')
    .all() as CatalogRow[];
  return catalogFromRows(rows);
}
