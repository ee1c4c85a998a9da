import type { Db } from '../db';
import { notFound } from '../errors';
import { ProductRepo } from '../repos/products';
import { addDays } from './dates';
import { FORECAST_DEFAULTS, forecastSeries, todayOf, type DemandForecast, type ForecastOptions } from './demand';
import { evaluateSeries, type Evaluation } from './evaluate';
import { lastSaleDay, manyProductSeries, productsSeries, storeSeries, topProducts, type DailySeries } from './series';

/** The forecasting facade: what the bot's /forecast and /stock and the CLI ask for. */
export { FORECAST_DEFAULTS, type DemandForecast, type ForecastOptions, type ForecastPoint } from './demand';
export { stockAlerts, type StockAlert, type StockAlertOptions } from './stockAlerts';
export { lastSaleDay } from './series';

export function forecastSku(db: Db, sku: string, o: ForecastOptions): DemandForecast {
  const product = new ProductRepo(db).bySku(sku);
  if (!product) throw notFound(`product ${sku}`);
  const end = addDays(todayOf(o.clock), -1);
  return forecastSeries(productsSeries(db, [product.id], end), product.stock, o, { scope: 'sku', key: product.sku, label: product.name });
}

export function forecastCategory(db: Db, category: string, o: ForecastOptions): DemandForecast {
  const rows = db.prepare('SELECT id, stock, category FROM products WHERE category = ? COLLATE NOCASE AND active = 1').all(category) as { id: number; stock: number; category: string }[];
  if (rows.length === 0) throw notFound(`category ${category}`);
  const end = addDays(todayOf(o.clock), -1);
  const stock = rows.reduce((s, r) => s + Math.max(0, r.stock), 0);
  const series = productsSeries(db, rows.map((r) => r.id), end);
  return forecastSeries(series, stock, o, { scope: 'category', key: rows[0].category, label: rows[0].category });
}

export function forecastAll(db: Db, o: ForecastOptions): DemandForecast {
  const end = addDays(todayOf(o.clock), -1);
  const { stock } = db.prepare('SELECT COALESCE(SUM(MAX(stock, 0)), 0) AS stock FROM products WHERE active = 1').get() as { stock: number };
  return forecastSeries(storeSeries(db, end), stock, o, { scope: 'all', key: 'all', label: 'All products' });
}

export interface EvaluateForecastOptions {
  horizon?: number;
  top?: number;
  windows?: number;
  step?: number;
  onProgress?: (done: number, total: number) => void;
}

/**
 * `eval forecast`: daily units of the `top` products by units sold, each zero-filled from its first
 * sale to the last sale day in the data; the last `horizon` days are held out.
 */
export function evaluateForecast(db: Db, o: EvaluateForecastOptions = {}): Evaluation & { top: number; end: string | null } {
  const horizon = o.horizon ?? 28;
  const top = o.top ?? 100;
  const end = lastSaleDay(db);
  const products = end ? topProducts(db, top) : [];
  const byProduct = end ? manyProductSeries(db, products.map((p) => p.productId), end) : new Map<number, DailySeries>();
  const series = products.map((p) => byProduct.get(p.productId)!.values);
  const result = evaluateSeries(series, { horizon, season: FORECAST_DEFAULTS.season, windows: o.windows, step: o.step, onProgress: o.onProgress });
  return { ...result, top, end: end ?? null };
}
