import { describe, expect, it } from 'vitest';
import { arimaForecast } from '../../../src/engine/forecast/models/arima';
import { bestCroston, bestTsb, croston, tsb } from '../../../src/engine/forecast/models/croston';
import { fitHoltWinters, holtWinters, holtWintersRaw } from '../../../src/engine/forecast/models/holtWinters';
import { ALL_MODELS, arima, combination, ensemble, seasonalNaive } from '../../../src/engine/forecast/models';
import { capOutliers } from '../../../src/engine/forecast/outliers';
import { intermittent, noisyWeekly, WEEK, weekly } from './synthetic';

const mae = (a: number[], b: number[]) => a.reduce((s, v, i) => s + Math.abs(v - b[i]), 0) / a.length;

describe('seasonal naive', () => {
  it('repeats the last season', () => {
    const y = weekly(4);
    expect(seasonalNaive.forecast(y, 14, 7)).toEqual([...WEEK, ...WEEK]);
  });

  it('uses the history mean when there is less than a season', () => {
    expect(seasonalNaive.forecast([2, 4], 3, 7)).toEqual([3, 3, 3]);
    expect(seasonalNaive.forecast([], 2, 7)).toEqual([0, 0]);
  });
});

describe('Holt-Winters', () => {
  it('forecasts a constant series as that constant', () => {
    const f = holtWinters.forecast(new Array(60).fill(8), 10, 7);
    for (const v of f) expect(v).toBeCloseTo(8, 6);
  });

  it('reproduces a pure weekly pattern', () => {
    const f = holtWinters.forecast(weekly(10), 14, 7);
    f.forEach((v, i) => expect(v).toBeCloseTo(WEEK[i % 7], 4));
  });

  it('extrapolates a linear trend', () => {
    const y = Array.from({ length: 70 }, (_, t) => 10 + 2 * t);
    const f = holtWintersRaw.forecast(y, 14, 7);
    // damped, so slightly below the straight line, but rising and within 3% of it in the first week
    for (let h = 0; h < 7; h++) expect(Math.abs(f[h] / (10 + 2 * (70 + h)) - 1)).toBeLessThan(0.03);
    for (let h = 1; h < 14; h++) expect(f[h]).toBeGreaterThan(f[h - 1]);
    expect(fitHoltWinters(y, 7).trend).toBeGreaterThan(1.5);
  });

  it('drops the season and still forecasts with under two seasons of history', () => {
    const f = holtWinters.forecast([5, 6, 5, 6, 5, 6, 5, 6, 5], 4, 7);
    expect(f).toHaveLength(4);
    for (const v of f) expect(v).toBeGreaterThan(4), expect(v).toBeLessThan(7);
  });

  it('beats seasonal naive on a noisy weekly series', () => {
    const y = noisyWeekly(140, 1);
    const train = y.slice(0, 112);
    const test = y.slice(112);
    expect(mae(test, holtWinters.forecast(train, 28, 7))).toBeLessThan(mae(test, seasonalNaive.forecast(train, 28, 7)));
  });
});

describe('Croston and TSB', () => {
  it('forecast the demand rate: size / interval', () => {
    const y = intermittent(120, 4, 8); // 8 units every 4th day -> 2 a day
    expect(bestCroston(y)!.rateForecast).toBeCloseTo(2, 6);
    expect(bestCroston(y)!.rate).toBeCloseTo(4, 6);
    for (const v of croston.forecast(y, 7, 7)) expect(v).toBeCloseTo(2, 6);
    // TSB's demand probability moves a little with each sale, so it is near 1/4, not exactly
    expect(bestTsb(y)!.rate).toBeGreaterThan(0.22);
    expect(bestTsb(y)!.rate).toBeLessThan(0.28);
    for (const v of tsb.forecast(y, 7, 7)) expect(Math.abs(v - 2)).toBeLessThan(0.2);
  });

  it('forecast zero for an item that never sold', () => {
    expect(croston.forecast(new Array(30).fill(0), 3, 7)).toEqual([0, 0, 0]);
    expect(tsb.forecast(new Array(30).fill(0), 3, 7)).toEqual([0, 0, 0]);
  });

  it('TSB fades an item that stopped selling, Croston does not', () => {
    const y = [...intermittent(100, 5, 10), ...new Array(60).fill(0)];
    expect(tsb.forecast(y, 1, 7)[0]).toBeLessThan(0.5 * croston.forecast(y, 1, 7)[0]);
  });
});

describe('seasonal ARIMA (fixed orders)', () => {
  it('follows a weekly pattern closely', () => {
    const y = noisyWeekly(140, 2, WEEK, 1);
    const f = arimaForecast(y, 14, 7)!;
    expect(f).toHaveLength(14);
    expect(mae(f, [...WEEK, ...WEEK])).toBeLessThan(2);
  });

  it('falls back to seasonal naive when the series is too short to fit', () => {
    const y = weekly(2);
    expect(arimaForecast(y, 7, 7)).toBeUndefined();
    expect(arima.forecast(y, 7, 7)).toEqual(WEEK);
  });
});

describe('bulk orders and combinations', () => {
  it('caps bulk orders and leaves clean series alone', () => {
    const clean = noisyWeekly(56, 3);
    expect(capOutliers(clean)).toEqual(clean);
    const spiky = [...clean];
    spiky[20] = 5000;
    const capped = capOutliers(spiky);
    expect(capped[20]).toBeLessThan(100);
    expect(capped.filter((v, i) => v !== spiky[i])).toHaveLength(1);
  });

  it('averages the members of a combination', () => {
    const y = weekly(6);
    const c = combination('c', [seasonalNaive, { name: 'zero', forecast: (_y, h) => new Array(h).fill(0) }]);
    expect(c.forecast(y, 7, 7)).toEqual(WEEK.map((v) => v / 2));
    expect(ensemble.members?.map((m) => m.name)).toEqual(['holt_winters', 'arima']);
  });

  it('every model returns `horizon` finite, non-negative values', () => {
    const y = noisyWeekly(90, 4, [0, 1, 0, 3, 0, 0, 2], 2);
    for (const m of ALL_MODELS) {
      const f = m.forecast(y, 28, 7);
      expect(f, m.name).toHaveLength(28);
      for (const v of f) expect(Number.isFinite(v) && v >= 0, m.name).toBe(true);
    }
  });
});
