import type { Db } from '../db';
import type { CustomerRef } from './saleLine';

/** A customer as the import sees it; `id` is 0 until the row is written. */
export interface CustomerState {
  id: number;
  externalId: string | null;
  email: string | null;
  name: string;
  country: string;
  createdAt: string;
}

const extKey = (id: string) => `x:${id}`;
const emailKey = (email: string) => `e:${email.toLowerCase()}`;

/**
 * Customers by external id or e-mail (existing rows loaded once, new ones created on their first
 * kept purchase). A new customer's created_at is the time of that purchase.
 */
export class CustomerBook {
  private readonly byKey = new Map<string, CustomerState>();
  private readonly insertStmt;

  constructor(db: Db) {
    const rows = db.prepare('SELECT id, external_id, email, name, country, created_at FROM customers').all() as {
      id: number; external_id: string | null; email: string | null; name: string; country: string; created_at: string;
    }[];
    for (const r of rows) {
      this.remember({ id: r.id, externalId: r.external_id, email: r.email, name: r.name, country: r.country, createdAt: r.created_at });
    }
    this.insertStmt = db.prepare('INSERT INTO customers (external_id, name, email, country, created_at) VALUES (?, ?, ?, ?, ?)');
  }

  private remember(c: CustomerState): void {
    if (c.externalId) this.byKey.set(extKey(c.externalId), c);
    if (c.email) this.byKey.set(emailKey(c.email), c);
  }

  find(ref: CustomerRef): CustomerState | undefined {
    return (ref.externalId ? this.byKey.get(extKey(ref.externalId)) : undefined) ?? (ref.email ? this.byKey.get(emailKey(ref.email)) : undefined);
  }

  /** The known customer, or a new unwritten one (`created`). */
  findOrCreate(ref: CustomerRef, at: string): { customer: CustomerState; created: boolean } {
    const found = this.find(ref);
    if (found) return { customer: found, created: false };
    const customer = { id: 0, externalId: ref.externalId, email: ref.email, name: ref.name, country: ref.country, createdAt: at };
    this.remember(customer);
    return { customer, created: true };
  }

  /** Writes a new customer (inside the caller's transaction). */
  insert(c: CustomerState): void {
    c.id = Number(this.insertStmt.run(c.externalId, c.name, c.email, c.country, c.createdAt).lastInsertRowid);
  }
}
