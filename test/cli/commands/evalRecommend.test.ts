import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from '../../../src/cli/commands/evalRecommend';
import { UsageError } from '../../../src/cli/io';
import { openDatabase } from '../../../src/engine/db';
import { CustomerRepo } from '../../../src/engine/repos/customers';
import { OrderRepo } from '../../../src/engine/repos/orders';
import { ProductRepo } from '../../../src/engine/repos/products';

let dir: string;
let file: string;

/** 40 customers over 60 days: each has a favourite pair of products and repeats it. */
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopmate-rec-'));
  file = path.join(dir, 'shop.db');
  const db = openDatabase(file);
  const at = '2025-01-01T00:00:00.000Z';
  const products = new ProductRepo(db);
  for (let p = 0; p < 20; p++) products.insert({ sku: `P${p}`, name: `Product ${p} ${p % 2 ? 'mug' : 'plate'}`, category: p < 10 ? 'Kitchen' : 'Garden', priceCents: 500 + p, stock: 5, createdAt: at });
  const customers = new CustomerRepo(db);
  const orders = new OrderRepo(db);
  let seed = 3;
  const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
  let no = 0;
  db.transaction(() => {
    for (let c = 0; c < 40; c++) {
      const id = customers.insert({ name: `C${c}`, createdAt: at });
      const fav = [1 + (c % 10), 11 + (c % 10)];
      for (let o = 0; o < 4; o++) {
        const day = Math.floor(rand() * 60);
        const extra = 1 + Math.floor(rand() * 20);
        const lines = [...new Set([...fav, extra])].map((productId) => ({ productId, quantity: 1, unitPriceCents: 500 }));
        orders.create({ orderNo: `O${++no}`, customerId: id, placedAt: new Date(Date.parse(at) + day * 86_400_000 + c * 1000).toISOString(), lines });
      }
    }
  })();
  db.close();
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => void out.push(t), err: (t: string) => void err.push(t) }, out, err };
}

describe('shopmate eval recommend', () => {
  it('prints one JSON object with every model, both settings and the served model', async () => {
    const c = capture();
    expect(await run(['--db', file, '--k', '5', '--json'], c.io)).toBe(0);
    expect(c.out).toHaveLength(1);
    const r = JSON.parse(c.out[0]);
    expect(r.k).toBe(5);
    expect(new Date(r.cutoff).toISOString()).toBe(r.cutoff);
    expect(r.customers.all).toBeGreaterThan(0);
    expect(r.customers.new).toBeLessThanOrEqual(r.customers.all);
    for (const name of ['popularity', 'buy_again', 'buy_again_count', 'item_knn_cosine', 'item_knn_jaccard', 'item_knn_lift', 'sar', 'user_knn', 'ease', 'content_tfidf', 'hybrid', 'hybrid_diverse']) {
      const m = r.models[name];
      expect(m, name).toBeDefined();
      for (const key of ['hit_rate', 'ndcg', 'precision', 'recall', 'coverage']) {
        expect(m.all[key]).toBeGreaterThanOrEqual(0);
        expect(m.all[key]).toBeLessThanOrEqual(1);
      }
      if (name.startsWith('buy_again')) expect(m.new).toBeUndefined();
      else expect(m.new.ndcg).toBeLessThanOrEqual(1);
      expect(m.fit_ms).toBeGreaterThanOrEqual(0);
      expect(m.query_us_p99).toBeGreaterThanOrEqual(m.query_us_p50);
    }
    expect(r.models[r.served]).toBeDefined();
    // customers who repeat their favourites: buying again must find them
    expect(r.models.buy_again.all.hit_rate).toBeGreaterThan(r.models.popularity.all.hit_rate);
  });

  it('prints a table without --json and refuses bad input', async () => {
    const c = capture();
    expect(await run(['--db', file, '--no-tune'], c.io)).toBe(0);
    expect(c.out.join('\n')).toMatch(/hybrid/);
    await expect(run([], capture().io)).rejects.toThrow(UsageError);
    await expect(run(['--db', file, '--k', '0'], capture().io)).rejects.toThrow(UsageError);
  });
});
