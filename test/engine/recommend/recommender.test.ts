import { beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../../src/engine/clock';
import { openDatabase, type Db } from '../../../src/engine/db';
import { DEFAULT_PARAMS, type RecommendParams } from '../../../src/engine/recommend/params';
import { Recommender } from '../../../src/engine/recommend/recommender';
import { paramsToJson, savedParams, tuneOnStore } from '../../../src/engine/recommend/tuneStore';
import { CustomerRepo } from '../../../src/engine/repos/customers';
import { OrderRepo } from '../../../src/engine/repos/orders';
import { ProductRepo } from '../../../src/engine/repos/products';

const T0 = Date.parse('2025-03-01T12:00:00Z');
const PRODUCTS: [string, string, number, number][] = [
  // name, category, price cents, stock
  ['Red enamel mug', 'Kitchen', 1099, 5],
  ['Blue enamel mug', 'Kitchen', 1099, 0],
  ['Green enamel mug', 'Kitchen', 1099, 3],
  ['Steel kettle', 'Kitchen', 4999, 2],
  ['Coffee beans', 'Pantry', 999, 10],
  ['Linen tea towel', 'Textiles', 599, 4],
  ['Glass teapot', 'Kitchen', 2999, 6], // never sold
];

let db: Db;
let now = T0;
const clock: Clock = { now: () => new Date(now) };
let orders: OrderRepo;
let orderNo = 0;

function buy(customerId: number, productIds: number[], daysAgo = 1): void {
  orders.create({
    orderNo: `T${++orderNo}`,
    customerId,
    placedAt: new Date(now - daysAgo * 86_400_000).toISOString(),
    lines: productIds.map((productId) => ({ productId, quantity: 1, unitPriceCents: 100 })),
  });
}

beforeEach(() => {
  db = openDatabase(':memory:');
  now = T0;
  orderNo = 0;
  const products = new ProductRepo(db);
  const customers = new CustomerRepo(db);
  orders = new OrderRepo(db);
  PRODUCTS.forEach(([name, category, priceCents, stock], i) =>
    products.insert({ sku: `P${i + 1}`, name, category, priceCents, stock, createdAt: new Date(T0).toISOString() }),
  );
  for (let c = 1; c <= 8; c++) customers.insert({ name: `Customer ${c}`, createdAt: new Date(T0).toISOString() });
  // kettle (4) and coffee (5) go together; mugs sell with coffee; the tea towel is the hit of the week
  for (const c of [1, 2, 3, 4]) buy(c, [4, 5], 20);
  buy(5, [1, 5], 15);
  buy(6, [3, 5], 15);
  for (const c of [1, 2, 3, 5, 6, 7]) buy(c, [6], 1);
  buy(7, [1], 3);
});

const ids = (r: { productId: number }[]) => r.map((x) => x.productId);

describe('Recommender.forCustomer', () => {
  it('serves popularity with a category reason to an unknown customer', () => {
    const r = new Recommender(db, { clock }).forCustomer(null, { k: 3 });
    expect(r[0]).toMatchObject({ productId: 6, source: 'popularity', reason: 'Popular in Textiles this week' });
    expect(r).toHaveLength(3);
  });

  it('explains personal picks by what the customer bought', () => {
    const r = new Recommender(db, { clock }).forCustomer(1, { k: 5 }); // customer 1: kettle, coffee, towel
    expect(r.length).toBeGreaterThan(0);
    for (const x of r) expect(x.reason).toMatch(/^(Because you bought|Buy it again|Popular|Similar to|Customers with)/);
    expect(r.some((x) => x.source !== 'popularity')).toBe(true);
  });

  it('hides dismissed, excluded, out-of-stock, off-category and over-budget products', () => {
    const rec = new Recommender(db, { clock });
    db.prepare("INSERT INTO interactions (user_id, customer_id, product_id, kind, created_at) VALUES ('u8', 8, 6, 'dismiss', ?)").run(new Date(now).toISOString());
    expect(ids(rec.forCustomer(8, { k: 10 }))).not.toContain(6);
    expect(ids(rec.forCustomer(8, { k: 10, exclude: [5] }))).not.toContain(5);
    expect(ids(rec.forCustomer(8, { k: 10, inStockOnly: true }))).not.toContain(2);
    const kitchen = rec.forCustomer(8, { k: 10, category: 'kitchen', maxPriceCents: 2000 });
    expect(kitchen.length).toBeGreaterThan(0);
    for (const id of ids(kitchen)) expect([1, 2, 3]).toContain(id);
  });

  it('leaves out what the customer already bought when asked for new things, live from the store', () => {
    const rec = new Recommender(db, { clock });
    rec.refresh();
    buy(8, [5], 0); // after the fit: still respected without refitting
    const r = ids(rec.forCustomer(8, { k: 10, newOnly: true }));
    expect(r).not.toContain(5);
    expect(r.length).toBeGreaterThan(0);
  });

  it('remembers purchases older than the latest events it scores', () => {
    buy(8, [5], 300);
    for (let o = 0; o < 210; o++) buy(8, [6], 200 - o / 10);
    const rec = new Recommender(db, { clock });
    rec.refresh();
    expect(ids(rec.forCustomer(8, { k: 10, newOnly: true }))).not.toContain(5);
  });

  it('does not fill the top of the list with colours of one mug', () => {
    const diversity = { threshold: 0.3, maxVariants: 1, maxPerCategory: Infinity }; // mugs: cosine 0.34 here
    const r = new Recommender(db, { clock, diversity }).forCustomer(null, { k: 4 });
    expect(ids(r).filter((id) => id <= 3).length).toBeLessThanOrEqual(1);
  });
});

describe('Recommender item lists', () => {
  it('suggests what is bought together with a cart', () => {
    const r = new Recommender(db, { clock }).forCart([4], { k: 3 });
    expect(r[0]).toMatchObject({ productId: 5, reason: 'Often bought with Steel kettle' });
    expect(ids(r)).not.toContain(4);
  });

  it('puts other colours of a product first for "similar to"', () => {
    const r = new Recommender(db, { clock }).similarTo(1, { k: 3 });
    expect([2, 3]).toContain(r[0].productId);
    expect(r[0].reason).toBe('Similar to Red enamel mug');
  });

  it('finds products like one nobody has bought yet through its text', () => {
    const r = new Recommender(db, { clock }).similarTo(7, { k: 3 });
    expect(r.length).toBeGreaterThan(0);
    for (const x of r) {
      expect(x.source).toBe('content_tfidf');
      expect(x.reason).toBe('Similar to Glass teapot');
      expect([1, 2, 3, 4]).toContain(x.productId); // the other Kitchen products
    }
  });
});

describe('Recommender.refreshIfStale', () => {
  it('refits only after enough new orders, or when something changed and the fit is old', () => {
    const rec = new Recommender(db, { clock, params: DEFAULT_PARAMS, minNewOrders: 2, maxAgeMs: 3_600_000, minIntervalMs: 1000 });
    expect(rec.refreshIfStale()).toBe(true); // first call fits
    now += 5000;
    expect(rec.refreshIfStale()).toBe(false); // nothing changed
    buy(8, [6], 0);
    expect(rec.refreshIfStale()).toBe(false); // one order < 2, fit is recent
    buy(8, [5], 0);
    expect(rec.refreshIfStale()).toBe(true);
    buy(8, [4], 0);
    now += 3_600_000;
    expect(rec.refreshIfStale()).toBe(true); // old fit, something changed
    expect(rec.status.purchases).toBeGreaterThan(0);
  });

  it('notices a cancellation once the fit is old enough to look for one', () => {
    const rec = new Recommender(db, { clock, minNewOrders: 100, maxAgeMs: 3_600_000, minIntervalMs: 1000 });
    rec.refresh();
    orders.setStatus('T1', 'cancelled');
    now += 5000;
    expect(rec.refreshIfStale()).toBe(false);
    now += 3_600_000;
    expect(rec.refreshIfStale()).toBe(true);
    now += 3_600_000;
    expect(rec.refreshIfStale()).toBe(false); // nothing changed since
  });
});

describe('Recommender.tune', () => {
  it('tunes on the store\'s own sales, saves the result and the next recommender starts from it', () => {
    expect(savedParams(db)).toBeUndefined();
    const tuned = new Recommender(db, { clock }).tune();
    expect(savedParams(db)).toEqual(tuned);
    expect(tuned.weights.all.some((w) => w > 0)).toBe(true);
    expect(new Recommender(db, { clock }).forCustomer(1, { k: 3 }).length).toBeGreaterThan(0);
  });

  it('keeps the tuned weights saved before the buy-again count view existed (with 0 for it)', () => {
    const { buyAgainCount: _, ...before } = structuredClone(DEFAULT_PARAMS);
    before.weights = { all: [1, 2, 3, 4, 5, 6, 7], new: [7, 6, 5, 4, 3, 2, 1] };
    db.prepare("INSERT INTO meta(key, value) VALUES ('recommend.params', ?)").run(paramsToJson(before as RecommendParams));
    expect(savedParams(db)).toEqual({ ...before, buyAgainCount: DEFAULT_PARAMS.buyAgainCount, weights: { all: [1, 2, 3, 4, 5, 6, 7, 0], new: [7, 6, 5, 4, 3, 2, 1, 0] } });
  });

  it('keeps the defaults for a store without sales', () => {
    const empty = openDatabase(':memory:');
    expect(tuneOnStore(empty)).toEqual(DEFAULT_PARAMS);
  });
});
