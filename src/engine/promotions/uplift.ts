import { tCritical } from '../pricing/studentT';

/** One eligible customer's result over the promotion window. */
export interface CustomerOutcome {
  converted: boolean;
  revenueCents: number;
}

export interface Interval {
  /** null when a group is empty. */
  estimate: number | null;
  /** null when a group is too small (fewer than 2 customers) to say anything. */
  ci: [number, number] | null;
}

const Z95 = 1.959963984540054;

/** Difference of two proportions x1/n1 − x0/n0 with the normal-approximation (Wald) 95% interval. */
export function proportionDifference(x1: number, n1: number, x0: number, n0: number): Interval {
  if (n1 === 0 || n0 === 0) return { estimate: null, ci: null };
  const p1 = x1 / n1;
  const p0 = x0 / n0;
  const estimate = p1 - p0;
  if (n1 < 2 || n0 < 2) return { estimate, ci: null };
  const se = Math.sqrt((p1 * (1 - p1)) / n1 + (p0 * (1 - p0)) / n0);
  return { estimate, ci: [estimate - Z95 * se, estimate + Z95 * se] };
}

export function meanAndVariance(xs: number[]): { mean: number; variance: number } {
  const n = xs.length;
  if (n === 0) return { mean: 0, variance: 0 };
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  const variance = n > 1 ? xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1) : 0;
  return { mean, variance };
}

/** Difference of two means with Welch's 95% interval (Welch–Satterthwaite degrees of freedom). */
export function welchDifference(treated: number[], control: number[]): Interval & { df: number } {
  if (treated.length === 0 || control.length === 0) return { estimate: null, ci: null, df: NaN };
  const a = meanAndVariance(treated);
  const b = meanAndVariance(control);
  const estimate = a.mean - b.mean;
  if (treated.length < 2 || control.length < 2) return { estimate, ci: null, df: NaN };
  const va = a.variance / treated.length;
  const vb = b.variance / control.length;
  const se = Math.sqrt(va + vb);
  if (se === 0) return { estimate, ci: [estimate, estimate], df: Infinity };
  const df = (va + vb) ** 2 / (va ** 2 / (treated.length - 1) + vb ** 2 / (control.length - 1));
  const t = tCritical(0.95, df);
  return { estimate, ci: [estimate - t * se, estimate + t * se], df };
}

export interface GroupSummary {
  customers: number;
  conversion: number;
  revenue_per_customer: number;
}

export function summarise(group: CustomerOutcome[]): GroupSummary {
  const n = group.length;
  return {
    customers: n,
    conversion: n > 0 ? group.filter((g) => g.converted).length / n : 0,
    revenue_per_customer: n > 0 ? group.reduce((s, g) => s + g.revenueCents, 0) / n : 0,
  };
}

/** Treated vs control: incremental conversion and revenue per customer, each with a 95% interval. */
export function compareGroups(treated: CustomerOutcome[], control: CustomerOutcome[]) {
  const conv = proportionDifference(
    treated.filter((g) => g.converted).length,
    treated.length,
    control.filter((g) => g.converted).length,
    control.length,
  );
  const rev = welchDifference(
    treated.map((g) => g.revenueCents),
    control.map((g) => g.revenueCents),
  );
  return {
    treated: summarise(treated),
    control: summarise(control),
    incremental_conversion: conv.estimate,
    ci: conv.ci,
    incremental_revenue_per_customer: rev.estimate,
    revenue_ci: rev.ci,
  };
}
