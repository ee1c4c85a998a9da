import type { Db } from '../db';

export interface Customer {
  id: number;
  externalId: string | null;
  name: string;
  email: string | null;
  country: string;
  createdAt: string;
}

interface Row {
  id: number;
  external_id: string | null;
  name: string;
  email: string | null;
  country: string;
  created_at: string;
}

const toCustomer = (r: Row): Customer => ({
  id: r.id,
  externalId: r.external_id,
  name: r.name,
  email: r.email,
  country: r.country,
  createdAt: r.created_at,
});

export class CustomerRepo {
  private readonly byIdStmt;
  private readonly byEmailStmt;
  private readonly byExternalStmt;
  private readonly insertStmt;

  constructor(private readonly db: Db) {
    this.byIdStmt = db.prepare('SELECT * FROM customers WHERE id = ?');
    this.byEmailStmt = db.prepare('SELECT * FROM customers WHERE email = ?');
    this.byExternalStmt = db.prepare('SELECT * FROM customers WHERE external_id = ?');
    this.insertStmt = db.prepare(`INSERT INTO customers (external_id, name, email, country, created_at)
      VALUES (@externalId, @name, @email, @country, @createdAt)`);
  }

  byId(id: number): Customer | undefined {
    const row = this.byIdStmt.get(id) as Row | undefined;
    return row && toCustomer(row);
  }

  byEmail(email: string): Customer | undefined {
    const row = this.byEmailStmt.get(email.trim()) as Row | undefined;
    return row && toCustomer(row);
  }

  byExternalId(externalId: string): Customer | undefined {
    const row = this.byExternalStmt.get(externalId) as Row | undefined;
    return row && toCustomer(row);
  }

  insert(c: Omit<Customer, 'id' | 'externalId' | 'email' | 'country'> & Partial<Pick<Customer, 'externalId' | 'email' | 'country'>>): number {
    const info = this.insertStmt.run({ externalId: null, email: null, country: '', ...c });
    return Number(info.lastInsertRowid);
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM customers').get() as { n: number }).n;
  }
}
