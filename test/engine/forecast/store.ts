import { openDatabase, type Db } from '../../../src/engine/db';
import { addDays } from '../../../src/engine/forecast/dates';
import { OrderRepo } from '../../../src/engine/repos/orders';
import { ProductRepo } from '../../../src/engine/repos/products';

export interface TestProduct {
  sku: string;
  category?: string;
  stock?: number;
  /** Units sold per day from `start`; zero days have no order. */
  daily: number[];
}

/** A fresh store (in memory unless a file is given) whose sales follow the given daily units. */
export function storeWith(products: TestProduct[], start = '2024-01-01', file = ':memory:'): Db {
  const db = openDatabase(file);
  const productRepo = new ProductRepo(db);
  const orders = new OrderRepo(db);
  let n = 0;
  db.transaction(() => {
    for (const p of products) {
      const id = productRepo.insert({ sku: p.sku, name: `Product ${p.sku}`, category: p.category ?? 'General', priceCents: 500, stock: p.stock ?? 0, createdAt: `${start}T00:00:00.000Z` });
      p.daily.forEach((units, i) => {
        if (units > 0) orders.create({ orderNo: `O${++n}`, customerId: null, placedAt: `${addDays(start, i)}T10:00:00.000Z`, lines: [{ productId: id, quantity: units, unitPriceCents: 500 }] });
      });
    }
  })();
  return db;
}
