import { describe, expect, it } from 'vitest';
import { backtest, backtestMase, backtestModels, backtestOrigins } from '../../../src/engine/forecast/backtest';
import { croston, ensemble, holtWinters, seasonalNaive, tsb } from '../../../src/engine/forecast/models';
import { blendOf, defaultModel, defaultRival, selectModel, zeroShare } from '../../../src/engine/forecast/selector';
import type { ForecastModel } from '../../../src/engine/forecast/types';
import { intermittent, noisyWeekly, poissonCounts, rng, weekly } from './synthetic';

const constant = (name: string, c: number): ForecastModel => ({ name, forecast: (_y, h) => new Array(h).fill(c) });

describe('rolling-origin backtest', () => {
  it('places windows back from the end, skipping those with too little training data', () => {
    expect(backtestOrigins(200, { horizon: 28, windows: 4, season: 7 })).toEqual([88, 116, 144, 172]);
    expect(backtestOrigins(200, { horizon: 28, windows: 3, season: 7, step: 14 })).toEqual([144, 158, 172]);
    expect(backtestOrigins(80, { horizon: 28, windows: 4, season: 7 })).toEqual([52]);
    expect(backtestOrigins(40, { horizon: 28, windows: 4, season: 7 })).toEqual([]);
  });

  it('fits each window on the history before its origin only', () => {
    const seen: number[] = [];
    const spy: ForecastModel = { name: 'spy', forecast: (y, h) => (seen.push(y.length), new Array(h).fill(0)) };
    const windows = backtest(new Array(120).fill(1), spy, { horizon: 10, windows: 3, season: 7 });
    expect(seen).toEqual([90, 100, 110]);
    expect(windows.map((w) => w.actual.length)).toEqual([10, 10, 10]);
  });

  it('fits a combination from its members once per window', () => {
    let calls = 0;
    const counted: ForecastModel = { name: 'counted', forecast: (_y, h) => (calls++, new Array(h).fill(2)) };
    const pair: ForecastModel = { name: 'pair', members: [counted, constant('four', 4)], forecast: () => [] };
    const runs = backtestModels(new Array(100).fill(3), [counted, pair], { horizon: 10, windows: 2, season: 7 });
    expect(calls).toBe(2);
    expect(runs.get('pair')![0].forecast).toEqual(new Array(10).fill(3));
  });

  it('scores seasonal naive near 1 and a perfect model 0 on a noisy weekly series', () => {
    const y = noisyWeekly(200, 5);
    expect(backtestMase(y, backtest(y, seasonalNaive, { horizon: 28, windows: 4, season: 7 }), 7)).toBeGreaterThan(0.6);
    const flat = new Array(100).fill(5);
    expect(backtestMase(flat, backtest(flat, constant('five', 5), { horizon: 28, windows: 2, season: 7 }), 7)).toBe(0);
  });
});

describe('model selector', () => {
  it('starts from TSB for intermittent items and the ensemble for regular ones', () => {
    expect(zeroShare(intermittent(100, 10, 3))).toBeCloseTo(0.9, 1);
    expect(defaultModel(intermittent(100, 10, 3), 7).name).toBe(tsb.name);
    expect(defaultModel(noisyWeekly(100, 1), 7).name).toBe(ensemble.name);
    expect(defaultModel([1, 2, 3, 4, 5, 6, 7, 8], 7).name).toBe(seasonalNaive.name);
  });

  it('picks the candidate that is consistently better than the default', () => {
    const r = rng(7);
    const y = Array.from({ length: 250 }, () => 10 + Math.round(r() * 4 - 2));
    const s = selectModel(y, { horizon: 28, windows: 6, step: 14, season: 7, fallback: constant('zero', 0), candidates: [constant('zero', 0), constant('ten', 10), constant('twenty', 20)] });
    expect(s.model.name).toBe('ten');
    expect(s.reason).toBe('backtest');
    expect(s.windows).toBe(6);
    expect(s.scores.ten).toBeLessThan(s.scores.twenty);
  });

  it('keeps the default when a challenger is better by less than the margin', () => {
    const y = new Array(200).fill(10);
    const s = selectModel(y, { horizon: 28, windows: 4, season: 7, fallback: constant('ten', 10.1), candidates: [constant('ten', 10.1), constant('closer', 10.099)] });
    expect(s.model.name).toBe('ten');
    expect(s.reason).toBe('default');
  });

  it('keeps the default when a challenger wins on average but in few windows', () => {
    // demand is 10 except one window of 100s; 'lucky' guesses that window and is slightly off elsewhere
    const y = new Array(200).fill(10);
    for (let t = 172; t < 200; t++) y[t] = 100;
    const lucky: ForecastModel = { name: 'lucky', forecast: (h, n) => new Array(n).fill(h.length === 172 ? 100 : 12) };
    const s = selectModel(y, { horizon: 28, windows: 4, season: 7, margin: 0, fallback: constant('ten', 10), candidates: [constant('ten', 10), lucky] });
    expect(s.scores.lucky).toBeLessThan(s.scores.ten);
    expect(s.model.name).toBe('ten');
    const anyWin = selectModel(y, { horizon: 28, windows: 4, season: 7, margin: 0, consistency: 0, fallback: constant('ten', 10), candidates: [constant('ten', 10), lucky] });
    expect(anyWin.model.name).toBe('lucky');
  });

  it('chooses a model that reproduces a clean weekly pattern', () => {
    const y = weekly(30);
    const s = selectModel(y, { horizon: 28, windows: 4, season: 7, candidates: [holtWinters, croston, tsb, seasonalNaive] });
    const f = s.model.forecast(y, 7, 7);
    f.forEach((v, i) => expect(v).toBeCloseTo(y[i], 1));
    expect(['croston', 'tsb']).not.toContain(s.model.name);
  });

  it('returns the chosen model\'s backtest errors for the intervals', () => {
    const y = noisyWeekly(200, 9);
    const s = selectModel(y, { horizon: 28, windows: 4, season: 7, candidates: [holtWinters, tsb] });
    expect(s.errors).toHaveLength(4);
    expect(s.errors.every((w) => w.length === 28)).toBe(true);
  });

  it('falls back to the default without enough history to backtest', () => {
    const s = selectModel(noisyWeekly(40, 2), { horizon: 28, windows: 4, season: 7 });
    expect(s.reason).toBe('too_short');
    expect(s.errors).toEqual([]);
  });

  describe('a default and its rival that the backtest cannot tell apart', () => {
    // a week that averages 10: a forecast of 9 and one of 11 miss it by the same 13/7 in every 28-day window
    const level = Array.from({ length: 250 }, (_, t) => [7, 13, 9, 11, 10, 8, 12][t % 7]);
    const base = { horizon: 28, windows: 6, season: 7 };
    const low = constant('low', 9);
    const high = constant('high', 11);

    it('are averaged', () => {
      const s = selectModel(level, { ...base, fallback: low, rival: high, candidates: [low, high] });
      expect(s.reason).toBe('tie');
      expect(s.model.name).toBe('low+high');
      expect(s.model.forecast(level, 5, 7)).toEqual([10, 10, 10, 10, 10]);
      expect(s.errors).toHaveLength(6);
    });

    it('are not averaged when one is clearly better, nor when no rival is set', () => {
      const far = constant('far', 14);
      const clear = selectModel(level, { ...base, fallback: low, rival: far, candidates: [low, far] });
      expect(clear.model.name).toBe('low');
      expect(clear.reason).toBe('default');
      const none = selectModel(level, { ...base, fallback: low, rival: null, candidates: [low, high] });
      expect(none.model.name).toBe('low');
    });

    it('are not averaged on lumpy series, where bulk orders make the sizes vary more than their mean', () => {
      const lumpy = Array.from({ length: 250 }, (_, t) => [1, 0, 1, 0, 1, 0, 30][t % 7]); // sizes' CV² about 2.3
      const twin = constant('twin', 9);
      expect(selectModel(lumpy, { ...base, fallback: low, rival: twin, candidates: [low] }).reason).toBe('default');
      expect(selectModel(lumpy, { ...base, fallback: low, rival: twin, candidates: [low], maxSizeCv2: 3 }).reason).toBe('tie');
    });

    it('are usually TSB and the ensemble on a low Poisson rate, where neither is better', () => {
      const names = [1, 2, 3, 4, 5, 6].map((seed) => selectModel(poissonCounts(300, 1, seed), { horizon: 28, windows: 8, step: 14, season: 7 }).model.name);
      expect(names.filter((n) => n === 'ensemble+tsb').length).toBeGreaterThanOrEqual(4);
    });

    it('is TSB for the ensemble, and nothing for the other defaults', () => {
      expect(defaultRival(ensemble)?.name).toBe(tsb.name);
      expect(defaultRival(tsb)).toBeUndefined();
      expect(defaultRival(holtWinters)).toBeUndefined();
      expect(blendOf(constant('two', 2), constant('four', 4)).forecast([], 3, 7)).toEqual([3, 3, 3]);
    });
  });
});

