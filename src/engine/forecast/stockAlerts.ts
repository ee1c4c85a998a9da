import type { Db } from '../db';
import { addDays } from './dates';
import { FORECAST_DEFAULTS, forecastSeries, todayOf, type ForecastOptions } from './demand';
import { manyProductSeries } from './series';

/**
 * `/stock`: products whose forecast runs out before a delivery ordered today would arrive.
 * Forecasting every product is too slow for a chat reply, so a cheap screen comes first: products that
 * sold in the last eight weeks and whose stock covers less than `screenFactor` × the lead time at their
 * recent daily rate; only those get a forecast, a quick one (Holt-Winters or TSB, see ForecastOptions).
 */
export interface StockAlert {
  sku: string;
  name: string;
  stock: number;
  stockoutDate: string;
  reorderPoint: number;
  safetyStock: number;
  expectedUnits: number;
  model: string;
}

export interface StockAlertOptions extends ForecastOptions {
  /** At most this many products get a full forecast (the ones with the least cover). */
  maxCandidates?: number;
  screenFactor?: number;
}

interface Candidate {
  id: number;
  sku: string;
  name: string;
  stock: number;
  units: number;
}

export function stockAlerts(db: Db, o: StockAlertOptions): StockAlert[] {
  const leadDays = o.leadDays ?? FORECAST_DEFAULTS.leadDays;
  const today = todayOf(o.clock);
  const end = addDays(today, -1);
  const since = `${addDays(today, -56)}T00:00:00.000Z`;
  const until = `${today}T00:00:00.000Z`;
  const recent = db
    .prepare(`SELECT p.id, p.sku, p.name, p.stock, SUM(s.quantity) AS units FROM sales s JOIN products p ON p.id = s.product_id
              WHERE s.placed_at >= ? AND s.placed_at < ? AND p.active = 1 GROUP BY p.id`)
    .all(since, until) as Candidate[];
  const factor = o.screenFactor ?? 3;
  const screened = recent
    .map((c) => ({ ...c, cover: c.stock / (c.units / 56) }))
    .filter((c) => c.cover < factor * leadDays)
    .sort((a, b) => a.cover - b.cover)
    .slice(0, o.maxCandidates ?? 50);
  const series = manyProductSeries(db, screened.map((c) => c.id), end);
  const deliveryDay = addDays(today, leadDays);
  const alerts: StockAlert[] = [];
  for (const c of screened) {
    const f = forecastSeries(series.get(c.id)!, c.stock, { quick: true, ...o, days: Math.max(o.days ?? 0, leadDays) }, { scope: 'sku', key: c.sku, label: c.name });
    if (f.stockoutDate && f.stockoutDate < deliveryDay) {
      alerts.push({ sku: c.sku, name: c.name, stock: c.stock, stockoutDate: f.stockoutDate, reorderPoint: f.reorderPoint, safetyStock: f.safetyStock, expectedUnits: f.expectedUnits, model: f.model });
    }
  }
  return alerts.sort((a, b) => a.stockoutDate.localeCompare(b.stockoutDate) || a.sku.localeCompare(b.sku));
}
