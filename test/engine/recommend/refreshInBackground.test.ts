import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Clock } from '../../../src/engine/clock';
import { openDatabase, type Db } from '../../../src/engine/db';
import { fitInWorker } from '../../../src/engine/recommend/fitInWorker';
import { fitModels, type FittedModels } from '../../../src/engine/recommend/fitModels';
import { DEFAULT_PARAMS } from '../../../src/engine/recommend/params';
import { Recommender } from '../../../src/engine/recommend/recommender';
import { CustomerRepo } from '../../../src/engine/repos/customers';
import { OrderRepo } from '../../../src/engine/repos/orders';
import { ProductRepo } from '../../../src/engine/repos/products';

const T0 = Date.parse('2025-03-01T12:00:00Z');
let dir: string;
let db: Db;
let now = T0;
const clock: Clock = { now: () => new Date(now) };
let orderNo = 0;

function buy(customerId: number, productIds: number[], daysAgo: number): void {
  new OrderRepo(db).create({
    orderNo: `T${++orderNo}`,
    customerId,
    placedAt: new Date(now - daysAgo * 86_400_000).toISOString(),
    lines: productIds.map((productId) => ({ productId, quantity: 1, unitPriceCents: 100 })),
  });
}

/** A store file (the worker opens it by name): the tea towel (6) sells best, the teapot (7) never sold. */
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopmate-refit-'));
  db = openDatabase(path.join(dir, 'shop.db'));
  now = T0;
  orderNo = 0;
  const products = new ProductRepo(db);
  const customers = new CustomerRepo(db);
  const at = new Date(T0).toISOString();
  ['Red mug', 'Blue mug', 'Kettle', 'Coffee', 'Tea', 'Tea towel', 'Glass teapot'].forEach((name, i) =>
    products.insert({ sku: `P${i + 1}`, name, category: 'Kitchen', priceCents: 1000, stock: 5, createdAt: at }),
  );
  for (let c = 1; c <= 10; c++) customers.insert({ name: `Customer ${c}`, createdAt: at });
  for (const c of [1, 2, 3, 4]) buy(c, [3, 4], 20);
  for (const c of [1, 2, 3, 5, 6]) buy(c, [6], 1);
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const topPopular = (rec: Recommender) => rec.forCustomer(null, { k: 1 })[0].productId;
const tick = () => new Promise((resolve) => setImmediate(resolve));

/** Everyone buys the teapot today: after a refit it is the most popular product. */
function teapotRush(): void {
  for (let c = 1; c <= 10; c++) buy(c, [7], 0);
}

describe('Recommender.refreshInBackground', () => {
  it('keeps answering from the current models while a worker refits, then swaps them', async () => {
    const rec = new Recommender(db, { clock });
    rec.refresh();
    expect(topPopular(rec)).toBe(6);
    const purchasesBefore = rec.status.purchases;
    teapotRush();

    let settled = false;
    const refit = rec.refreshInBackground();
    void refit.finally(() => (settled = true));
    expect(rec.refreshInBackground()).toBe(refit); // one refit at a time
    const during: number[] = [];
    while (!settled) {
      during.push(topPopular(rec)); // a chat turn during the refit
      await tick();
    }
    expect(during.length).toBeGreaterThan(0);
    expect(new Set(during)).toEqual(new Set([6])); // the old models answered every turn

    expect(await refit).toBe(true);
    expect(topPopular(rec)).toBe(7);
    expect(rec.status.purchases).toBe(purchasesBefore + 10);
    expect(rec.forCustomer(1, { k: 3 }).length).toBeGreaterThan(0); // every part came back usable
    expect(rec.similarTo(3, { k: 2 }).map((r) => r.productId)).toContain(4);
  });

  it('keeps the current models when the fit fails, and can refit again afterwards', async () => {
    let fail = true;
    const rec = new Recommender(db, {
      clock,
      fitter: (file, params) => (fail ? Promise.reject(new Error('worker died')) : fitInWorker(file, params)),
    });
    rec.refresh();
    teapotRush();
    await expect(rec.refreshInBackground()).rejects.toThrow('worker died');
    expect(topPopular(rec)).toBe(6);
    fail = false;
    expect(await rec.refreshInBackground()).toBe(true);
    expect(topPopular(rec)).toBe(7);
  });

  it('drops a background fit when refresh() fitted newer data meanwhile', async () => {
    const before = fitModels(db, DEFAULT_PARAMS); // what a slow worker read before the rush
    let finish: (m: FittedModels) => void = () => {};
    const rec = new Recommender(db, { clock, fitter: () => new Promise((resolve) => (finish = resolve)) });
    rec.refresh();
    const refit = rec.refreshInBackground();
    teapotRush();
    rec.refresh();
    finish(before);
    expect(await refit).toBe(false);
    expect(topPopular(rec)).toBe(7);
  });

  it('refits in the background only when the store is stale', async () => {
    const rec = new Recommender(db, { clock, minNewOrders: 5, minIntervalMs: 0 });
    rec.refresh();
    expect(await rec.refreshInBackgroundIfStale()).toBe(false); // nothing changed
    teapotRush();
    expect(await rec.refreshInBackgroundIfStale()).toBe(true);
    expect(topPopular(rec)).toBe(7);
  });
});

describe('fitInWorker', () => {
  it('rejects with the worker error when the store cannot be opened', async () => {
    await expect(fitInWorker(path.join(dir, 'missing.db'), DEFAULT_PARAMS)).rejects.toThrow();
  });
});
