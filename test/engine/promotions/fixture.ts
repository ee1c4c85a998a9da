import { fixedClock } from '../../../src/engine/clock';
import { openDatabase, type Db } from '../../../src/engine/db';
import { CustomerRepo } from '../../../src/engine/repos/customers';
import { OrderRepo } from '../../../src/engine/repos/orders';
import { ProductRepo } from '../../../src/engine/repos/products';
import { Promotions, type PromotionsOptions } from '../../../src/engine/promotions/promotionService';

export const NOW = '2024-11-15T12:00:00.000Z';
export const clock = fixedClock(NOW);

/** A small store: Kitchen (50% cost), Garden (40%), Gadgets (85%, low margin), Crafts (cost unknown), a gift mug. */
export interface Store {
  db: Db;
  ids: { knife: number; pan: number; hose: number; tablet: number; mug: number; yarn: number };
  ada: number; // buys kitchen things
  bob: number; // buys garden things
  cy: number; // never bought
  orders: OrderRepo;
  customers: CustomerRepo;
}

export function makeStore(): Store {
  const db = openDatabase(':memory:');
  const products = new ProductRepo(db);
  const createdAt = '2024-01-01T00:00:00.000Z';
  const add = (sku: string, category: string, priceCents: number, costCents: number | null, stock = 50) =>
    products.insert({ sku, name: sku.toLowerCase(), category, priceCents, costCents, stock, createdAt });
  const ids = {
    knife: add('KNIFE', 'Kitchen', 2000, 1000),
    pan: add('PAN', 'Kitchen', 4000, 2000),
    hose: add('HOSE', 'Garden', 3000, 1200),
    tablet: add('TABLET', 'Gadgets', 10000, 8500),
    mug: add('MUG', 'Kitchen', 800, 200, 100),
    yarn: add('YARN', 'Crafts', 1000, null),
  };
  const customers = new CustomerRepo(db);
  const ada = customers.insert({ name: 'Ada', email: 'ada@example.com', createdAt });
  const bob = customers.insert({ name: 'Bob', email: 'bob@example.com', createdAt });
  const cy = customers.insert({ name: 'Cy', email: 'cy@example.com', createdAt });
  const orders = new OrderRepo(db);
  const order = (no: string, customerId: number, placedAt: string, productId: number, quantity: number, unitPriceCents: number) =>
    orders.create({ orderNo: no, customerId, placedAt, lines: [{ productId, quantity, unitPriceCents }], source: 'demo' });
  order('H1', ada, '2024-06-01T10:00:00.000Z', ids.pan, 2, 4000);
  order('H2', ada, '2024-07-01T10:00:00.000Z', ids.knife, 1, 2000);
  order('H3', bob, '2024-06-02T10:00:00.000Z', ids.hose, 3, 3000);
  order('H4', bob, '2024-08-02T10:00:00.000Z', ids.hose, 1, 3000);
  return { db, ids, ada, bob, cy, orders, customers };
}

export function promotions(store: Store, options: PromotionsOptions = {}): Promotions {
  return new Promotions(store.db, clock, options);
}

/** A window around NOW. */
export const window = { startsAt: '2024-11-01T00:00:00.000Z', endsAt: '2024-12-01T00:00:00.000Z' };
