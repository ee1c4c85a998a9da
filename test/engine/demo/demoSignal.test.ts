import { beforeAll, describe, expect, it } from 'vitest';
import Sentiment from 'sentiment';
import { openDatabase, type Db } from '../../../src/engine/db';
import { buildDemoStore, planDemoWorld, type DemoSummary } from '../../../src/engine/demo/generateDemoStore';
import { DEMO_GROUND_TRUTH, elasticityOf } from '../../../src/engine/demo/groundTruth';
import { categoryElasticities, dailyOrderCounts } from './demoStats';

/**
 * The default-size demo store (seed 42, fixed end) carries the signal later capabilities need:
 * weekly and yearly seasonality, recoverable price elasticities, customers' latent taste.
 */
const END = new Date('2025-06-30T23:59:59.999Z');
let db: Db;
let summary: DemoSummary;

beforeAll(() => {
  db = openDatabase(':memory:');
  summary = buildDemoStore(db, { seed: 42, end: END });
});

const all = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).all(...params) as T[];
const one = (sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;

describe('the default demo store', () => {
  it('has the size the issue asks for', () => {
    expect(summary.categories).toBe(12);
    expect(summary.products).toBeGreaterThanOrEqual(480);
    expect(summary.products).toBeLessThanOrEqual(520);
    expect(summary.customers).toBe(3000);
    expect(summary.orders).toBeGreaterThanOrEqual(40_000);
    expect(summary.orders).toBeLessThanOrEqual(60_000);
    expect(summary.orderLines).toBeGreaterThanOrEqual(100_000);
    expect(summary.reviews).toBeGreaterThanOrEqual(2000);
    expect(summary.priceChanges).toBeGreaterThan(summary.products * 5);
    expect(summary.activePromotions).toBeGreaterThanOrEqual(2);
    expect(summary.activePromotions).toBeLessThanOrEqual(4);
    const first = one('SELECT MIN(placed_at) AS n FROM orders') as unknown as string;
    expect(Date.parse(END.toISOString()) - Date.parse(first)).toBeGreaterThan(700 * 86_400_000);
  });

  it('gives every product a category, brand, name, description, price and a lower cost', () => {
    expect(one("SELECT COUNT(*) AS n FROM products WHERE category = '' OR brand = '' OR name = '' OR length(description) < 80")).toBe(0);
    expect(one('SELECT COUNT(*) AS n FROM products WHERE cost_cents IS NULL OR price_cents <= 0 OR cost_cents >= price_cents')).toBe(0);
    expect(one('SELECT COUNT(DISTINCT lower(name)) AS n FROM products')).toBe(summary.products);
    expect(one("SELECT COUNT(*) AS n FROM products WHERE sku NOT GLOB '[A-Z][A-Z][A-Z]-[0-9][0-9][0-9][0-9]'")).toBe(0);
    // colour variants of one base item, sizes where they make sense, well-known brands for refinements
    expect(one("SELECT COUNT(*) AS n FROM (SELECT json_extract(attributes, '$.group') g FROM products GROUP BY g HAVING COUNT(DISTINCT colour) >= 3)")).toBeGreaterThan(20);
    expect(one("SELECT COUNT(*) AS n FROM products WHERE category = 'Clothing' AND size LIKE '%M%'")).toBeGreaterThan(10);
    expect(one("SELECT COUNT(*) AS n FROM products WHERE category = 'Shoes' AND size LIKE '%UK 9%'")).toBeGreaterThan(10);
    expect(one("SELECT COUNT(*) AS n FROM products WHERE brand IN ('Nike', 'Adidas')")).toBeGreaterThan(5);
  });

  it('has unique emails, sold-out and low-stock products, and new products with no sales yet', () => {
    expect(one('SELECT COUNT(DISTINCT lower(email)) AS n FROM customers')).toBe(3000);
    expect(one('SELECT COUNT(*) AS n FROM products WHERE stock = 0 AND active = 1')).toBeGreaterThan(5);
    expect(one('SELECT COUNT(*) AS n FROM products WHERE stock BETWEEN 1 AND 5')).toBeGreaterThan(20);
    const recent = new Date(END.getTime() - 14 * 86_400_000).toISOString();
    expect(one('SELECT COUNT(*) AS n FROM products p WHERE created_at >= ? AND NOT EXISTS (SELECT 1 FROM order_items i WHERE i.product_id = p.id)', recent)).toBeGreaterThanOrEqual(5);
  });

  it('has order statuses that follow time: recent orders placed or shipped, a few cancelled or returned', () => {
    const byStatus = new Map(all<{ status: string; n: number }>('SELECT status, COUNT(*) AS n FROM orders GROUP BY status').map((r) => [r.status, r.n]));
    for (const s of ['placed', 'shipped', 'delivered', 'cancelled', 'returned']) expect(byStatus.get(s) ?? 0).toBeGreaterThan(0);
    for (const s of ['cancelled', 'returned']) expect(byStatus.get(s)! / summary.orders).toBeLessThan(0.05);
    // placed: at most a day or two old; shipped: still in transit (late international parcels take up to ~2 weeks)
    const days = (n: number) => new Date(END.getTime() - n * 86_400_000).toISOString();
    expect(one("SELECT COUNT(*) AS n FROM orders WHERE status = 'placed' AND placed_at < ?", days(2))).toBe(0);
    expect(one("SELECT COUNT(*) AS n FROM orders WHERE status = 'shipped' AND placed_at < ?", days(21))).toBe(0);
    expect(one("SELECT COUNT(*) AS n FROM orders WHERE status = 'delivered' AND placed_at > ?", days(1))).toBe(0);
  });

  it('shows the weekly profile of the ground truth: weekend days busier than weekdays', () => {
    const perDow = Array.from({ length: 7 }, () => ({ orders: 0, days: 0 }));
    for (const [day, n] of dailyOrderCounts(db)) {
      const dow = new Date(`${day}T00:00:00Z`).getUTCDay();
      perDow[dow].orders += n;
      perDow[dow].days += 1;
    }
    const mean = (days: number[]) => days.reduce((s, d) => s + perDow[d].orders / perDow[d].days, 0) / days.length;
    const observed = mean([0, 6]) / mean([1, 2, 3, 4, 5]);
    const w = DEMO_GROUND_TRUTH.weekly;
    const expected = ((w[0] + w[6]) / 2) / ((w[1] + w[2] + w[3] + w[4] + w[5]) / 5);
    expect(observed).toBeGreaterThan(1.15);
    expect(Math.abs(observed - expected) / expected).toBeLessThan(0.1);
  });

  it('peaks in December, above the yearly mean', () => {
    const perMonth = Array.from({ length: 12 }, () => ({ orders: 0, days: 0 }));
    for (const [day, n] of dailyOrderCounts(db)) {
      const m = Number(day.slice(5, 7)) - 1;
      perMonth[m].orders += n;
      perMonth[m].days += 1;
    }
    const rates = perMonth.map((m) => m.orders / m.days);
    const yearly = rates.reduce((s, r) => s + r, 0) / 12;
    expect(rates[11]).toBeGreaterThan(1.2 * yearly);
    expect(Math.max(...rates)).toBe(rates[11]);
  });

  it('lets a log-log regression recover every category elasticity within 0.3 (promotion days excluded)', () => {
    const found = categoryElasticities(db, new Date(summary.start).toISOString(), summary.days, 'category');
    expect(found.size).toBe(12);
    for (const [category, { slope, cells }] of found) {
      expect(cells, category).toBeGreaterThan(50);
      expect(Math.abs(slope - elasticityOf(category)), `${category}: ${slope.toFixed(2)} vs ${elasticityOf(category)}`).toBeLessThan(0.3);
    }
  });

  it("concentrates customers' purchases in their latent favourite categories far above the population rate", () => {
    const world = planDemoWorld({ seed: 42, end: END });
    const lines = all<{ c: number; category: string }>('SELECT s.customer_id AS c, p.category FROM sales s JOIN products p ON p.id = s.product_id');
    const population = new Map<string, number>();
    const perCustomer = new Map<number, Map<string, number>>();
    for (const l of lines) {
      population.set(l.category, (population.get(l.category) ?? 0) + 1 / lines.length);
      const m = perCustomer.get(l.c) ?? perCustomer.set(l.c, new Map()).get(l.c)!;
      m.set(l.category, (m.get(l.category) ?? 0) + 1);
    }
    let observed = 0;
    let expected = 0;
    for (const [c, m] of perCustomer) {
      const total = [...m.values()].reduce((s, x) => s + x, 0);
      if (total < 5) continue;
      const favourites = world.customers[c - 1].favouriteCategories.map((i) => world.categories[i]);
      observed += favourites.reduce((s, f) => s + (m.get(f) ?? 0), 0) / total;
      expected += favourites.reduce((s, f) => s + (population.get(f) ?? 0), 0);
    }
    expect(observed / expected).toBeGreaterThan(1.8);
  });

  it('buys consumables again far more often than durable goods', () => {
    const repeatShare = (consumable: boolean) =>
      one(`SELECT AVG(n > 1) AS n FROM (SELECT COUNT(DISTINCT s.order_id) AS n FROM sales s JOIN products p ON p.id = s.product_id
           WHERE (json_extract(p.attributes, '$.consumable') IS NOT NULL) = ? GROUP BY s.customer_id, s.product_id)`, consumable ? 1 : 0);
    expect(repeatShare(true)).toBeGreaterThan(2 * repeatShare(false));
  });

  it('writes review text whose sentiment rises with the rating', () => {
    const sentiment = new Sentiment();
    const mean = (rating: number) => {
      const texts = all<{ text: string }>('SELECT text FROM reviews WHERE rating = ?', rating);
      expect(texts.length, `rating ${rating}`).toBeGreaterThan(20);
      return texts.reduce((s, r) => s + sentiment.analyze(r.text).comparative, 0) / texts.length;
    };
    const means = [1, 2, 3, 4, 5].map(mean);
    expect(means[0]).toBeLessThan(0);
    expect(means[4]).toBeGreaterThan(0.2);
    for (let i = 1; i < 5; i++) expect(means[i]).toBeGreaterThan(means[i - 1]);
  });
});
