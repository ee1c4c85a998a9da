import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run as evalForecast } from '../../../src/cli/commands/evalForecast';
import { run as forecast } from '../../../src/cli/commands/forecast';
import { UsageError, type CliIO } from '../../../src/cli/io';
import { intermittent, noisyWeekly } from '../../engine/forecast/synthetic';
import { storeWith } from '../../engine/forecast/store';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopmate-forecast-'));
const file = path.join(dir, 'shop.db');

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t) };
  return { io, out, err };
}

beforeAll(() => {
  storeWith(
    [
      { sku: 'MUG', category: 'Kitchen', stock: 150, daily: noisyWeekly(120, 21) },
      { sku: 'LAMP', category: 'Lighting', stock: 30, daily: intermittent(120, 6, 2) },
    ],
    '2024-03-04',
    file,
  ).close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('shopmate forecast', () => {
  it('prints one JSON object with the contract keys, starting the day after the last sale', async () => {
    const c = capture();
    const chart = path.join(dir, 'mug.png');
    expect(await forecast(['--db', file, '--sku', 'MUG', '--json', '--chart', chart], c.io)).toBe(0);
    expect(c.out).toHaveLength(1);
    const j = JSON.parse(c.out[0]);
    for (const key of ['sku', 'model', 'backtest_mase', 'points', 'reorder_point', 'safety_stock', 'stockout_date']) expect(j).toHaveProperty(key);
    expect(j.sku).toBe('MUG');
    expect(j.points).toHaveLength(28);
    expect(j.points[0]).toEqual({ date: '2024-07-02', mean: expect.any(Number), lo: expect.any(Number), hi: expect.any(Number) });
    expect(j.stockout_date).toMatch(/^2024-07-\d\d$/);
    expect(j.reorder_point).toBeGreaterThan(j.safety_stock);
    expect(j.chart).toBe(chart);
    expect(fs.readFileSync(chart).subarray(1, 4).toString()).toBe('PNG');
  });

  it('forecasts a category or the whole store and honours --days, --lead-days and --today', async () => {
    const c = capture();
    await forecast(['--db', file, '--category', 'lighting', '--days', '7', '--lead-days', '3', '--today', '2024-06-01', '--json'], c.io);
    const j = JSON.parse(c.out[0]);
    expect(j.category).toBe('Lighting');
    expect(j.points).toHaveLength(7);
    expect(j.points[0].date).toBe('2024-06-01');
    expect(j.lead_days).toBe(3);
    const all = capture();
    await forecast(['--db', file, '--all'], all.io);
    expect(all.out[0]).toMatch(/All products: [\d.]+ units expected/);
  });

  it('rejects bad input with a one-line reason', async () => {
    const c = capture();
    await expect(forecast(['--db', file], c.io)).rejects.toThrow(UsageError);
    await expect(forecast(['--db', file, '--sku', 'NOPE'], c.io)).rejects.toThrow(/not found/);
    await expect(forecast(['--db', file, '--sku', 'MUG', '--service-level', '2'], c.io)).rejects.toThrow(UsageError);
    await expect(forecast(['--db', path.join(dir, 'missing.db'), '--sku', 'MUG'], c.io)).rejects.toThrow(UsageError);
  });
});

describe('shopmate eval forecast', () => {
  it('reports every model and the selector in the contract shape', async () => {
    const c = capture();
    expect(await evalForecast(['--db', file, '--horizon', '14', '--top', '2', '--json'], c.io)).toBe(0);
    const j = JSON.parse(c.out[0]);
    expect(j.horizon).toBe(14);
    expect(j.series).toBe(2);
    for (const name of ['seasonal_naive', 'holt_winters', 'croston', 'tsb', 'arima', 'ensemble']) {
      expect(Object.keys(j.models[name]).sort()).toEqual(['fit_ms', 'mase', 'smape', 'wape']);
    }
    expect(j.selected).toEqual(expect.objectContaining({ mase: expect.any(Number), smape: expect.any(Number), wape: expect.any(Number) }));
  });

  it('needs a database or a CSV', async () => {
    await expect(evalForecast([], capture().io)).rejects.toThrow(UsageError);
  });
});
