import type { Dataset } from './dataset';
import type { Lines } from './interactions';

/** The q-quantile of ascending values with linear interpolation (numpy's default). */
export function percentile(sorted: ArrayLike<number>, q: number): number {
  if (sorted.length === 0) throw new RangeError('percentile of nothing');
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export interface TemporalSplit {
  /** Orders placed strictly after this day (fractional days since the epoch) are the test set. */
  cutoff: number;
  /** Lines [0, trainEnd) are training; [trainEnd, end) are the test orders. */
  trainEnd: number;
  end: number;
  orders: { train: number; test: number };
}

/**
 * Hold out the orders after the q-quantile of order times (orders are distinct order ids, each
 * timed by its own time) among lines [0, end). Lines are sorted by time, so the split is a prefix.
 */
export function temporalSplit(lines: Lines, q = 0.9, end = lines.length): TemporalSplit {
  const times: number[] = [];
  for (let l = 0; l < end; l++) {
    if (l === 0 || lines.order[l] !== lines.order[l - 1]) times.push(lines.day[l]);
  }
  times.sort((a, b) => a - b);
  const cutoff = percentile(times, q);
  let trainEnd = 0;
  while (trainEnd < end && lines.day[trainEnd] <= cutoff) trainEnd++;
  let testOrders = 0;
  for (const t of times) if (t > cutoff) testOrders++;
  return { cutoff, trainEnd, end, orders: { train: times.length - testOrders, test: testOrders } };
}

/** One evaluated customer: dense user index and the relevant item sets of both settings. */
export interface Target {
  user: number;
  customerId: number;
  all: Int32Array;
  /** Relevant items the customer had not bought in training (may be empty: skipped in "new"). */
  fresh: Int32Array;
}

/**
 * Customers with history in `train` and purchases in lines [from, to); relevant = distinct
 * products bought there (only catalogue products count).
 */
export function evaluationTargets(train: Dataset, lines: Lines, from: number, to: number): Target[] {
  const bought = new Map<number, Set<number>>();
  for (let l = from; l < to; l++) {
    const u = train.userIndex.get(lines.customer[l]);
    const item = train.catalog.index.get(lines.product[l]);
    if (u === undefined || item === undefined) continue;
    let s = bought.get(u);
    if (!s) bought.set(u, (s = new Set()));
    s.add(item);
  }
  const targets: Target[] = [];
  for (const [user, set] of [...bought].sort((a, b) => a[0] - b[0])) {
    const past = new Set(train.uItem.subarray(train.uPtr[user], train.uPtr[user + 1]));
    const all = Int32Array.from([...set].sort((a, b) => a - b));
    targets.push({ user, customerId: train.userIds[user], all, fresh: all.filter((i) => !past.has(i)) });
  }
  return targets;
}
