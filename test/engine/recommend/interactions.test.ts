import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/engine/db';
import { Dataset } from '../../../src/engine/recommend/dataset';
import { loadCatalog, loadLines } from '../../../src/engine/recommend/interactions';
import { CustomerRepo } from '../../../src/engine/repos/customers';
import { OrderRepo } from '../../../src/engine/repos/orders';
import { ProductRepo } from '../../../src/engine/repos/products';

function store() {
  const db = openDatabase(':memory:');
  const at = '2025-01-01T00:00:00.000Z';
  const products = new ProductRepo(db);
  for (const sku of ['A', 'B']) products.insert({ sku, name: sku, category: 'X', priceCents: 100, createdAt: at });
  const c = new CustomerRepo(db).insert({ name: 'Ada', createdAt: at });
  const orders = new OrderRepo(db);
  const line = (productId: number) => ({ productId, quantity: 1, unitPriceCents: 100 });
  const o1 = orders.create({ orderNo: '1', customerId: c, placedAt: '2025-01-02T12:00:00.000Z', lines: [line(1), line(2), line(1)] });
  orders.create({ orderNo: '2', customerId: null, placedAt: '2025-01-03T00:00:00.000Z', lines: [line(1)] });
  orders.create({ orderNo: '3', customerId: c, placedAt: '2025-01-04T00:00:00.000Z', lines: [line(2)], status: 'cancelled' });
  db.prepare('UPDATE order_items SET cancelled = 1 WHERE order_id = ? AND line_no = 2').run(o1);
  return db;
}

describe('loadLines', () => {
  it('reads the sales view with a customer, in time order, as days since the epoch', () => {
    const lines = loadLines(store());
    expect(lines.length).toBe(2);
    expect(Array.from(lines.product)).toEqual([1, 1]);
    expect(lines.day[0]).toBeCloseTo(Date.parse('2025-01-02T12:00:00Z') / 86_400_000, 6);
  });

  it('keeps lines reversed by a later cancellation only when asked', () => {
    expect(Array.from(loadLines(store(), { keepReversed: true }).product)).toEqual([1, 2, 1]);
  });
});

describe('Dataset', () => {
  it('counts a product once per order and indexes buyers', () => {
    const db = store();
    const ds = new Dataset(loadLines(db, { keepReversed: true }), loadCatalog(db));
    expect(ds.nUsers).toBe(1);
    expect(ds.evItem.length).toBe(2);
    expect(ds.buyers(0)).toBe(1);
    expect(Array.from(ds.uCount)).toEqual([1, 1]);
  });
});
