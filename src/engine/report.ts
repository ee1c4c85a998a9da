import type { Db } from './db';
import type { Clock } from './clock';

export interface WeekReport {
  from: string;
  to: string;
  orders: number;
  revenueCents: number;
  previousOrders: number;
  previousRevenueCents: number;
  topProducts: { sku: string; name: string; units: number }[];
  /** Per day: customer messages and the share that were negative. */
  sentiment: { day: string; messages: number; negativeShare: number }[];
  openHandoffs: number;
  feedback: { positive: number; neutral: number; negative: number };
}

const DAY = 86_400_000;

/** The last seven days in numbers, against the seven before. */
export function weekReport(db: Db, clock: Clock): WeekReport {
  const now = clock.now().getTime();
  const iso = (t: number) => new Date(t).toISOString();
  const from = iso(now - 7 * DAY);
  const to = iso(now);
  const before = iso(now - 14 * DAY);
  const totals = db.prepare(
    `SELECT COUNT(*) AS orders, COALESCE(SUM(subtotal_cents - discount_cents), 0) AS revenue FROM orders
     WHERE placed_at >= ? AND placed_at < ? AND status <> 'cancelled'`,
  );
  const current = totals.get(from, to) as { orders: number; revenue: number };
  const previous = totals.get(before, from) as { orders: number; revenue: number };
  const topProducts = db
    .prepare(
      `SELECT p.sku, p.name, SUM(s.quantity) AS units FROM sales s JOIN products p ON p.id = s.product_id
       WHERE s.placed_at >= ? AND s.placed_at < ? GROUP BY p.id ORDER BY units DESC, p.sku LIMIT 5`,
    )
    .all(from, to) as WeekReport['topProducts'];
  const sentiment = (
    db
      .prepare(
        `SELECT substr(created_at, 1, 10) AS day, COUNT(*) AS messages, AVG(sentiment = 'negative') AS negativeShare
         FROM transcripts WHERE direction = 'in' AND sentiment IS NOT NULL AND created_at >= ? AND created_at < ?
         GROUP BY day ORDER BY day`,
      )
      .all(from, to) as WeekReport['sentiment']
  ).map((d) => ({ ...d, negativeShare: Math.round(d.negativeShare * 1000) / 1000 }));
  const openHandoffs = (db.prepare("SELECT COUNT(*) AS n FROM handoff_tickets WHERE status = 'open'").get() as { n: number }).n;
  const feedback = { positive: 0, neutral: 0, negative: 0 };
  for (const r of db.prepare('SELECT sentiment, COUNT(*) AS n FROM feedback WHERE created_at >= ? AND created_at < ? GROUP BY sentiment').all(from, to) as {
    sentiment: keyof WeekReport['feedback'];
    n: number;
  }[]) {
    feedback[r.sentiment] = r.n;
  }
  return {
    from,
    to,
    orders: current.orders,
    revenueCents: current.revenue,
    previousOrders: previous.orders,
    previousRevenueCents: previous.revenue,
    topProducts,
    sentiment,
    openHandoffs,
    feedback,
  };
}
