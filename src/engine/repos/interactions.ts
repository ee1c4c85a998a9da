import type { Db } from '../db';

export type InteractionKind = 'view' | 'click' | 'like' | 'dismiss' | 'cart_add';

/** What customers do with products in chat: views, likes, dismissals. */
export class InteractionRepo {
  private readonly insertStmt;
  private readonly dismissedStmt;

  constructor(db: Db) {
    this.insertStmt = db.prepare('INSERT INTO interactions (user_id, customer_id, product_id, kind, created_at) SELECT ?, ?, id, ?, ? FROM products WHERE id = ?');
    this.dismissedStmt = db.prepare(
      `SELECT DISTINCT product_id AS id FROM interactions WHERE kind = 'dismiss' AND (user_id = ? OR (customer_id IS NOT NULL AND customer_id = ?))`,
    );
  }

  /** Records it; false (and nothing written) when the product does not exist. */
  record(userId: string, customerId: number | null, productId: number, kind: InteractionKind, at: string): boolean {
    return this.insertStmt.run(userId, customerId, kind, at, productId).changes === 1;
  }

  /** Products this user (or the customer they are linked to) said they are not interested in. */
  dismissed(userId: string, customerId: number | null): number[] {
    return (this.dismissedStmt.all(userId, customerId ?? -1) as { id: number }[]).map((r) => r.id);
  }
}
