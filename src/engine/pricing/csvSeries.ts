import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { invalid } from '../errors';
import type { ElasticityData } from './elasticity';

export interface CsvSeriesOptions {
  /** Keep rows whose column equals the value (case-insensitive), e.g. { region: 'TotalUS', type: 'organic' }. */
  filters?: Record<string, string>;
  priceColumn?: string;
  quantityColumn?: string;
  dateColumn?: string;
  promoColumn?: string;
}

export interface CsvSeries extends ElasticityData {
  dates: string[];
  columns: { price: string; quantity: string; date?: string; promo?: string };
}

const find = (headers: string[], wanted: string | undefined, pattern: RegExp) =>
  wanted ? headers.find((h) => h.toLowerCase() === wanted.toLowerCase()) : headers.find((h) => pattern.test(h));

/**
 * A price/volume series from a CSV file: one row per period (the Kaggle avocado layout works as is:
 * Date, AveragePrice, Total Volume, type, region). Columns are found by name (price; volume,
 * quantity, units; date, week; promo) unless given. Rows with the same date are summed (volume) and
 * volume-weighted (price). Sorted by date.
 */
export function readCsvSeries(file: string, options: CsvSeriesOptions = {}): CsvSeries {
  const records = parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
  if (!records.length) throw invalid(`${file} has no rows`);
  const headers = Object.keys(records[0]);
  const price = find(headers, options.priceColumn, /price/i);
  const quantity = find(headers, options.quantityColumn, /volume|quantity|units|\bqty\b|sales/i);
  const date = find(headers, options.dateColumn, /date|week|period/i);
  const promo = find(headers, options.promoColumn, /promo/i);
  if (!price || !quantity) throw invalid(`${file}: needs a price and a quantity column, found ${headers.join(', ')}`);
  for (const column of Object.keys(options.filters ?? {})) {
    if (!headers.some((h) => h.toLowerCase() === column.toLowerCase())) throw invalid(`${file}: no column "${column}" to filter on`);
  }
  const matches = (r: Record<string, string>) =>
    Object.entries(options.filters ?? {}).every(([col, value]) => {
      const h = headers.find((x) => x.toLowerCase() === col.toLowerCase()) as string;
      return r[h].toLowerCase() === value.toLowerCase();
    });
  const byDate = new Map<string, { revenue: number; volume: number; promo: number; rows: number }>();
  records.filter(matches).forEach((r, i) => {
    const p = Number(r[price]);
    const q = Number(r[quantity]);
    if (!Number.isFinite(p) || !Number.isFinite(q)) return;
    const key = date ? r[date] : String(i).padStart(9, '0');
    const acc = byDate.get(key) ?? { revenue: 0, volume: 0, promo: 0, rows: 0 };
    acc.revenue += p * q;
    acc.volume += q;
    acc.promo += promo ? Number(r[promo]) || 0 : 0;
    acc.rows += 1;
    byDate.set(key, acc);
  });
  if (!byDate.size) throw invalid(`${file}: no rows match ${JSON.stringify(options.filters ?? {})}`);
  const keys = [...byDate.keys()].sort();
  const rows = keys.map((k) => byDate.get(k) as { revenue: number; volume: number; promo: number; rows: number });
  return {
    dates: keys,
    price: rows.map((r) => (r.volume > 0 ? r.revenue / r.volume : NaN)),
    quantity: rows.map((r) => r.volume),
    ...(promo && { promo: rows.map((r) => r.promo / r.rows) }),
    columns: { price, quantity, date, promo },
  };
}
