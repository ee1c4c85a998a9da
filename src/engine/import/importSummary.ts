/**
 * What an import did, line by line. Every data line of the file lands in exactly one bucket:
 * `order_lines` (stored purchase lines), `cancellations.lines` (applied reversals) or one of
 * `skipped.*`, so `lines = order_lines + cancellations.lines + Σ skipped`.
 */
export type SkipReason = 'no_customer' | 'non_product' | 'non_positive_quantity' | 'non_positive_price' | 'malformed' | 'existing';

export interface LineError {
  line: number;
  reason: string;
}

export interface ImportSummary {
  format: string;
  /** Data lines read (the header is not counted). */
  lines: number;
  /** New orders (one per invoice / order number). */
  orders: number;
  /** New order lines stored. */
  order_lines: number;
  /** New customers and products created by this import. */
  customers: number;
  products: number;
  /** Cancellation lines applied: matched ones mark the purchase they reverse as cancelled. */
  cancellations: { lines: number; matched: number; unmatched: number };
  /** `existing`: lines of orders / cancellations already imported (re-imports add nothing). */
  skipped: Record<SkipReason, number>;
  /** Malformed lines with their line numbers in the file (the header is line 1); capped, see error_count. */
  errors: LineError[];
  error_count: number;
  /** Time range of the stored orders, ISO UTC, null when none were stored. */
  period: { from: string | null; to: string | null };
  seconds: number;
}

export const MAX_LISTED_ERRORS = 100;

export function emptySummary(format: string): ImportSummary {
  return {
    format,
    lines: 0,
    orders: 0,
    order_lines: 0,
    customers: 0,
    products: 0,
    cancellations: { lines: 0, matched: 0, unmatched: 0 },
    skipped: { no_customer: 0, non_product: 0, non_positive_quantity: 0, non_positive_price: 0, malformed: 0, existing: 0 },
    errors: [],
    error_count: 0,
    period: { from: null, to: null },
    seconds: 0,
  };
}

/** Counts a malformed line and lists it while the list is under the cap. */
export function recordError(summary: ImportSummary, error: LineError, maxListed = MAX_LISTED_ERRORS): void {
  summary.skipped.malformed++;
  summary.error_count++;
  if (summary.errors.length < maxListed) summary.errors.push(error);
}

/** Sum of every bucket a line can land in; equals `lines` when the import accounted for every line. */
export function accountedLines(s: ImportSummary): number {
  return s.order_lines + s.cancellations.lines + Object.values(s.skipped).reduce((a, b) => a + b, 0);
}
