import type { RfmRow } from './rfm';

/**
 * A simple 12-month revenue lifetime value.
 *
 *   CLV(customer) = AOV x orders per year x retention(segment) x 1 year
 *
 * - AOV = the customer's spend / orders;
 * - orders per year = orders / observed tenure in years, tenure = days from the first order to today,
 *   floored at `minTenureDays` (90) so a one-week-old customer is not extrapolated to 52 orders a year;
 * - retention(segment) = share of the segment's customers who ordered within the last `activeDays` (90):
 *   the chance that a customer like these is still buying, used as the probability of the next year's orders.
 *
 * A segment's CLV is the mean over its customers. Revenue, not margin: imported data has no costs.
 */
export interface ClvOptions {
  minTenureDays?: number;
  activeDays?: number;
}

export interface SegmentClv {
  /** Mean 12-month CLV per customer, in cents. */
  clvCents: number;
  avgOrderValueCents: number;
  ordersPerYear: number;
  retention: number;
}

export function ordersPerYear(row: RfmRow, minTenureDays = 90): number {
  return row.frequency / (Math.max(row.tenureDays, minTenureDays) / 365);
}

export function retentionOf(rows: RfmRow[], activeDays = 90): number {
  if (!rows.length) return 0;
  return rows.filter((r) => r.recencyDays <= activeDays).length / rows.length;
}

/** CLV in cents of one customer given their segment's retention. */
export function customerClvCents(row: RfmRow, retention: number, options: ClvOptions = {}): number {
  const aov = row.frequency > 0 ? row.monetaryCents / row.frequency : 0;
  return Math.round(aov * ordersPerYear(row, options.minTenureDays) * retention);
}

export function segmentClv(rows: RfmRow[], options: ClvOptions = {}): SegmentClv {
  const retention = retentionOf(rows, options.activeDays);
  const orders = rows.reduce((s, r) => s + r.frequency, 0);
  const spend = rows.reduce((s, r) => s + r.monetaryCents, 0);
  const clv = rows.reduce((s, r) => s + customerClvCents(r, retention, options), 0);
  return {
    clvCents: rows.length ? Math.round(clv / rows.length) : 0,
    avgOrderValueCents: orders ? Math.round(spend / orders) : 0,
    ordersPerYear: rows.length ? rows.reduce((s, r) => s + ordersPerYear(r, options.minTenureDays), 0) / rows.length : 0,
    retention,
  };
}
