import { describe, expect, it } from 'vitest';
import { fixedClock } from '../../../src/engine/clock';
import { EngineError } from '../../../src/engine/errors';
import { addDays } from '../../../src/engine/forecast/dates';
import { evaluateForecast, forecastAll, forecastCategory, forecastSku, stockAlerts } from '../../../src/engine/forecast/forecaster';
import { ALL_MODELS } from '../../../src/engine/forecast/models';
import { intermittent, noisyWeekly } from './synthetic';
import { storeWith } from './store';

const START = '2024-01-01';
const DAYS = 168;
const today = addDays(START, DAYS); // the day after the last sale
const clock = fixedClock(`${today}T09:30:00.000Z`);
const db = storeWith(
  [
    { sku: 'MUG', category: 'Kitchen', stock: 100, daily: noisyWeekly(DAYS, 11) },
    { sku: 'JUG', category: 'Kitchen', stock: 100_000, daily: noisyWeekly(DAYS, 12) },
    { sku: 'LAMP', category: 'Lighting', stock: 40, daily: intermittent(DAYS, 9, 4) },
  ],
  START,
);

describe('forecastSku', () => {
  const f = forecastSku(db, 'mug', { clock });

  it('forecasts daily points from today with ordered, non-negative intervals', () => {
    expect(f.key).toBe('MUG');
    expect(f.points).toHaveLength(28);
    expect(f.points[0].date).toBe(today);
    expect(f.points[27].date).toBe(addDays(today, 27));
    for (const p of f.points) {
      expect(p.lo).toBeGreaterThanOrEqual(0);
      expect(p.lo).toBeLessThanOrEqual(p.mean);
      expect(p.hi).toBeGreaterThanOrEqual(p.mean);
    }
    expect(f.expectedUnits).toBeCloseTo(f.points.reduce((s, p) => s + p.mean, 0), 0);
  });

  it('follows the weekly pattern and beats seasonal naive in the backtest', () => {
    // the pattern [10, 12, 15, 20, 30, 0, 5] repeats from START, a Monday
    const weekday = (d: string) => (new Date(`${d}T00:00:00Z`).getUTCDay() + 6) % 7;
    const peak = f.points.find((p) => weekday(p.date) === 4)!;
    const quiet = f.points.find((p) => weekday(p.date) === 5)!;
    expect(peak.mean).toBeGreaterThan(20);
    expect(quiet.mean).toBeLessThan(4);
    expect(f.backtestMase!).toBeLessThan(f.seasonalNaiveMase!);
    expect(f.backtestWindows).toBeGreaterThan(3);
  });

  it('runs out on the first day the cumulative forecast exceeds the stock', () => {
    let cumulative = 0;
    const day = f.points.find((p) => (cumulative += p.mean) > f.stock)!.date;
    expect(f.stockoutDate).toBe(day);
    expect(forecastSku(db, 'JUG', { clock }).stockoutDate).toBeNull();
  });

  it('sets the reorder point to lead-time demand plus safety stock, rising with the service level', () => {
    const leadDemand = f.points.slice(0, 7).reduce((s, p) => s + p.mean, 0);
    expect(f.safetyStock).toBeGreaterThan(0);
    expect(f.reorderPoint).toBeGreaterThan(leadDemand * 0.8 + f.safetyStock - 1);
    const strict = forecastSku(db, 'MUG', { clock, serviceLevel: 0.99 });
    const loose = forecastSku(db, 'MUG', { clock, serviceLevel: 0.8 });
    expect(strict.safetyStock).toBeGreaterThan(loose.safetyStock);
    const longLead = forecastSku(db, 'MUG', { clock, leadDays: 14 });
    expect(longLead.reorderPoint).toBeGreaterThan(f.reorderPoint);
  });

  it('forecasts an intermittent item as a steady rate', () => {
    const lamp = forecastSku(db, 'LAMP', { clock, days: 14 });
    expect(lamp.points).toHaveLength(14);
    expect(['tsb', 'croston']).toContain(lamp.model);
    expect(lamp.expectedUnits / 14).toBeGreaterThan(0.25);
    expect(lamp.expectedUnits / 14).toBeLessThan(0.7); // 4 units every 9 days = 0.44 a day
  });

  it('throws not_found for an unknown SKU', () => {
    expect(() => forecastSku(db, 'NOPE', { clock })).toThrow(EngineError);
  });
});

describe('category, store, stock alerts and evaluation', () => {
  it('adds up a category and the whole store', () => {
    const kitchen = forecastCategory(db, 'kitchen', { clock, days: 7 });
    expect(kitchen.stock).toBe(100_100);
    const mug = forecastSku(db, 'MUG', { clock, days: 7 });
    expect(kitchen.expectedUnits).toBeGreaterThan(mug.expectedUnits * 1.5);
    expect(forecastAll(db, { clock, days: 7 }).expectedUnits).toBeGreaterThan(kitchen.expectedUnits);
    expect(() => forecastCategory(db, 'Garden', { clock })).toThrow(EngineError);
  });

  it('lists products that run out before a delivery ordered today arrives', () => {
    const alerts = stockAlerts(db, { clock, leadDays: 14 });
    expect(alerts.map((a) => a.sku)).toEqual(['MUG']);
    expect(alerts[0].stockoutDate < addDays(today, 14)).toBe(true);
    expect(stockAlerts(db, { clock, leadDays: 2 })).toEqual([]);
  });

  it('evaluates every model and the selector on held-out days', () => {
    const e = evaluateForecast(db, { horizon: 14, top: 3 });
    expect(e.series).toBe(3);
    expect(e.end).toBe(addDays(today, -1));
    expect(Object.keys(e.models)).toEqual(ALL_MODELS.map((m) => m.name));
    for (const s of [...Object.values(e.models), e.selected]) {
      expect(s.mase).toBeGreaterThan(0);
      expect(s.wape).toBeGreaterThan(0);
      expect(s.smape).toBeGreaterThanOrEqual(0);
    }
    expect(e.models.holt_winters.mase).toBeLessThan(e.models.seasonal_naive.mase);
    expect(Object.values(e.selected.choices).reduce((a, b) => a + b, 0)).toBe(3);
  });
});
