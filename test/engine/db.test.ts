import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { loadMigrations, migrate, openDatabase } from '../../src/engine/db';

describe('migrations', () => {
  it('are numbered without gaps or duplicates', () => {
    const versions = loadMigrations().map((m) => m.version);
    expect(versions.length).toBeGreaterThan(0);
    expect(new Set(versions).size).toBe(versions.length);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
  });

  it('build the whole schema on an empty database', () => {
    const db = openDatabase(':memory:');
    const latest = Math.max(...loadMigrations().map((m) => m.version));
    expect(db.pragma('user_version', { simple: true })).toBe(latest);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table','view')").all() as { name: string }[]).map((r) => r.name);
    for (const t of ['customers', 'products', 'products_fts', 'orders', 'order_items', 'sales', 'interactions', 'reviews', 'promotions', 'redemptions', 'price_changes', 'bot_state', 'audit_log']) {
      expect(tables).toContain(t);
    }
  });

  it('apply a lower-numbered migration that arrived after a higher one', () => {
    const db = new Database(':memory:');
    const all = loadMigrations();
    const withoutSecond = [all[0], ...all.slice(2)];
    migrate(db, withoutSecond);
    expect(migrate(db, all)).toEqual([all[1].version]);
  });

  it('apply only the newer migrations to an existing database and keep its data', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopmate-'));
    const file = path.join(dir, 'shop.db');
    const all = loadMigrations();
    const first = new Database(file);
    expect(migrate(first, all.slice(0, 1))).toEqual([all[0].version]);
    first.prepare("INSERT INTO customers (name, created_at) VALUES ('Ada', '2024-01-01T00:00:00.000Z')").run();
    first.close();

    const db = openDatabase(file);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect((db.prepare('SELECT name FROM customers').get() as { name: string }).name).toBe('Ada');
    expect(migrate(db)).toEqual([]);
    db.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the FTS index in step with product edits', () => {
    const db = openDatabase(':memory:');
    const insert = db.prepare("INSERT INTO products (sku, name, category, price_cents, created_at) VALUES (?, ?, 'Kitchen', 500, '2024-01-01')");
    insert.run('A1', 'Red enamel mug');
    insert.run('A2', 'Blue teapot');
    const match = (q: string) => (db.prepare('SELECT rowid FROM products_fts WHERE products_fts MATCH ?').all(q) as { rowid: number }[]).map((r) => r.rowid);
    expect(match('mugs')).toEqual([1]); // porter stemming
    db.prepare("UPDATE products SET name = 'Green teapot' WHERE sku = 'A2'").run();
    expect(match('blue')).toEqual([]);
    expect(match('green')).toEqual([2]);
    db.prepare("DELETE FROM products WHERE sku = 'A1'").run();
    expect(match('mug')).toEqual([]);
  });

  it('refuses money that is not whole non-negative cents through the repositories', async () => {
    const { OrderRepo } = await import('../../src/engine/repos/orders');
    const db = openDatabase(':memory:');
    db.prepare("INSERT INTO products (sku, name, price_cents, created_at) VALUES ('A1', 'Mug', 500, '2024-01-01')").run();
    const orders = new OrderRepo(db);
    expect(() => orders.create({ orderNo: 'X1', customerId: null, placedAt: '2024-01-01', lines: [{ productId: 1, quantity: -2, unitPriceCents: 500 }] })).toThrow(/quantity/);
    const id = orders.create({ orderNo: 'X2', customerId: null, placedAt: '2024-01-01', lines: [{ productId: 1, quantity: 2, unitPriceCents: 500 }] });
    expect(orders.get('X2')).toMatchObject({ id, subtotalCents: 1000, totalCents: 1000, status: 'placed' });
  });
});
