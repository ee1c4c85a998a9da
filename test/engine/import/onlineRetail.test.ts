import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/engine/db';
import { importOnlineRetail } from '../../../src/engine/import/onlineRetail';
import { accountedLines, type LineError } from '../../../src/engine/import/importSummary';

const HEADER = 'InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country';
const csv = (...lines: string[]) => Readable.from([[HEADER, ...lines].join('\n') + '\n']);

interface ItemRow {
  order_no: string;
  line_no: number;
  sku: string;
  quantity: number;
  cancelled: number;
}
const items = (db: Db) =>
  db
    .prepare(`SELECT o.order_no, i.line_no, p.sku, i.quantity, i.cancelled FROM order_items i
      JOIN orders o ON o.id = i.order_id JOIN products p ON p.id = i.product_id ORDER BY o.order_no, i.line_no`)
    .all() as ItemRow[];
const count = (db: Db, table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('importOnlineRetail', () => {
  it('stores invoices as orders with customers, products and both date styles', async () => {
    const db = openDatabase(':memory:');
    const s = await importOnlineRetail(db, csv(
      '536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,12/1/2010 8:26,2.55,17850.0,United Kingdom',
      '536365,71053,WHITE METAL LANTERN,6,12/1/2010 8:26,3.39,17850.0,United Kingdom',
      '536366,22633,HAND WARMER UNION JACK,6,2010-12-01 08:28:00,1.85,17850,United Kingdom',
    ));
    expect(s).toMatchObject({ lines: 3, orders: 2, order_lines: 3, customers: 1, products: 3 });
    const customer = db.prepare('SELECT external_id, name, country FROM customers').get();
    expect(customer).toEqual({ external_id: '17850', name: 'Customer 17850', country: 'United Kingdom' });
    const orders = db.prepare('SELECT order_no, placed_at, subtotal_cents, source FROM orders ORDER BY order_no').all();
    expect(orders).toEqual([
      { order_no: '536365', placed_at: '2010-12-01T08:26:00.000Z', subtotal_cents: 6 * 255 + 6 * 339, source: 'import' },
      { order_no: '536366', placed_at: '2010-12-01T08:28:00.000Z', subtotal_cents: 6 * 185, source: 'import' },
    ]);
    const product = db.prepare("SELECT name, category, price_cents, cost_cents, stock FROM products WHERE sku = '71053'").get() as Record<string, unknown>;
    expect(product).toMatchObject({ name: 'White Metal Lantern', category: 'Candles & Lanterns', price_cents: 339, cost_cents: null });
    expect(product.stock).toBeGreaterThan(0);
  });

  it('cancels the most recent earlier purchase of the same customer, product and quantity', async () => {
    const db = openDatabase(':memory:');
    const s = await importOnlineRetail(db, csv(
      '1001,22423,REGENCY CAKESTAND 3 TIER,2,2011-01-03 10:00:00,12.75,12345.0,UK',
      '1002,22423,REGENCY CAKESTAND 3 TIER,2,2011-01-04 10:00:00,12.75,12345.0,UK',
      '1003,22423,REGENCY CAKESTAND 3 TIER,3,2011-01-05 10:00:00,12.75,12345.0,UK',
      '1004,22423,REGENCY CAKESTAND 3 TIER,2,2011-01-05 11:00:00,12.75,99999.0,UK',
      'C1005,22423,REGENCY CAKESTAND 3 TIER,-2,2011-01-06 09:00:00,12.75,12345.0,UK',
      'C1006,22423,REGENCY CAKESTAND 3 TIER,-5,2011-01-06 09:00:00,12.75,12345.0,UK',
      'C1007,85123A,WHITE HANGING HEART T-LIGHT HOLDER,-1,2011-01-06 09:00:00,2.55,12345.0,UK',
    ));
    expect(s.cancellations).toEqual({ lines: 3, matched: 1, unmatched: 2 });
    expect(items(db).filter((i) => i.cancelled).map((i) => i.order_no)).toEqual(['1002']);
    expect(s.orders).toBe(4);
    const sold = db.prepare('SELECT SUM(quantity) AS n FROM sales').get() as { n: number };
    expect(sold.n).toBe(2 + 3 + 2);
    const record = db.prepare("SELECT order_item_id IS NOT NULL AS matched, quantity FROM import_cancellations WHERE order_no = 'C1005'").get();
    expect(record).toEqual({ matched: 1, quantity: 2 });
  });

  it('never cancels a purchase made after the cancellation, nor the same line twice', async () => {
    const db = openDatabase(':memory:');
    const s = await importOnlineRetail(db, csv(
      '2001,22423,CAKESTAND,1,2011-01-03 10:00:00,12.75,1.0,UK',
      'C2002,22423,CAKESTAND,-1,2011-01-03 11:00:00,12.75,1.0,UK',
      'C2003,22423,CAKESTAND,-1,2011-01-03 12:00:00,12.75,1.0,UK',
      '2004,22423,CAKESTAND,1,2011-01-04 10:00:00,12.75,1.0,UK',
    ));
    expect(s.cancellations).toEqual({ lines: 2, matched: 1, unmatched: 1 });
    expect(items(db).map((i) => [i.order_no, i.cancelled])).toEqual([['2001', 1], ['2004', 0]]);
  });

  it('marks an order cancelled when every one of its lines was reversed', async () => {
    const db = openDatabase(':memory:');
    await importOnlineRetail(db, csv(
      '541431,23166,MEDIUM CERAMIC TOP STORAGE JAR,74215,1/18/2011 10:01,1.04,12346.0,United Kingdom',
      'C541433,23166,MEDIUM CERAMIC TOP STORAGE JAR,-74215,1/18/2011 10:17,1.04,12346.0,United Kingdom',
    ));
    expect(db.prepare('SELECT status FROM orders').get()).toEqual({ status: 'cancelled' });
    expect(count(db, 'sales')).toBe(0);
  });

  it('skips and counts lines without a customer, book-keeping codes, adjustments and zero prices', async () => {
    const db = openDatabase(':memory:');
    const s = await importOnlineRetail(db, csv(
      '3001,22423,CAKESTAND,1,2011-01-03 10:00:00,12.75,,UK',
      '3002,POST,POSTAGE,3,2011-01-03 10:00:00,18.00,12680.0,France',
      'C3003,D,Discount,-1,2011-01-03 10:00:00,5.00,14527.0,UK',
      '3004,22423,CAKESTAND,-4,2011-01-03 10:00:00,0,14527.0,UK',
      '3005,22580,ADVENT CALENDAR GINGHAM SACK,4,2011-01-03 10:00:00,0.0,16560.0,UK',
      '3006,PADS,PADS TO MATCH ALL CUSHIONS,1,2011-01-03 10:00:00,0.001,15618.0,UK',
      '3007,22423,CAKESTAND,1,2011-01-03 10:00:00,12.75,14527.0,UK',
    ));
    expect(s.skipped).toMatchObject({ no_customer: 1, non_product: 3, non_positive_quantity: 1, non_positive_price: 1 });
    expect(s).toMatchObject({ order_lines: 1, orders: 1, customers: 1, products: 1 });
    expect(accountedLines(s)).toBe(s.lines);
  });

  it('reports malformed lines with their line numbers and imports the rest', async () => {
    const db = openDatabase(':memory:');
    const seen: LineError[] = [];
    const s = await importOnlineRetail(
      db,
      csv(
        '4001,22423,CAKESTAND,1,2011-01-03 10:00:00,12.75,1.0,UK', // line 2
        '4002,22423,"CAKESTAND, TALL',
        'TIER",1,2011-01-03 10:00:00,12.75,1.0,UK', // a quoted line break: lines 3-4
        '4003,22423,CAKESTAND,1,2011-01-03 10:00:00,12.75,1.0', // line 5: 7 fields
        '4004,22423,CAKESTAND,1,31/12/2011 10:00,12.75,1.0,UK', // line 6: bad date
        '4005,22423,CAKESTAND,two,2011-01-03 10:00:00,12.75,1.0,UK', // line 7: quantity
        '4006,22423,CAKESTAND,1,2011-01-03 10:00:00,cheap,1.0,UK', // line 8: price
        '4007,22423,"CAKE"STAND,1,2011-01-03 10:00:00,12.75,1.0,UK', // line 9: stray quotes, read as text
        '4008,22423,"CAKESTAND,1,2011-01-03 10:00:00,12.75,1.0,UK', // line 10: a quote never closed
      ),
      { onError: (e) => seen.push(e) },
    );
    expect(s.errors.map((e) => e.line)).toEqual([5, 6, 7, 8, 10]);
    expect(s.errors[0].reason).toMatch(/fields/);
    expect(s.errors[1].reason).toMatch(/date/);
    expect(s.errors[2].reason).toMatch(/quantity/);
    expect(s.errors[3].reason).toMatch(/price/);
    expect(seen).toEqual(s.errors);
    expect(s.errors[4].reason).toMatch(/quote/i);
    expect(s).toMatchObject({ lines: 8, order_lines: 3, error_count: 5 });
    expect(s.skipped.malformed).toBe(5);
    expect(accountedLines(s)).toBe(s.lines);
    expect(items(db).map((i) => i.order_no)).toEqual(['4001', '4002', '4007']);
  });

  it('reads the Online Retail II header in any column order', async () => {
    const db = openDatabase(':memory:');
    const text = [
      'Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country',
      '489434,85048,15CM CHRISTMAS GLASS BALL 20 LIGHTS,12,2009-12-01 07:45:00,6.95,13085.0,United Kingdom',
      'C489449,22087,PAPER BUNTING WHITE LACE,-12,2009-12-01 10:33:00,2.95,16321.0,Australia',
    ].join('\n');
    const s = await importOnlineRetail(db, Readable.from([text]));
    expect(s).toMatchObject({ order_lines: 1, cancellations: { lines: 1, matched: 0, unmatched: 1 } });
    expect(db.prepare('SELECT order_no, placed_at FROM orders').get()).toEqual({ order_no: '489434', placed_at: '2009-12-01T07:45:00.000Z' });
    const shuffled = 'Country,Customer ID,Price,InvoiceDate,Quantity,Description,StockCode,Invoice\nUK,13085.0,1.00,2009-12-02 07:45:00,1,PEN,22000,489500\n';
    const s2 = await importOnlineRetail(db, Readable.from([shuffled]));
    expect(s2).toMatchObject({ order_lines: 1, customers: 0, products: 1 });
  });

  it('refuses a file that is not Online Retail with one invalid error', async () => {
    const db = openDatabase(':memory:');
    await expect(importOnlineRetail(db, Readable.from(['a,b,c\n1,2,3\n']))).rejects.toMatchObject({ code: 'invalid' });
  });

  it('adds nothing and re-applies no cancellation when the same file is imported twice', async () => {
    const db = openDatabase(':memory:');
    const lines = [
      '5001,22423,CAKESTAND,2,2011-01-03 10:00:00,12.75,7.0,UK',
      '5001,22424,CAKESTAND BLUE,2,2011-01-03 10:00:00,12.75,7.0,UK',
      '5002,22423,CAKESTAND,2,2011-01-04 10:00:00,12.75,7.0,UK',
      'C5003,22423,CAKESTAND,-2,2011-01-05 10:00:00,12.75,7.0,UK',
      '5004,22423,CAKESTAND,1,2011-01-05 10:00:00,12.75,,UK',
    ];
    const first = await importOnlineRetail(db, csv(...lines));
    const before = items(db);
    const second = await importOnlineRetail(db, csv(...lines));
    expect(items(db)).toEqual(before);
    expect(before.filter((i) => i.cancelled)).toHaveLength(1);
    expect(second).toMatchObject({ orders: 0, order_lines: 0, customers: 0, products: 0, cancellations: { lines: 0, matched: 0, unmatched: 0 } });
    expect(second.skipped.existing).toBe(first.order_lines + first.cancellations.lines);
    expect(second.skipped.no_customer).toBe(1);
    expect(count(db, 'import_cancellations')).toBe(1);
  });

  it('applies a later file\'s cancellation to a purchase imported earlier', async () => {
    const db = openDatabase(':memory:');
    await importOnlineRetail(db, csv('6001,22423,CAKESTAND,4,2011-01-03 10:00:00,12.75,8.0,UK'));
    const s = await importOnlineRetail(db, csv('C6002,22423,CAKESTAND,-4,2011-02-03 10:00:00,12.75,8.0,UK'));
    expect(s.cancellations.matched).toBe(1);
    expect(items(db)[0].cancelled).toBe(1);
    expect(db.prepare('SELECT status FROM orders').get()).toEqual({ status: 'cancelled' });
  });

  it('keeps an invoice whole and numbers its lines in file order across write batches', async () => {
    const db = openDatabase(':memory:');
    const lines = [];
    for (let n = 0; n < 7; n++) lines.push(`7001,${22400 + n},ITEM ${n},1,2011-01-03 10:00:00,1.00,9.0,UK`);
    lines.push('7001,22400,ITEM 0,1,2011-01-03 10:00:00,1.00,9.0,UK');
    lines.push('7002,22401,ITEM 1,1,2011-01-03 11:00:00,1.00,9.0,UK');
    const s = await importOnlineRetail(db, csv(...lines), { batchSize: 3 });
    expect(s).toMatchObject({ orders: 2, order_lines: 9 });
    const rows = items(db);
    expect(rows.filter((r) => r.order_no === '7001').map((r) => r.line_no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(rows[7].sku).toBe('22400');
  });

  it('names a product by its most common description and prices it at its most recent price', async () => {
    const db = openDatabase(':memory:');
    await importOnlineRetail(db, csv(
      '8001,23166,MEDIUM CERAMIC TOP STORAGE JAR,1,2011-01-03 10:00:00,1.25,10.0,UK',
      '8002,23166,CERAMIC JAR MEDIUM,1,2011-01-04 10:00:00,1.25,11.0,UK',
      '8003,23166,MEDIUM CERAMIC TOP STORAGE JAR,1,2011-01-05 10:00:00,1.04,12.0,UK',
      '8004,23166,?,1,2011-01-06 10:00:00,1.10,13.0,UK',
      '8005,23167,SMALL CERAMIC TOP STORAGE JAR,1,2011-01-06 10:00:00,0.85,13.0,UK',
    ));
    const jar = db.prepare("SELECT name, price_cents, stock FROM products WHERE sku = '23166'").get() as { name: string; price_cents: number; stock: number };
    expect(jar).toMatchObject({ name: 'Medium Ceramic Top Storage Jar', price_cents: 110 });
    const small = db.prepare("SELECT stock FROM products WHERE sku = '23167'").pluck().get() as number;
    expect(jar.stock).toBeGreaterThan(small);
  });
});
