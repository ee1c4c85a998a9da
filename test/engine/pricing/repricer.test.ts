import { beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/engine/clock';
import { openDatabase, type Db } from '../../../src/engine/db';
import { Repricer } from '../../../src/engine/pricing/repricer';
import { weeklyHistory } from '../../../src/engine/pricing/weeklyHistory';

const DAY = 86_400_000;
const START = Date.parse('2024-01-01T00:00:00Z'); // a Monday
const WEEKS = 80;
const NOW = new Date(START + WEEKS * 7 * DAY);

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function poisson(u: () => number, lambda: number): number {
  let k = 0;
  let p = Math.exp(-lambda);
  let s = p;
  const x = u();
  while (x > s && k < 10_000) p *= lambda / ++k, (s += p);
  return k;
}

interface Spec { sku: string; category: string; baseCents: number; costCents: number | null; levels: number[]; weekly: number; e: number }

/** Weekly Poisson sales from units = weekly · (price / base)^e, list prices logged in price_changes on Mondays. */
function seedStore(db: Db, specs: Spec[], seed = 1): void {
  const u = rng(seed);
  const insP = db.prepare("INSERT INTO products (sku, name, category, price_cents, cost_cents, created_at) VALUES (?, ?, ?, ?, ?, '2023-01-01T00:00:00Z')");
  const insO = db.prepare("INSERT INTO orders (order_no, placed_at, status) VALUES (?, ?, 'delivered')");
  const insI = db.prepare('INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price_cents) VALUES (?, 1, ?, ?, ?)');
  const insC = db.prepare("INSERT INTO price_changes (product_id, old_price_cents, new_price_cents, changed_by, changed_at) VALUES (?, ?, ?, 'seed', ?)");
  const setP = db.prepare('UPDATE products SET price_cents = ? WHERE id = ?');
  let orderNo = 0;
  db.transaction(() => {
    for (const s of specs) {
      const id = Number(insP.run(s.sku, s.sku, s.category, s.baseCents, s.costCents).lastInsertRowid);
      let price = s.baseCents;
      for (let w = 0; w < WEEKS; w++) {
        const next = Math.round(s.baseCents * s.levels[Math.floor(w / 4) % s.levels.length]);
        if (next !== price) insC.run(id, price, next, new Date(START + w * 7 * DAY).toISOString()), (price = next);
        const units = poisson(u, s.weekly * (price / s.baseCents) ** s.e);
        if (units > 0) {
          const oid = insO.run(`O${++orderNo}`, new Date(START + (w * 7 + 2) * DAY + 3_600_000).toISOString()).lastInsertRowid;
          insI.run(oid, id, units, price);
        }
      }
      setP.run(price, id);
    }
  })();
}

const varied = [1, 0.9, 1.1, 0.8, 1.2, 1, 0.95, 1.05];

describe('Repricer', () => {
  let db: Db;
  let repricer: Repricer;
  beforeEach(() => {
    db = openDatabase(':memory:');
    seedStore(db, [
      { sku: 'W-1', category: 'Widgets', baseCents: 2000, costCents: 500, levels: varied, weekly: 60, e: -2 },
      { sku: 'W-2', category: 'Widgets', baseCents: 1500, costCents: 600, levels: [1], weekly: 40, e: -2 },
      { sku: 'W-3', category: 'Widgets', baseCents: 800, costCents: null, levels: [1, 0.9, 1.1, 0.85], weekly: 30, e: -2 },
      { sku: 'G-1', category: 'Gadgets', baseCents: 1000, costCents: 400, levels: varied, weekly: 50, e: 0.5 },
    ]);
    repricer = new Repricer(db, fixedClock(NOW));
  });

  it('builds complete weeks with the logged list price', () => {
    const points = weeklyHistory(db, [1], NOW);
    expect(points.length).toBeGreaterThan(70);
    expect(points[0]).toMatchObject({ week: '2024-01-01', listPriceCents: 2000, promo: 0 });
    expect(points[4].listPriceCents).toBe(1800);
  });

  it('recovers the elasticity and names the binding rule', () => {
    const r = repricer.recommend('W-1');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(Math.abs(r.elasticity + 2)).toBeLessThan(0.3);
    expect(r.ci[0]).toBeLessThan(r.elasticity);
    expect(r.pooled).toBe(false);
    // p* = c·e/(1+e) ≈ 2 × 5.00 = 10.00, far below the current price: the ±10% step binds
    expect(r.binding).toBe('max_step');
    expect(r.recommendedCents).toBeLessThan(r.currentCents);
    expect(r.recommendedCents).toBeGreaterThanOrEqual(Math.ceil(r.currentCents * 0.9) - 1);
    expect(r.expected.unitsChange).toBeGreaterThan(0);
  });

  it('pools the category with product effects when a product never changed price', () => {
    const r = repricer.recommend('W-2');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pooled).toBe(true);
    // W-2 itself adds nothing about price to the pool: the two products whose prices moved identify e
    expect(r.notes[0]).toMatch(/too few distinct prices.*pooled over 2 products in Widgets/);
    expect(Math.abs(r.elasticity + 2)).toBeLessThan(0.3);
  });

  it('says when the cost is assumed', () => {
    const r = repricer.recommend('W-3');
    expect(r.ok && r.costAssumed).toBe(true);
    if (r.ok) expect(r.notes.join(' ')).toMatch(/assumed 60% of the current price/);
  });

  it('refuses a positive slope and does not pool it away', () => {
    const r = repricer.recommend('G-1');
    expect(r).toMatchObject({ ok: false, code: 'positive_slope' });
    expect(() => repricer.apply('G-1', 'alice')).toThrow(/not repriced: positive slope/);
  });

  it('prices a whole category with one pooled estimate', () => {
    const result = repricer.recommendCategory('widgets');
    expect(result.estimate.ok).toBe(true);
    expect(result.products.map((p) => p.sku)).toEqual(['W-1', 'W-2', 'W-3']);
    expect(result.products.every((p) => p.ok && p.pooled)).toBe(true);
  });

  it('applies with a price change and an audit row, and undoes it', () => {
    const before = db.prepare("SELECT id, price_cents FROM products WHERE sku = 'W-1'").get() as { id: number; price_cents: number };
    const applied = repricer.apply('W-1', 'alice');
    expect(applied.oldCents).toBe(before.price_cents);
    expect(db.prepare('SELECT price_cents FROM products WHERE id = ?').get(before.id)).toEqual({ price_cents: applied.newCents });
    const change = db.prepare('SELECT * FROM price_changes WHERE id = ?').get(applied.changeId) as Record<string, unknown>;
    expect(change).toMatchObject({ product_id: before.id, old_price_cents: before.price_cents, new_price_cents: applied.newCents, changed_by: 'alice', undone_at: null });
    expect(change.reason).toMatch(/elasticity -\d\.\d\d .*binding max_step/);
    const audit = () => db.prepare('SELECT actor, action, detail FROM audit_log ORDER BY id').all() as { actor: string; action: string; detail: string }[];
    expect(audit()).toHaveLength(1);
    expect(audit()[0]).toMatchObject({ actor: 'alice', action: 'price.apply' });
    expect(JSON.parse(audit()[0].detail)).toMatchObject({ change_id: applied.changeId, from_cents: before.price_cents, to_cents: applied.newCents, binding_rule: 'max_step' });

    const undone = repricer.undo(applied.changeId, 'bob');
    expect(undone.newCents).toBe(before.price_cents);
    expect(db.prepare('SELECT price_cents FROM products WHERE id = ?').get(before.id)).toEqual({ price_cents: before.price_cents });
    expect((db.prepare('SELECT undone_at FROM price_changes WHERE id = ?').get(applied.changeId) as { undone_at: string }).undone_at).toBe(NOW.toISOString());
    expect(audit().map((a) => `${a.actor}:${a.action}`)).toEqual(['alice:price.apply', 'bob:price.undo']);
    expect(() => repricer.undo(applied.changeId, 'bob')).toThrow(/already undone/);
  });

  it('refuses to undo when the price moved since, and leaves it alone', () => {
    const applied = repricer.apply('W-1', 'alice');
    db.prepare("UPDATE products SET price_cents = 1234 WHERE sku = 'W-1'").run();
    expect(() => repricer.undo(applied.changeId, 'bob')).toThrow(/has changed since/);
    expect(db.prepare("SELECT price_cents FROM products WHERE sku = 'W-1'").get()).toEqual({ price_cents: 1234 });
    expect(() => repricer.undo(99_999, 'bob')).toThrow(/not found/);
  });

  it('tells a SKU from a category and reports unknown names', () => {
    expect(repricer.resolve('w-1').kind).toBe('sku');
    expect(repricer.resolve('Gadgets').kind).toBe('category');
    expect(() => repricer.resolve('nothing')).toThrow(/not found/);
  });
});
