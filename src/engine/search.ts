import type { Db } from './db';
import { toProduct, type Product } from './repos/products';
import { prepared } from './prepared';

export interface SearchFilters {
  query?: string;
  category?: string;
  brand?: string;
  colour?: string;
  size?: string;
  minPriceCents?: number;
  maxPriceCents?: number;
  excludeColours?: string[];
  excludeBrands?: string[];
  excludeCategories?: string[];
  inStockOnly?: boolean;
  sort?: 'relevance' | 'price_asc' | 'price_desc';
  limit?: number;
  offset?: number;
}

export interface ProductHit extends Product {
  rating: number | null;
  reviews: number;
}

export interface SearchResult {
  items: ProductHit[];
  total: number;
  /** How the query words were matched: all of them, any of them, or none given. */
  matched: 'all' | 'any' | 'filters';
}

const MAX_TERMS = 12;

/** Words safe to hand to FTS5: letters and digits only, each quoted, so user text is never syntax. */
export function ftsTerms(text: string): string[] {
  return (text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((t) => t.length <= 40)
    .slice(0, MAX_TERMS)
    .map((t) => `"${t}"`);
}

/** Full-text search over the catalogue with filters, ranked by BM25 (name and brand weigh most). */
export class ProductSearch {
  constructor(private readonly db: Db) {}

  /** Recomputes ratings, review counts and units sold per product (start-up, after orders). */
  refreshStats(): void {
    this.db.transaction(() => {
      this.db.exec('DELETE FROM product_stats');
      this.db.exec(`INSERT INTO product_stats (product_id, rating, reviews, sold)
        SELECT p.id, r.rating, COALESCE(r.reviews, 0), COALESCE(s.sold, 0) FROM products p
        LEFT JOIN (SELECT product_id, AVG(rating) AS rating, COUNT(*) AS reviews FROM reviews GROUP BY product_id) r ON r.product_id = p.id
        LEFT JOIN (SELECT product_id, SUM(quantity) AS sold FROM sales GROUP BY product_id) s ON s.product_id = p.id`);
    })();
  }

  /**
   * Merges the full-text index into one segment (start-up). Catalogue writes add segments and every
   * search reads each of them: the freshly built demo store searches about a fifth faster after it.
   */
  compactIndex(): void {
    this.db.exec("INSERT INTO products_fts(products_fts) VALUES ('optimize')");
  }

  search(filters: SearchFilters): SearchResult {
    const terms = ftsTerms(filters.query ?? '');
    if (terms.length === 0) return this.run(filters, undefined, 'filters');
    const all = this.run(filters, terms.join(' '), 'all');
    if (all.total > 0 || terms.length === 1) return all;
    return this.run(filters, terms.join(' OR '), 'any');
  }

  private run(f: SearchFilters, match: string | undefined, matched: SearchResult['matched']): SearchResult {
    const where: string[] = ['p.active = 1'];
    const params: Record<string, unknown> = {};
    if (match !== undefined) params.match = match;
    const eq = (column: string, value: string | undefined) => {
      if (!value) return;
      where.push(`p.${column} = @${column} COLLATE NOCASE`);
      params[column] = value;
    };
    eq('category', f.category);
    eq('brand', f.brand);
    eq('colour', f.colour);
    if (f.size) {
      // Products that come in several sizes list them: "S,M,L" or "UK 6,UK 7".
      where.push("instr(',' || lower(replace(p.size, ', ', ',')) || ',', ',' || lower(@size) || ',') > 0");
      params.size = f.size;
    }
    if (f.minPriceCents !== undefined) {
      where.push('p.price_cents >= @minPrice');
      params.minPrice = f.minPriceCents;
    }
    if (f.maxPriceCents !== undefined) {
      where.push('p.price_cents <= @maxPrice');
      params.maxPrice = f.maxPriceCents;
    }
    if (f.inStockOnly) where.push('p.stock > 0');
    const notIn = (column: string, values: string[] | undefined) => {
      (values ?? []).forEach((v, i) => {
        where.push(`p.${column} <> @${column}_not${i} COLLATE NOCASE`);
        params[`${column}_not${i}`] = v;
      });
    };
    notIn('colour', f.excludeColours);
    notIn('brand', f.excludeBrands);
    notIn('category', f.excludeCategories);

    const matching =
      match !== undefined
        ? `(SELECT rowid AS id, bm25(products_fts, 10.0, 1.0, 4.0, 6.0, 3.0) AS score FROM products_fts WHERE products_fts MATCH @match) m
           JOIN products p ON p.id = m.id`
        : 'products p';
    const order =
      f.sort === 'price_asc' ? 'p.price_cents ASC, p.id'
      : f.sort === 'price_desc' ? 'p.price_cents DESC, p.id'
      : match !== undefined ? 'm.score, p.id'
      : 'sold DESC, p.id';
    const limit = Math.min(Math.max(Math.trunc(f.limit ?? 5), 1), 50);
    const offset = Math.max(Math.trunc(f.offset ?? 0), 0);
    const sql = `SELECT p.*, s.rating, COALESCE(s.reviews, 0) AS reviews, COALESCE(s.sold, 0) AS sold
      FROM ${matching}
      LEFT JOIN product_stats s ON s.product_id = p.id
      WHERE ${where.join(' AND ')}
      ORDER BY ${order}
      LIMIT @limit OFFSET @offset`;
    const rows = prepared(this.db, sql).all({ ...params, limit, offset }) as (Parameters<typeof toProduct>[0] & { rating: number | null; reviews: number })[];
    return {
      items: rows.map((r) => ({ ...toProduct(r), rating: r.rating === null ? null : Math.round(r.rating * 10) / 10, reviews: r.reviews })),
      total: rows.length === 0 ? 0 : rows.length < limit ? offset + rows.length : this.count(matching, where, params),
      matched,
    };
  }

  /**
   * How many products match, counted on its own and only when a page is full (most are not). A
   * COUNT(*) OVER () in the page query buffers every match, all columns, in an ephemeral table
   * (a temporary-file pager with SQLite's default temp_store), which costs more than this count.
   */
  private count(matching: string, where: string[], params: Record<string, unknown>): number {
    const sql = `SELECT COUNT(*) AS n FROM ${matching} WHERE ${where.join(' AND ')}`;
    return (prepared(this.db, sql).get(params) as { n: number }).n;
  }
}
