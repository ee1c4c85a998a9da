import { beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/engine/clock';
import { openDatabase, type Db } from '../../../src/engine/db';
import { customerClvCents, segmentClv } from '../../../src/engine/segments/clv';
import { dayAfterLastOrder, loadRfm } from '../../../src/engine/segments/rfm';
import { Segmenter } from '../../../src/engine/segments/segmenter';

const TODAY = new Date('2024-07-01T00:00:00Z');
const DAY = 86_400_000;

interface Kind {
  kind: string;
  count: number;
  /** days ago of each order for customer i */
  orders: (i: number) => number[];
  spendCents: number;
}

const kinds: Kind[] = [
  { kind: 'champion', count: 40, orders: (i) => Array.from({ length: 10 }, (_, j) => 1 + (i % 4) + 9 * j), spendCents: 10_000 },
  { kind: 'regular', count: 40, orders: (i) => Array.from({ length: 4 }, (_, j) => 30 + (i % 10) + 25 * j), spendCents: 5_000 },
  { kind: 'new', count: 15, orders: (i) => [1 + (i % 5)], spendCents: 3_000 },
  { kind: 'sleeper', count: 15, orders: (i) => [200 + 3 * i], spendCents: 2_000 },
  { kind: 'lost-loyal', count: 20, orders: (i) => Array.from({ length: 12 }, (_, j) => 150 + (i % 7) + 12 * j), spendCents: 8_000 },
];

function buildStore(db: Db): Map<string, number[]> {
  const byKind = new Map<string, number[]>();
  const insC = db.prepare('INSERT INTO customers (external_id, name, created_at) VALUES (?, ?, ?)');
  const insP = db.prepare("INSERT INTO products (sku, name, price_cents, created_at) VALUES ('P1', 'Thing', 100, ?)");
  const insO = db.prepare("INSERT INTO orders (order_no, customer_id, placed_at, status) VALUES (?, ?, ?, 'delivered')");
  const insI = db.prepare('INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price_cents) VALUES (?, 1, 1, 1, ?)');
  db.transaction(() => {
    insP.run(TODAY.toISOString());
    let orderNo = 0;
    for (const k of kinds) {
      const ids: number[] = [];
      for (let i = 0; i < k.count; i++) {
        const id = Number(insC.run(`${k.kind}-${i}`, `${k.kind} ${i}`, '2023-01-01T00:00:00Z').lastInsertRowid);
        ids.push(id);
        for (const ago of k.orders(i)) {
          const oid = insO.run(`O${++orderNo}`, id, new Date(TODAY.getTime() - ago * DAY + 3_600_000).toISOString()).lastInsertRowid;
          insI.run(oid, k.spendCents + 37 * i);
        }
      }
      byKind.set(k.kind, ids);
    }
  })();
  return byKind;
}

describe('Segmenter', () => {
  let db: Db;
  let ids: Map<string, number[]>;
  let segmenter: Segmenter;
  beforeAll(() => {
    db = openDatabase(':memory:');
    ids = buildStore(db);
    segmenter = new Segmenter(db, fixedClock(TODAY));
  });

  it('reads RFM in original units from the sales', () => {
    const rows = loadRfm(db, TODAY);
    const champ = rows.find((r) => r.customerId === ids.get('champion')![0])!;
    expect(champ).toMatchObject({ recencyDays: 0, frequency: 10, monetaryCents: 100_000, tenureDays: 81 });
    expect(dayAfterLastOrder(db)?.toISOString()).toBe('2024-07-01T00:00:00.000Z');
  });

  it('finds the planted groups, names them from the R x F map and accounts for everyone', () => {
    const result = segmenter.current();
    expect(result.k).toBeGreaterThanOrEqual(3);
    expect(result.customers).toBe(130);
    expect(result.segments.reduce((s, x) => s + x.size, 0)).toBe(130);
    expect(result.segments.reduce((s, x) => s + x.revenueShare, 0)).toBeCloseTo(1, 10);
    expect(new Set(result.segments.map((s) => s.name)).size).toBe(result.segments.length);
    expect(result.silhouetteByK[result.k]).toBe(result.silhouette);
    expect(Math.max(...Object.values(result.silhouetteByK))).toBe(result.silhouette);
    const nameOf = (kind: string) => new Set(ids.get(kind)!.map((id) => segmenter.segmentOf(id)?.segment));
    expect(nameOf('champion')).toEqual(new Set(['Champions']));
    expect(nameOf('lost-loyal')).toEqual(new Set(["Can't lose"]));
    expect(nameOf('sleeper')).toEqual(new Set(['Hibernating']));
  });

  it('lists a segment’s top customers by spend, case-insensitively', () => {
    const top = segmenter.customersIn('champions', 3);
    expect(top).toHaveLength(3);
    expect(top.map((m) => m.monetaryCents)).toEqual([...top.map((m) => m.monetaryCents)].sort((a, b) => b - a));
    expect(top[0].externalId).toBe('champion-39');
    expect(top[0].name).toBe('champion 39');
    expect(() => segmenter.customersIn('nobody', 3)).toThrow(/not found/);
    expect(segmenter.segmentOf(999_999)).toBeUndefined();
  });

  it('computes CLV as AOV x orders per year x segment retention', () => {
    const rows = loadRfm(db, TODAY).filter((r) => ids.get('champion')!.includes(r.customerId));
    const value = segmentClv(rows);
    expect(value.retention).toBe(1); // everyone ordered in the last 90 days
    const r0 = rows[0]; // 10 orders of 100.00 over 81 days of tenure -> 10 / (90/365) orders a year
    expect(customerClvCents(r0, 1)).toBe(Math.round(10_000 * (10 / (90 / 365))));
    const sleepers = loadRfm(db, TODAY).filter((r) => ids.get('sleeper')!.includes(r.customerId));
    expect(segmentClv(sleepers).retention).toBe(0);
    expect(segmentClv(sleepers).clvCents).toBe(0);
    const champs = segmenter.current().segments.find((s) => s.name === 'Champions')!;
    expect(champs.clvCents).toBeGreaterThan(segmenter.current().segments.find((s) => s.name === 'Hibernating')!.clvCents);
  });

  it('honours a fixed k', () => {
    const fixed = new Segmenter(db, fixedClock(TODAY), { k: 5 }).current();
    expect(fixed.k).toBe(5);
    expect(Object.keys(fixed.silhouetteByK)).toEqual(['5']);
  });
});
