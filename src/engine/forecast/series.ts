import type { Db } from '../db';
import { addDays, daysBetween } from './dates';

/** Daily units sold, zero-filled: values[i] is the day `start` + i; the last value is the day `end`. */
export interface DailySeries {
  start: string;
  end: string;
  values: number[];
}

/** Longest history a forecast looks at (older sales say little about next month). */
export const MAX_HISTORY_DAYS = 3 * 365;

interface DayRow {
  day: string;
  units: number;
}

/** The last calendar day with a sale, or undefined for a store without sales. */
export function lastSaleDay(db: Db): string | undefined {
  const row = db.prepare('SELECT MAX(placed_at) AS last FROM sales').get() as { last: string | null };
  return row.last ? row.last.slice(0, 10) : undefined;
}

/** Zero-fills day rows (sorted by day) from the first sale, or `end - MAX_HISTORY_DAYS`, up to `end` inclusive. */
export function zeroFill(rows: readonly DayRow[], end: string, maxDays = MAX_HISTORY_DAYS): DailySeries {
  const kept = rows.filter((r) => r.day <= end);
  const earliest = addDays(end, -(maxDays - 1));
  if (kept.length === 0) return { start: addDays(end, 1), end, values: [] };
  const start = kept[0].day > earliest ? kept[0].day : earliest;
  const values = new Array<number>(daysBetween(start, end) + 1).fill(0);
  for (const r of kept) {
    const i = daysBetween(start, r.day);
    if (i >= 0) values[i] += r.units;
  }
  return { start, end, values };
}

const DAILY_SQL = "SELECT substr(placed_at, 1, 10) AS day, SUM(quantity) AS units FROM sales WHERE product_id IN (SELECT value FROM json_each(?)) GROUP BY day ORDER BY day";

/** Total daily units of a set of products (one product, a category, or the whole store). */
export function productsSeries(db: Db, productIds: readonly number[], end: string): DailySeries {
  const rows = db.prepare(DAILY_SQL).all(JSON.stringify(productIds)) as DayRow[];
  return zeroFill(rows, end);
}

/** Daily units of the whole store. */
export function storeSeries(db: Db, end: string): DailySeries {
  const rows = db.prepare('SELECT substr(placed_at, 1, 10) AS day, SUM(quantity) AS units FROM sales GROUP BY day ORDER BY day').all() as DayRow[];
  return zeroFill(rows, end);
}

/** The `top` products by units sold, best first (ties by id). */
export function topProducts(db: Db, top: number): { productId: number; sku: string; units: number }[] {
  return db
    .prepare(`SELECT s.product_id AS productId, p.sku, SUM(s.quantity) AS units FROM sales s JOIN products p ON p.id = s.product_id
              GROUP BY s.product_id ORDER BY units DESC, s.product_id LIMIT ?`)
    .all(top) as { productId: number; sku: string; units: number }[];
}

/** Daily series of many products in one pass, keyed by product id, each zero-filled from its first sale. */
export function manyProductSeries(db: Db, productIds: readonly number[], end: string): Map<number, DailySeries> {
  const rows = db
    .prepare(`SELECT product_id AS productId, substr(placed_at, 1, 10) AS day, SUM(quantity) AS units FROM sales
              WHERE product_id IN (SELECT value FROM json_each(?)) GROUP BY product_id, day ORDER BY product_id, day`)
    .all(JSON.stringify(productIds)) as (DayRow & { productId: number })[];
  const byProduct = new Map<number, DayRow[]>(productIds.map((id) => [id, []]));
  for (const r of rows) byProduct.get(r.productId)?.push(r);
  return new Map([...byProduct].map(([id, list]) => [id, zeroFill(list, end)]));
}
