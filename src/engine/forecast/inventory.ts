import { probit } from 'simple-statistics';

/**
 * Stock arithmetic from a forecast and its backtest errors (actual - forecast):
 *   lead-time demand = Σ forecast over the lead time + the backtest's mean lead-time error (bias),
 *   safety stock     = z(service level) × σ of the lead-time error,
 *   reorder point    = lead-time demand + safety stock,
 *   stockout day     = first day the cumulative forecast exceeds the stock on hand.
 */

/** Sums of `leadDays` consecutive errors inside each window (overlapping), the lead-time demand errors. */
export function leadTimeErrors(windowErrors: readonly (readonly number[])[], leadDays: number): number[] {
  const sums: number[] = [];
  for (const errors of windowErrors) {
    if (errors.length < leadDays) continue;
    let sum = 0;
    for (let i = 0; i < errors.length; i++) {
      sum += errors[i];
      if (i >= leadDays) sum -= errors[i - leadDays];
      if (i >= leadDays - 1) sums.push(sum);
    }
  }
  return sums;
}

export interface LeadTimeError {
  bias: number;
  sigma: number;
  n: number;
}

/** Mean and standard deviation of the lead-time errors; with fewer than 5 of them, σ of daily errors × √lead. */
export function leadTimeError(windowErrors: readonly (readonly number[])[], leadDays: number): LeadTimeError {
  const sums = leadTimeErrors(windowErrors, leadDays);
  if (sums.length >= 5) {
    const bias = sums.reduce((a, b) => a + b, 0) / sums.length;
    const variance = sums.reduce((a, b) => a + (b - bias) ** 2, 0) / (sums.length - 1);
    return { bias, sigma: Math.sqrt(variance), n: sums.length };
  }
  const daily = windowErrors.flat();
  if (daily.length < 2) return { bias: 0, sigma: 0, n: 0 };
  const m = daily.reduce((a, b) => a + b, 0) / daily.length;
  const sd = Math.sqrt(daily.reduce((a, b) => a + (b - m) ** 2, 0) / (daily.length - 1));
  return { bias: m * leadDays, sigma: sd * Math.sqrt(leadDays), n: daily.length };
}

export function zScore(serviceLevel: number): number {
  if (!(serviceLevel > 0 && serviceLevel < 1)) throw new RangeError(`service level must be in (0, 1), got ${serviceLevel}`);
  return probit(serviceLevel);
}

export function safetyStock(sigmaLeadTime: number, serviceLevel: number): number {
  return Math.max(0, zScore(serviceLevel) * sigmaLeadTime);
}

/** Expected demand over the lead time (forecast plus measured bias, never negative). */
export function leadTimeDemand(forecast: readonly number[], leadDays: number, bias = 0): number {
  let sum = 0;
  for (let i = 0; i < Math.min(leadDays, forecast.length); i++) sum += forecast[i];
  return Math.max(0, sum + bias);
}

export function reorderPoint(forecast: readonly number[], leadDays: number, safety: number, bias = 0): number {
  return leadTimeDemand(forecast, leadDays, bias) + safety;
}

/** Index of the first day whose cumulative forecast exceeds `stock`, or undefined when it never does. */
export function stockoutIndex(stock: number, forecast: readonly number[]): number | undefined {
  let cumulative = 0;
  for (let i = 0; i < forecast.length; i++) {
    cumulative += forecast[i];
    if (cumulative > stock) return i;
  }
  return undefined;
}
