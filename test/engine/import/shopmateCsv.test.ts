import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/engine/db';
import { accountedLines } from '../../../src/engine/import/importSummary';
import { importShopmateCsv, SHOPMATE_COLUMNS } from '../../../src/engine/import/shopmateCsv';

const HEADER = 'order_no,placed_at,customer_id,customer_email,customer_name,sku,product_name,category,brand,quantity,unit_price';
const csv = (...lines: string[]) => Readable.from([[HEADER, ...lines].join('\n') + '\n']);
const all = (db: Db, sql: string) => db.prepare(sql).all();

describe('importShopmateCsv', () => {
  it('documents exactly the header it reads', () => {
    expect(SHOPMATE_COLUMNS.join(',')).toBe(HEADER);
  });

  it('loads orders, customers by id or e-mail, and products with given or derived categories', async () => {
    const db = openDatabase(':memory:');
    const s = await importShopmateCsv(db, csv(
      'A1,2024-03-01 10:15,C42,ann@example.com,Ann Lee,MUG-01,Blue mug,Mugs,Acme,2,7.50',
      'A1,2024-03-01 10:15,C42,ann@example.com,Ann Lee,BAG-9,Canvas tote bag,,,1,12',
      'A2,2024-03-02T09:00:00+01:00,,bob@example.com,,MUG-01,Blue mug,Mugs,Acme,1,7.00',
    ));
    expect(s).toMatchObject({ lines: 3, orders: 2, order_lines: 3, customers: 2, products: 2 });
    expect(all(db, 'SELECT external_id, email, name FROM customers ORDER BY id')).toEqual([
      { external_id: 'C42', email: 'ann@example.com', name: 'Ann Lee' },
      { external_id: null, email: 'bob@example.com', name: 'bob@example.com' },
    ]);
    expect(all(db, 'SELECT sku, name, category, brand, price_cents FROM products ORDER BY sku')).toEqual([
      { sku: 'BAG-9', name: 'Canvas tote bag', category: 'Bags', brand: '', price_cents: 1200 },
      { sku: 'MUG-01', name: 'Blue mug', category: 'Mugs', brand: 'Acme', price_cents: 700 },
    ]);
    expect(all(db, 'SELECT order_no, placed_at, subtotal_cents FROM orders ORDER BY order_no')).toEqual([
      { order_no: 'A1', placed_at: '2024-03-01T10:15:00.000Z', subtotal_cents: 2 * 750 + 1200 },
      { order_no: 'A2', placed_at: '2024-03-02T08:00:00.000Z', subtotal_cents: 700 },
    ]);
  });

  it('treats a negative quantity as the return of the matching earlier line', async () => {
    const db = openDatabase(':memory:');
    const s = await importShopmateCsv(db, csv(
      'A1,2024-03-01,C1,,,MUG-01,Blue mug,,,2,7.50',
      'A2,2024-03-02,C1,,,MUG-01,Blue mug,,,2,7.50',
      'R1,2024-03-03,C1,,,mug-01,Blue mug,,,-2,7.50',
    ));
    expect(s.cancellations).toEqual({ lines: 1, matched: 1, unmatched: 0 });
    expect(all(db, 'SELECT o.order_no, i.cancelled FROM order_items i JOIN orders o ON o.id = i.order_id ORDER BY o.order_no')).toEqual([
      { order_no: 'A1', cancelled: 0 },
      { order_no: 'A2', cancelled: 1 },
    ]);
  });

  it('skips lines without a customer, zero quantities and free lines, and reports malformed ones', async () => {
    const db = openDatabase(':memory:');
    const s = await importShopmateCsv(db, csv(
      'A1,2024-03-01,,,,MUG-01,Blue mug,,,1,7.50',
      'A2,2024-03-01,C1,,,MUG-01,Blue mug,,,0,7.50',
      'A3,2024-03-01,C1,,,MUG-01,Blue mug,,,1,0',
      'A4,01/03/2024,C1,,,MUG-01,Blue mug,,,1,7.50',
      'A5,2024-03-01,C1,not-an-email,,MUG-01,Blue mug,,,1,7.50',
      'A6,2024-03-01,C1,,,MUG-01,Blue mug,,,1,7.50',
    ));
    expect(s.skipped).toMatchObject({ no_customer: 1, non_positive_quantity: 1, non_positive_price: 1, malformed: 2 });
    expect(s.errors.map((e) => e.line)).toEqual([5, 6]);
    expect(s.order_lines).toBe(1);
    expect(accountedLines(s)).toBe(s.lines);
  });

  it('needs its required columns and a customer column', async () => {
    const db = openDatabase(':memory:');
    await expect(importShopmateCsv(db, Readable.from(['order_no,placed_at,sku,quantity\n']))).rejects.toThrow(/unit_price/);
    await expect(importShopmateCsv(db, Readable.from(['order_no,placed_at,sku,quantity,unit_price\n']))).rejects.toThrow(/customer_id/);
    const minimal = 'order_no,placed_at,customer_email,sku,quantity,unit_price\nB1,2024-01-01,a@b.co,X1,1,1.00\n';
    expect(await importShopmateCsv(db, Readable.from([minimal]))).toMatchObject({ order_lines: 1, products: 1 });
  });

  it('keeps an existing catalogue product as it is and adds nothing on a second import', async () => {
    const db = openDatabase(':memory:');
    db.prepare("INSERT INTO products (sku, name, category, price_cents, stock, created_at) VALUES ('MUG-01', 'Our mug', 'Mugs', 999, 5, '2024-01-01')").run();
    const lines = ['A1,2024-03-01,C1,,,MUG-01,Blue mug,Cups,,2,7.50', 'R1,2024-03-03,C1,,,MUG-01,Blue mug,,,-2,7.50'];
    const first = await importShopmateCsv(db, csv(...lines));
    const second = await importShopmateCsv(db, csv(...lines));
    expect(first).toMatchObject({ products: 0, order_lines: 1, cancellations: { matched: 1 } });
    expect(second).toMatchObject({ orders: 0, order_lines: 0, cancellations: { lines: 0 }, skipped: { existing: 2 } });
    expect(all(db, 'SELECT name, category, price_cents, stock FROM products')).toEqual([{ name: 'Our mug', category: 'Mugs', price_cents: 999, stock: 5 }]);
    expect(db.prepare('SELECT COUNT(*) FROM order_items').pluck().get()).toBe(1);
  });
});
