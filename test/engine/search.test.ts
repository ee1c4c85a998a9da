import { describe, expect, it } from 'vitest';
import { ProductSearch, ftsTerms } from '../../src/engine/search';
import { tinyStore } from '../support/fixtures';

describe('ProductSearch', () => {
  const { db } = tinyStore();
  const search = new ProductSearch(db);
  const skus = (r: { items: { sku: string }[] }) => r.items.map((p) => p.sku);

  it('finds products by words in any field, stemming plurals', () => {
    expect(skus(search.search({ query: 'mugs' })).sort()).toEqual(['KIT-1', 'KIT-2']);
    expect(skus(search.search({ query: 'nike' }))).toEqual(['SHO-1']);
  });

  it('ranks the product whose name matches above description-only matches', () => {
    expect(skus(search.search({ query: 'red mug' }))[0]).toBe('KIT-1');
  });

  it('falls back to any word when no product has all of them', () => {
    const r = search.search({ query: 'teapot unicorn' });
    expect(r.matched).toBe('any');
    expect(skus(r)).toEqual(['KIT-3']);
  });

  it('applies filters and exclusions', () => {
    expect(skus(search.search({ query: 'running shoes', maxPriceCents: 7000 }))).toEqual(['SHO-2']);
    expect(skus(search.search({ query: 'running shoes', inStockOnly: true }))).toEqual(['SHO-1']);
    expect(skus(search.search({ category: 'kitchen', excludeColours: ['red', 'white'] }))).toEqual(['KIT-2']);
    expect(skus(search.search({ query: 'shoes', excludeBrands: ['nike'] }))).toEqual(['SHO-2']);
    expect(search.search({ category: 'Kitchen', sort: 'price_desc' }).items[0].sku).toBe('KIT-3');
  });

  it('matches a size inside a product\'s list of sizes', () => {
    db.prepare("UPDATE products SET size = 'UK 8,UK 9,UK 10' WHERE sku = 'SHO-1'").run();
    expect(skus(search.search({ query: 'shoes', size: 'uk 9' }))).toEqual(['SHO-1']);
    expect(skus(search.search({ query: 'shoes', size: 'UK 1' }))).toEqual([]);
  });

  it('pages through results and reports the total', () => {
    const first = search.search({ category: 'Kitchen', sort: 'price_asc', limit: 2 });
    const second = search.search({ category: 'Kitchen', sort: 'price_asc', limit: 2, offset: 2 });
    expect(first.total).toBe(3);
    expect([...skus(first), ...skus(second)]).toHaveLength(3);
    expect(new Set([...skus(first), ...skus(second)]).size).toBe(3);
  });

  it('never lets user text become FTS5 syntax', () => {
    for (const q of ['"', 'NEAR(', '*', 'AND OR NOT', "mug' OR 1=1 --", 'col:mug', '^mug', '((((']) {
      expect(() => search.search({ query: q })).not.toThrow();
    }
    expect(ftsTerms('red "mug" NEAR(x*')).toEqual(['"red"', '"mug"', '"near"', '"x"']);
  });

  it('finds the same after the full-text index is compacted', () => {
    const queries = [{ query: 'mugs' }, { query: 'red mug' }, { query: 'teapot unicorn' }, { query: 'shoes', excludeBrands: ['nike'] }];
    const before = queries.map((q) => search.search(q));
    search.compactIndex();
    expect(queries.map((q) => search.search(q))).toEqual(before);
  });

  it('counts every match, also past a full page', () => {
    const all = search.search({ category: 'Kitchen', limit: 50 });
    for (let limit = 1; limit <= all.items.length + 1; limit++) {
      for (let offset = 0; offset < all.items.length; offset++) {
        const page = search.search({ category: 'Kitchen', limit, offset });
        expect(page.total).toBe(all.items.length);
        expect(page.items.map((p) => p.id)).toEqual(all.items.slice(offset, offset + limit).map((p) => p.id));
      }
    }
  });

  it('carries ratings from reviews after a stats refresh', () => {
    db.prepare("INSERT INTO reviews (product_id, rating, text, created_at) VALUES (1, 5, 'great', '2025-01-01'), (1, 4, 'ok', '2025-01-02')").run();
    search.refreshStats();
    const mug = search.search({ query: 'red mug' }).items[0];
    expect(mug).toMatchObject({ sku: 'KIT-1', rating: 4.5, reviews: 2 });
  });
});
