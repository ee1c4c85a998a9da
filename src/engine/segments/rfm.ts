import type { Db } from '../db';

const DAY_MS = 86_400_000;

/** One customer's recency, frequency and monetary value, in original units, from the `sales` view. */
export interface RfmRow {
  customerId: number;
  /** Whole days from the last order to `today`. */
  recencyDays: number;
  /** Distinct orders. */
  frequency: number;
  /** Total spend in cents. */
  monetaryCents: number;
  /** Whole days from the first order to `today` (the customer's observed tenure). */
  tenureDays: number;
}

interface Row {
  customer_id: number;
  frequency: number;
  monetary: number;
  first_at: string;
  last_at: string;
}

/** RFM per customer over the orders placed before `today` (customers without a purchase are left out). */
export function loadRfm(db: Db, today: Date): RfmRow[] {
  const rows = db
    .prepare(
      `SELECT customer_id, COUNT(DISTINCT order_id) AS frequency, SUM(quantity * unit_price_cents) AS monetary,
              MIN(placed_at) AS first_at, MAX(placed_at) AS last_at
       FROM sales WHERE customer_id IS NOT NULL AND placed_at < ?
       GROUP BY customer_id ORDER BY customer_id`,
    )
    .all(today.toISOString()) as Row[];
  const now = today.getTime();
  return rows.map((r) => ({
    customerId: r.customer_id,
    recencyDays: Math.max(0, Math.floor((now - Date.parse(r.last_at)) / DAY_MS)),
    frequency: r.frequency,
    monetaryCents: r.monetary,
    tenureDays: Math.max(0, Math.floor((now - Date.parse(r.first_at)) / DAY_MS)),
  }));
}

/** The start of the UTC day after the last order in the store: the CLI's default "today". */
export function dayAfterLastOrder(db: Db): Date | undefined {
  const row = db.prepare('SELECT MAX(placed_at) AS last FROM sales').get() as { last: string | null };
  if (!row.last) return undefined;
  const last = new Date(row.last);
  return new Date(Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), last.getUTCDate() + 1));
}

/** Mean and (population) standard deviation per feature, to standardise and to map centroids back. */
export interface Scaler {
  mean: number[];
  sd: number[];
}

/** log1p of each RFM feature: all three are heavy-tailed counts or amounts. */
export function logFeatures(rows: RfmRow[]): number[][] {
  return rows.map((r) => [Math.log1p(r.recencyDays), Math.log1p(r.frequency), Math.log1p(r.monetaryCents / 100)]);
}

export function fitScaler(data: number[][]): Scaler {
  const dims = data[0]?.length ?? 0;
  const mean = new Array<number>(dims).fill(0);
  const sd = new Array<number>(dims).fill(0);
  for (const row of data) for (let d = 0; d < dims; d++) mean[d] += row[d] / data.length;
  for (const row of data) for (let d = 0; d < dims; d++) sd[d] += (row[d] - mean[d]) ** 2 / data.length;
  return { mean, sd: sd.map((v) => Math.sqrt(v)) };
}

export function standardise(data: number[][], s: Scaler): number[][] {
  return data.map((row) => row.map((v, d) => (s.sd[d] > 0 ? (v - s.mean[d]) / s.sd[d] : 0)));
}

/** A centroid in standardised log space back in original units (recency days, orders, currency units). */
export function centroidToOriginal(z: number[], s: Scaler): { recencyDays: number; frequency: number; monetary: number } {
  const [r, f, m] = z.map((v, d) => Math.expm1(v * s.sd[d] + s.mean[d]));
  return { recencyDays: r, frequency: f, monetary: m };
}
