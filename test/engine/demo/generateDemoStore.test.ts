import { describe, expect, it } from 'vitest';
import { getMeta, openDatabase, type Db } from '../../../src/engine/db';
import { EngineError } from '../../../src/engine/errors';
import { fixedClock } from '../../../src/engine/clock';
import { buildDemoStore, type DemoOptions } from '../../../src/engine/demo/generateDemoStore';
import { storeHash } from './storeHash';

const END = new Date('2025-06-30T23:59:59.999Z');
const SMALL: DemoOptions = { end: END, products: 120, customers: 300, days: 150, targetLines: 8000 };

function build(options: DemoOptions): { db: Db; summary: ReturnType<typeof buildDemoStore> } {
  const db = openDatabase(':memory:');
  return { db, summary: buildDemoStore(db, options) };
}

const count = (db: Db, sql: string, ...params: unknown[]) => (db.prepare(sql).get(...params) as { n: number }).n;

describe('buildDemoStore (small stores)', () => {
  it('builds identical content for the same seed and end, different content for another seed', () => {
    const a = build({ ...SMALL, seed: 5 });
    const b = build({ ...SMALL, seed: 5 });
    const c = build({ ...SMALL, seed: 6 });
    expect(a.summary.orders).toBeGreaterThan(500);
    expect(storeHash(a.db)).toBe(storeHash(b.db));
    expect(storeHash(a.db)).not.toBe(storeHash(c.db));
    expect({ ...a.summary, ms: 0 }).toEqual({ ...b.summary, ms: 0 });
  });

  it('takes the end from the injected clock when none is given', () => {
    const { db, summary } = build({ ...SMALL, end: undefined, clock: fixedClock(END) });
    expect(summary.end).toBe(END.toISOString());
    expect(getMeta(db, 'demo_end')).toBe(END.toISOString());
  });

  it('refuses a database that already has products', () => {
    const { db } = build({ ...SMALL, seed: 1 });
    const before = count(db, 'SELECT COUNT(*) AS n FROM orders');
    expect(() => buildDemoStore(db, SMALL)).toThrowError(EngineError);
    expect(count(db, 'SELECT COUNT(*) AS n FROM orders')).toBe(before);
  });

  it('writes a consistent store: summary counts, meta, money and dates agree with the rows', () => {
    const { db, summary } = build({ ...SMALL, seed: 2 });
    expect(count(db, 'SELECT COUNT(*) AS n FROM products')).toBe(summary.products);
    expect(count(db, 'SELECT COUNT(*) AS n FROM customers')).toBe(summary.customers);
    expect(count(db, 'SELECT COUNT(*) AS n FROM orders')).toBe(summary.orders);
    expect(count(db, 'SELECT COUNT(*) AS n FROM order_items')).toBe(summary.orderLines);
    expect(count(db, 'SELECT COUNT(*) AS n FROM reviews')).toBe(summary.reviews);
    expect(count(db, 'SELECT COALESCE(SUM(quantity), 0) AS n FROM sales')).toBe(summary.units);
    expect(getMeta(db, 'store_name')).toBe('Shopmate Demo Store');
    expect(getMeta(db, 'currency')).toBe('GBP');
    expect(getMeta(db, 'demo_seed')).toBe('2');
    const end = END.toISOString();
    expect(count(db, "SELECT COUNT(*) AS n FROM orders WHERE source <> 'demo' OR placed_at >= ? OR shipped_at >= ? OR delivered_at >= ?", end, end, end)).toBe(0);
    expect(count(db, `SELECT COUNT(*) AS n FROM orders o WHERE subtotal_cents <>
      (SELECT COALESCE(SUM(quantity * unit_price_cents), 0) FROM order_items i WHERE i.order_id = o.id AND i.cancelled = 0)`)).toBe(0);
    expect(count(db, 'SELECT COUNT(*) AS n FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.placed_at < c.created_at')).toBe(0);
    expect(count(db, 'SELECT COUNT(*) AS n FROM sales s JOIN products p ON p.id = s.product_id WHERE s.placed_at < p.created_at')).toBe(0);
    expect(count(db, "SELECT COUNT(*) AS n FROM orders WHERE status = 'delivered' AND (shipped_at IS NULL OR delivered_at IS NULL OR delivered_at < shipped_at OR shipped_at < placed_at)")).toBe(0);
    expect(count(db, "SELECT COUNT(*) AS n FROM orders WHERE order_no NOT GLOB 'SM[0-9][0-9][0-9][0-9][0-9][0-9]'")).toBe(0);
    const orderNos = (db.prepare('SELECT order_no FROM orders ORDER BY placed_at, id').all() as { order_no: string }[]).map((r) => r.order_no);
    expect(orderNos).toEqual([...orderNos].sort());
  });

  it('keeps the price history chained and ends each product on its latest price', () => {
    const { db } = build({ ...SMALL, seed: 3 });
    const broken = count(db, `SELECT COUNT(*) AS n FROM (SELECT old_price_cents, LAG(new_price_cents) OVER (PARTITION BY product_id ORDER BY changed_at, id) AS prev FROM price_changes)
      WHERE prev IS NOT NULL AND prev <> old_price_cents`);
    expect(broken).toBe(0);
    const stale = count(db, `SELECT COUNT(*) AS n FROM products p JOIN price_changes c ON c.product_id = p.id
      WHERE c.changed_at = (SELECT MAX(changed_at) FROM price_changes WHERE product_id = p.id) AND c.new_price_cents <> p.price_cents`);
    expect(stale).toBe(0);
    expect(count(db, "SELECT COUNT(*) AS n FROM price_changes WHERE changed_by <> 'demo' OR old_price_cents = new_price_cents")).toBe(0);
  });

  it('records redemptions inside their promotion windows, with line prices cut by percent-off promotions', () => {
    const { db } = build({ ...SMALL, seed: 4, days: 400, targetLines: 12_000 });
    expect(count(db, 'SELECT COUNT(*) AS n FROM redemptions')).toBeGreaterThan(0);
    expect(count(db, 'SELECT COUNT(*) AS n FROM redemptions r JOIN promotions p ON p.id = r.promotion_id WHERE r.created_at < p.starts_at OR r.created_at >= p.ends_at')).toBe(0);
    expect(count(db, "SELECT COUNT(*) AS n FROM redemptions r JOIN orders o ON o.id = r.order_id WHERE o.status = 'cancelled'")).toBe(0);
    // spend-and-save discounts are on the order; percent-off savings are in the line prices (order discount 0)
    expect(count(db, `SELECT COUNT(*) AS n FROM redemptions r JOIN promotions p ON p.id = r.promotion_id JOIN orders o ON o.id = r.order_id
      WHERE p.kind = 'spend_save' AND (o.discount_cents <> r.discount_cents OR o.subtotal_cents < json_extract(p.params, '$.threshold_cents'))`)).toBe(0);
    const saved = count(db, "SELECT COALESCE(SUM(r.discount_cents), 0) AS n FROM redemptions r JOIN promotions p ON p.id = r.promotion_id WHERE p.kind = 'percent_off'");
    expect(saved).toBeGreaterThan(0);
  });
});
