import type { Statement } from 'better-sqlite3';
import type { Db } from './db';

/** Distinct SQL texts kept per database; search builds its SQL from the filters, so the set is bounded, not fixed. */
const MAX_STATEMENTS = 256;
const caches = new WeakMap<Db, Map<string, Statement>>();

/**
 * The statement for `sql`, prepared once per database and reused: preparing costs more than
 * running the small queries a turn makes. Only for get/all/run (a statement being iterated is
 * busy until the iterator finishes, so iterate with a statement of your own).
 */
export function prepared(db: Db, sql: string): Statement {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) {
    statement = db.prepare(sql);
    if (cache.size >= MAX_STATEMENTS) cache.delete(cache.keys().next().value as string);
    cache.set(sql, statement);
  }
  return statement;
}
