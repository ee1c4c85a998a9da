import type { Db } from '../db';

export interface StateRecord {
  data: string;
  etag: string;
}

/** Key/value records with an eTag, the SQL behind the botbuilder Storage in src/state. */
export class BotStateRepo {
  private readonly getStmt;
  private readonly insertStmt;
  private readonly upsertStmt;
  private readonly updateIfStmt;
  private readonly deleteStmt;

  constructor(private readonly db: Db) {
    this.getStmt = db.prepare('SELECT data, etag FROM bot_state WHERE key = ?');
    this.insertStmt = db.prepare('INSERT INTO bot_state (key, etag, data, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT(key) DO NOTHING');
    this.upsertStmt = db.prepare(`INSERT INTO bot_state (key, etag, data, updated_at) VALUES (?, ?, ?, ?)
      ON CONFLICT(key) DO UPDATE SET etag = excluded.etag, data = excluded.data, updated_at = excluded.updated_at`);
    this.updateIfStmt = db.prepare('UPDATE bot_state SET etag = ?, data = ?, updated_at = ? WHERE key = ? AND etag = ?');
    this.deleteStmt = db.prepare('DELETE FROM bot_state WHERE key = ?');
  }

  get(key: string): StateRecord | undefined {
    return this.getStmt.get(key) as StateRecord | undefined;
  }

  /**
   * Writes a record. With `expectedEtag` the write only happens when the stored eTag still matches
   * (or, for a new key, when nothing is stored yet); returns false on a conflict.
   */
  put(key: string, data: string, etag: string, at: string, expectedEtag?: string): boolean {
    if (expectedEtag === undefined) {
      this.upsertStmt.run(key, etag, data, at);
      return true;
    }
    const info = this.updateIfStmt.run(etag, data, at, key, expectedEtag);
    return info.changes === 1;
  }

  /** Inserts only when the key is new; false when it already exists. */
  create(key: string, data: string, etag: string, at: string): boolean {
    return this.insertStmt.run(key, etag, data, at).changes === 1;
  }

  delete(key: string): void {
    this.deleteStmt.run(key);
  }

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }
}
