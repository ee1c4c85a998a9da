import { createHash } from 'node:crypto';
import type { Db } from '../../../src/engine/db';

const TABLES = ['meta', 'customers', 'products', 'promotions', 'orders', 'order_items', 'redemptions', 'price_changes', 'reviews'];

/** SHA-256 over every row of the store's tables, in rowid order (meta by key): equal hashes, equal content. */
export function storeHash(db: Db): string {
  const hash = createHash('sha256');
  for (const table of TABLES) {
    hash.update(`#${table}\n`);
    const order = table === 'meta' ? 'key' : 'rowid';
    for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY ${order}`).iterate()) hash.update(`${JSON.stringify(row)}\n`);
  }
  return hash.digest('hex');
}
