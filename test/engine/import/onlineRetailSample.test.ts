import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../../src/engine/db';
import { importOnlineRetail } from '../../../src/engine/import/onlineRetail';
import type { ImportSummary } from '../../../src/engine/import/importSummary';

const SAMPLE = path.resolve(__dirname, '../../../../shared/data/online_retail_sample.csv');
const present = fs.existsSync(SAMPLE);
if (!present) console.warn(`skipping the Online Retail sample tests: ${SAMPLE} is absent`);

/** A deliberately simple CSV line splitter (quotes and doubled quotes only), independent of csv-parse. */
function splitLine(line: string): string[] {
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (quoted && ch === '"' && line[i + 1] === '"') [field, i] = [field + '"', i + 1];
    else if (ch === '"') quoted = !quoted;
    else if (ch !== ',' || quoted) field += ch;
    else {
      out.push(field);
      field = '';
    }
  }
  return [...out, field];
}

/** Book-keeping codes named in the data's README and visible in the file: not products. */
const BOOKKEEPING = new Set(['POST', 'DOT', 'M', 'D', 'S', 'C2', 'B', 'CRUK', 'PADS', 'BANK CHARGES', 'AMAZONFEE']);

interface Kept { invoice: string; customer: string; sku: string; quantity: number; time: string; cancelled: boolean }

/** The expected outcome, worked out from the raw text with the rules of the issue. */
function expectedFromText(text: string) {
  const rows = text.trim().split('\n').slice(1).map(splitLine);
  const count = { noCustomer: 0, nonProduct: 0, cancellations: 0, matched: 0, nonPositivePrice: 0 };
  const kept: Kept[] = [];
  for (const [invoice, code, , qty, time, price, customerRaw] of rows) {
    const customer = customerRaw.replace(/\.0$/, '');
    const sku = code.toUpperCase();
    if (!customer) count.noCustomer++;
    else if (BOOKKEEPING.has(sku) || sku.startsWith('GIFT_')) count.nonProduct++;
    else if (invoice.startsWith('C')) {
      count.cancellations++;
      const earlier = kept.filter((k) => !k.cancelled && k.customer === customer && k.sku === sku && k.quantity === -Number(qty) && k.time <= time);
      const target = earlier[earlier.length - 1];
      if (target) [target.cancelled, count.matched] = [true, count.matched + 1];
    } else if (Number(price) <= 0) count.nonPositivePrice++;
    else kept.push({ invoice, customer, sku, quantity: Number(qty), time, cancelled: false });
  }
  return { rows, count, kept };
}

describe.skipIf(!present)('the Online Retail sample, end to end', () => {
  let db: Db;
  let summary: ImportSummary;
  let expected: ReturnType<typeof expectedFromText>;

  beforeAll(async () => {
    expected = expectedFromText(fs.readFileSync(SAMPLE, 'utf8'));
    db = openDatabase(':memory:');
    summary = await importOnlineRetail(db, fs.createReadStream(SAMPLE));
  });

  it('reads every line and sorts each into the bucket the rules give', () => {
    const { rows, count, kept } = expected;
    expect(summary.lines).toBe(rows.length);
    expect(summary.skipped).toEqual({
      no_customer: count.noCustomer,
      non_product: count.nonProduct,
      non_positive_quantity: 0,
      non_positive_price: count.nonPositivePrice,
      malformed: 0,
      existing: 0,
    });
    expect(summary.order_lines).toBe(kept.length);
    expect(summary.orders).toBe(new Set(kept.map((k) => k.invoice)).size);
    expect(summary.customers).toBe(new Set(kept.map((k) => k.customer)).size);
    expect(summary.products).toBe(new Set(kept.map((k) => k.sku)).size);
    expect(summary.cancellations).toEqual({ lines: count.cancellations, matched: count.matched, unmatched: count.cancellations - count.matched });
    expect(summary.errors).toEqual([]);
  });

  it('marks exactly the purchases the cancellations reverse', () => {
    const want = expected.kept.filter((k) => k.cancelled).map((k) => `${k.invoice}/${k.sku}/${k.quantity}`).sort();
    const got = (db.prepare(`SELECT o.order_no || '/' || p.sku || '/' || i.quantity AS k FROM order_items i
      JOIN orders o ON o.id = i.order_id JOIN products p ON p.id = i.product_id WHERE i.cancelled = 1`).pluck().all() as string[]).sort();
    expect(got).toEqual(want);
    const keptUnits = expected.kept.filter((k) => !k.cancelled).reduce((n, k) => n + k.quantity, 0);
    expect(db.prepare('SELECT SUM(quantity) FROM sales').pluck().get()).toBe(keptUnits);
  });

  it('stores customers without the ".0" and orders at their invoice time', () => {
    const ids = db.prepare('SELECT external_id FROM customers').pluck().all() as string[];
    expect(ids.length).toBeGreaterThan(0);
    for (const id of ids) expect(id).toMatch(/^\d+$/);
    const first = expected.kept[0];
    const order = db.prepare('SELECT placed_at FROM orders WHERE order_no = ?').get(first.invoice) as { placed_at: string };
    expect(order.placed_at).toBe(`${first.time.replace(' ', 'T')}.000Z`);
  });

  it('gives every product a name, a category, a positive price and some stock', () => {
    const bad = db.prepare("SELECT COUNT(*) FROM products WHERE name = '' OR category = '' OR price_cents <= 0 OR stock <= 0 OR cost_cents IS NOT NULL");
    expect(bad.pluck().get()).toBe(0);
  });

  it('adds nothing when imported a second time', async () => {
    const tables = ['orders', 'order_items', 'customers', 'products', 'import_cancellations'];
    const counts = () => tables.map((t) => db.prepare(`SELECT COUNT(*) FROM ${t}`).pluck().get());
    const cancelled = () => db.prepare('SELECT COUNT(*) FROM order_items WHERE cancelled = 1').pluck().get();
    const before = [counts(), cancelled()];
    const again = await importOnlineRetail(db, fs.createReadStream(SAMPLE));
    expect([counts(), cancelled()]).toEqual(before);
    expect(again).toMatchObject({ orders: 0, order_lines: 0, customers: 0, products: 0 });
    expect(again.skipped.existing).toBe(summary.order_lines + summary.cancellations.lines);
  });
});
