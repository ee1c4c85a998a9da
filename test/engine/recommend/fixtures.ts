import { Dataset } from '../../../src/engine/recommend/dataset';
import { catalogFromRows, linesFromRows, type Catalog, type LineRow, type Lines } from '../../../src/engine/recommend/interactions';

/** Product ids 1..n named as given. */
export function tinyCatalog(names: string[], extra: Partial<{ category: string[]; description: string[] }> = {}): Catalog {
  return catalogFromRows(names.map((name, i) => ({ id: i + 1, name, category: extra.category?.[i] ?? '', description: extra.description?.[i] ?? '' })));
}

/** One order per entry: [orderId, customerId, day, productIds]. */
export function tinyLines(orders: [number, number, number, number[]][]): Lines {
  const rows: LineRow[] = orders.flatMap(([orderId, customerId, day, products]) => products.map((productId) => ({ orderId, customerId, productId, day, quantity: 1 })));
  return linesFromRows(rows);
}

/**
 * Four customers over products A=1 B=2 C=3 D=4: c1 {A,B}, c2 {A,B,C}, c3 {A,C}, c4 {D}.
 * Co-purchases: AB=2, AC=2, BC=1; buyers A=3, B=2, C=2, D=1.
 */
export function fourCustomers(): { ds: Dataset; catalog: Catalog; lines: Lines } {
  const catalog = tinyCatalog(['A', 'B', 'C', 'D']);
  const lines = tinyLines([
    [1, 1, 10, [1, 2]],
    [2, 2, 11, [1, 2, 3]],
    [3, 3, 12, [1, 3]],
    [4, 4, 13, [4]],
  ]);
  return { ds: new Dataset(lines, catalog), catalog, lines };
}

/** A history of product indices (0-based items) at given days. */
export const hist = (items: number[], days: number[] = items.map(() => 0)) => ({ items: Int32Array.from(items), days: Float64Array.from(days) });
