import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { CliIO } from '../../src/cli/io';
import { openDatabase } from '../../src/engine/db';

const SAMPLE = path.resolve(__dirname, '../../../shared/data/online_retail_sample.csv');
const present = fs.existsSync(SAMPLE);
if (!present) console.warn(`skipping the CLI import run on the sample: ${SAMPLE} is absent`);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopmate-import-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function fakeIO() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t) };
  return { io, out, err };
}

describe('shopmate import', () => {
  it.skipIf(!present)('imports the sample and prints one JSON summary that matches the database', async () => {
    const db = path.join(dir, 'sample.db');
    const { io, out, err } = fakeIO();
    expect(await main(['import', '--format', 'online-retail', '--db', db, SAMPLE, '--json'], io)).toBe(0);
    expect(out).toHaveLength(1);
    const summary = JSON.parse(out[0]);
    expect(summary.lines).toBe(fs.readFileSync(SAMPLE, 'utf8').trim().split('\n').length - 1);
    for (const key of ['no_customer', 'non_product', 'non_positive_quantity', 'non_positive_price', 'malformed']) {
      expect(summary.skipped[key]).toEqual(expect.any(Number));
    }
    expect(summary.skipped.no_customer).toBeGreaterThan(0);
    expect(summary.cancellations.lines).toBe(summary.cancellations.matched + summary.cancellations.unmatched);
    expect(summary.seconds).toEqual(expect.any(Number));
    expect(err.some((l) => l.includes('import online-retail'))).toBe(true);
    const store = openDatabase(db, { readonly: true });
    const n = (sql: string) => store.prepare(sql).pluck().get();
    expect([n('SELECT COUNT(*) FROM orders'), n('SELECT COUNT(*) FROM order_items'), n('SELECT COUNT(*) FROM customers')]).toEqual([
      summary.orders,
      summary.order_lines,
      summary.customers,
    ]);
    expect(n('SELECT COUNT(*) FROM order_items WHERE cancelled = 1')).toBe(summary.cancellations.matched);
    store.close();

    const again = fakeIO();
    expect(await main(['import', '--format', 'online-retail', '--db', db, SAMPLE], again.io)).toBe(0);
    expect(again.out.join('\n')).toMatch(/new: 0 orders, 0 order lines/);
  });

  it('refuses an unknown format with one line and exit code 2', async () => {
    const { io, out, err } = fakeIO();
    expect(await main(['import', '--format', 'excel', '--db', path.join(dir, 'x.db'), 'a.csv'], io)).toBe(2);
    expect(out).toEqual([]);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/--format must be one of online-retail, shopmate/);
  });

  it('refuses a missing file, a missing --db and a missing CSV argument with one line each', async () => {
    const cases = [
      ['import', '--format', 'shopmate', '--db', path.join(dir, 'y.db'), path.join(dir, 'nope.csv')],
      ['import', '--format', 'shopmate', 'orders.csv'],
      ['import', '--format', 'shopmate', '--db', path.join(dir, 'y.db')],
    ];
    for (const argv of cases) {
      const { io, err } = fakeIO();
      expect(await main(argv, io)).not.toBe(0);
      expect(err).toHaveLength(1);
      expect(err[0].split('\n')).toHaveLength(1);
    }
    expect(fs.existsSync(path.join(dir, 'y.db'))).toBe(false);
  });

  it('fails with one line when the file is not in the chosen format', async () => {
    const file = path.join(dir, 'wrong.csv');
    fs.writeFileSync(file, 'name,price\nmug,3\n');
    const { io, err } = fakeIO();
    expect(await main(['import', '--format', 'online-retail', '--db', path.join(dir, 'z.db'), file], io)).toBe(1);
    expect(err.at(-1)).toMatch(/not a valid Online Retail file: the header lacks InvoiceNo/);
  });

  it('imports a Shopmate CSV in human-readable form, listing malformed lines on stderr', async () => {
    const file = path.join(dir, 'orders.csv');
    fs.writeFileSync(file, ['order_no,placed_at,customer_id,sku,quantity,unit_price', 'A1,2024-03-01,C1,MUG,1,7.5', 'A2,yesterday,C1,MUG,1,7.5'].join('\n'));
    const { io, out, err } = fakeIO();
    expect(await main(['import', '--format', 'shopmate', '--db', path.join(dir, 'own.db'), file], io)).toBe(0);
    expect(out.join('\n')).toMatch(/new: 1 orders, 1 order lines, 1 customers, 1 products/);
    expect(err.some((l) => l.endsWith('orders.csv:3: bad date "yesterday"'))).toBe(true);
  });
});
