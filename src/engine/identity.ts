import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { Db } from './db';
import { prepared } from './prepared';
import type { Clock } from './clock';
import { EngineError, invalid } from './errors';
import { CustomerRepo, type Customer } from './repos/customers';

const CODE_TTL_MS = 10 * 60 * 1000;
const MAX_ATTEMPTS = 5;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/;

/** An address we can store and send a code to (RFC 5321 lengths: 64 before the @, 254 in all). */
export function isEmailAddress(text: string | undefined): text is string {
  const address = text?.trim().toLowerCase();
  return address !== undefined && address.length <= 254 && EMAIL.test(address);
}

export interface LinkStart {
  /** The one-time code. A real store emails it; the demo shows it in chat. */
  code: string;
  existingCustomer: boolean;
  expiresAt: string;
}

/** Links a chat user to a customer record by email and a one-time code. */
export class Identity {
  private readonly customers: CustomerRepo;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.customers = new CustomerRepo(db);
  }

  customerFor(userId: string): Customer | undefined {
    const row = prepared(this.db, 'SELECT customer_id FROM customer_links WHERE user_id = ?').get(userId) as { customer_id: number } | undefined;
    return row ? this.customers.byId(row.customer_id) : undefined;
  }

  startLink(userId: string, email: string): LinkStart {
    const address = email.trim().toLowerCase();
    if (!isEmailAddress(address)) throw invalid(`"${email}" does not look like an email address`);
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const expiresAt = new Date(this.clock.now().getTime() + CODE_TTL_MS).toISOString();
    prepared(this.db, `INSERT INTO link_codes (user_id, email, code_hash, expires_at, attempts) VALUES (?, ?, ?, ?, 0)
        ON CONFLICT(user_id) DO UPDATE SET email = excluded.email, code_hash = excluded.code_hash, expires_at = excluded.expires_at, attempts = 0`)
      .run(userId, address, hash(userId, code), expiresAt);
    return { code, existingCustomer: this.customers.byEmail(address) !== undefined, expiresAt };
  }

  /** Checks the code; on success links the user (creating the customer for a new email). */
  verify(userId: string, code: string): Customer {
    const pending = prepared(this.db, 'SELECT * FROM link_codes WHERE user_id = ?').get(userId) as
      | { email: string; code_hash: string; expires_at: string; attempts: number }
      | undefined;
    if (!pending) throw new EngineError('not_found', 'no sign-in is in progress');
    if (pending.expires_at < this.clock.now().toISOString()) throw new EngineError('forbidden', 'that code has expired');
    if (pending.attempts >= MAX_ATTEMPTS) throw new EngineError('forbidden', 'too many wrong codes');
    const given = Buffer.from(hash(userId, code.trim()));
    if (!timingSafeEqual(given, Buffer.from(pending.code_hash))) {
      prepared(this.db, 'UPDATE link_codes SET attempts = attempts + 1 WHERE user_id = ?').run(userId);
      throw new EngineError('forbidden', 'that code is not right');
    }
    return this.db.transaction(() => {
      const now = this.clock.now().toISOString();
      const existing = this.customers.byEmail(pending.email);
      const id = existing?.id ?? this.customers.insert({ name: pending.email.split('@')[0], email: pending.email, createdAt: now });
      prepared(this.db, `INSERT INTO customer_links (user_id, customer_id, linked_at) VALUES (?, ?, ?)
          ON CONFLICT(user_id) DO UPDATE SET customer_id = excluded.customer_id, linked_at = excluded.linked_at`)
        .run(userId, id, now);
      prepared(this.db, 'DELETE FROM link_codes WHERE user_id = ?').run(userId);
      return this.customers.byId(id)!;
    })();
  }

  unlink(userId: string): void {
    prepared(this.db, 'DELETE FROM customer_links WHERE user_id = ?').run(userId);
  }
}

const hash = (userId: string, code: string) => createHash('sha256').update(`${userId}\n${code}`).digest('hex');
