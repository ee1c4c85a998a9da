import type { Db } from '../db';
import { inControlGroup } from './controlGroup';
import { targets } from './eligibility';
import type { CustomerOutcome } from './uplift';
import type { Promotion } from './types';

/**
 * Every customer the promotion targeted during [startsAt, to), split by control assignment, with
 * whether they placed an order in the window and their revenue in it (kept lines minus the order's
 * discount, cancelled orders excluded). Customers created after the window are not counted.
 * Segment targets use the segment the customer has now (segments are not stored historically).
 */
export function loadOutcomes(
  db: Db,
  p: Promotion,
  to: string,
  segmentOf?: (customerId: number) => string | undefined,
): { treated: CustomerOutcome[]; control: CustomerOutcome[] } {
  const revenue = new Map<number, number>();
  const rows = db
    .prepare(
      `SELECT customer_id AS customerId, SUM(net) AS revenue FROM (
         SELECT o.customer_id, MAX(0, SUM(i.quantity * i.unit_price_cents) - o.discount_cents) AS net
         FROM orders o JOIN order_items i ON i.order_id = o.id AND i.cancelled = 0
         WHERE o.placed_at >= ? AND o.placed_at < ? AND o.status <> 'cancelled' AND o.customer_id IS NOT NULL
         GROUP BY o.id)
       GROUP BY customer_id`,
    )
    .all(p.startsAt, to) as { customerId: number; revenue: number }[];
  for (const r of rows) revenue.set(r.customerId, r.revenue);

  const treated: CustomerOutcome[] = [];
  const control: CustomerOutcome[] = [];
  for (const id of population(db, p, to)) {
    if (!targets(p.target, id, p.target.kind === 'segment' ? segmentOf?.(id) : undefined)) continue;
    const outcome = { converted: revenue.has(id), revenueCents: revenue.get(id) ?? 0 };
    (inControlGroup(p.id, id, p.controlShare) ? control : treated).push(outcome);
  }
  return { treated, control };
}

function population(db: Db, p: Promotion, to: string): number[] {
  if (p.target.kind === 'customers') return p.target.customerIds;
  const rows = db.prepare('SELECT id FROM customers WHERE created_at < ? ORDER BY id').all(to) as { id: number }[];
  return rows.map((r) => r.id);
}
