import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDate, seriesFromCsv } from '../../../src/engine/forecast/csvSeries';
import { evaluateSeries } from '../../../src/engine/forecast/evaluate';
import { ALL_MODELS } from '../../../src/engine/forecast/models';

const file = path.resolve(process.cwd(), '../shared/data/walmart_weekly_store_sales.csv');
const present = fs.existsSync(file);
if (!present) console.warn(`skipping the Walmart weekly forecast test: ${file} is not here`);

describe('CSV series', () => {
  it('reads dd/mm/yy dates and groups rows by key in date order', () => {
    expect(parseDate('05/02/10')).toBe(Date.UTC(2010, 1, 5));
    expect(parseDate('2010-02-05')).toBe(Date.UTC(2010, 1, 5));
    const s = seriesFromCsv('Store,Date,Sales\n1,12/02/10,5\n2,05/02/10,7\n1,05/02/10,3\n', { key: 'Store', date: 'Date', value: 'Sales' });
    expect([...s]).toEqual([['1', [3, 5]], ['2', [7]]]);
    expect(() => seriesFromCsv('a,b\n1,2\n', { key: 'Store', date: 'Date', value: 'Sales' })).toThrow(/columns/);
  });
});

describe.skipIf(!present)('weekly Walmart store sales (season 52)', () => {
  const stores = present ? seriesFromCsv(fs.readFileSync(file, 'utf8'), { key: 'Store', date: 'Date', value: 'Weekly_Sales' }) : new Map<string, number[]>();

  it('forecasts one store\'s next quarter with every model', () => {
    const y = stores.get('1')!;
    expect(y.length).toBeGreaterThan(130);
    for (const m of ALL_MODELS) {
      const f = m.forecast(y, 13, 52);
      expect(f, m.name).toHaveLength(13);
      for (const v of f) expect(v, m.name).toBeGreaterThan(0.5 * Math.min(...y));
    }
  });

  it('beats seasonal naive with Holt-Winters and the selector over the 45 stores', () => {
    const r = evaluateSeries([...stores.values()], { horizon: 13, season: 52, windows: 4 });
    expect(r.series).toBe(45);
    expect(r.models.holt_winters.mase).toBeLessThan(r.models.seasonal_naive.mase);
    expect(r.selected.mase).toBeLessThan(r.models.seasonal_naive.mase);
  });
});
