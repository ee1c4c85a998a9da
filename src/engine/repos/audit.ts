import type { Db } from '../db';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  detail: Record<string, unknown>;
  result: string;
}

/** Append-only record of who did what (staff commands, price changes, promotions). */
export class AuditRepo {
  private readonly insertStmt;

  constructor(private readonly db: Db) {
    this.insertStmt = db.prepare('INSERT INTO audit_log (at, actor, action, detail, result) VALUES (?, ?, ?, ?, ?)');
  }

  record(at: string, actor: string, action: string, detail: Record<string, unknown>, result: string): number {
    return Number(this.insertStmt.run(at, actor, action, JSON.stringify(detail), result).lastInsertRowid);
  }

  recent(limit = 50): AuditEntry[] {
    const rows = this.db.prepare('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?').all(limit) as (Omit<AuditEntry, 'detail'> & { detail: string })[];
    return rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) }));
  }
}
