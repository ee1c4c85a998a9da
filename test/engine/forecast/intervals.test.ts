import { describe, expect, it } from 'vitest';
import { dispersion, predictionIntervals } from '../../../src/engine/forecast/intervals';

describe('prediction intervals', () => {
  it('measure dispersion as squared error per unit forecast', () => {
    // errors ±2 on forecasts of 4 over 5 windows: Σe² = 40, Σf = 40 -> φ = 1 (Poisson-like)
    const errors = Array.from({ length: 5 }, () => [2, -2]);
    const forecasts = Array.from({ length: 5 }, () => [4, 4]);
    expect(dispersion(errors, forecasts)).toBeCloseTo(1);
    expect(dispersion([[1, 2]], [[1, 1]])).toBeUndefined(); // too few points
    expect(dispersion(Array.from({ length: 5 }, () => [1, 1]), Array.from({ length: 5 }, () => [0, 0]))).toBeUndefined();
  });

  it('widen with the forecast level, contain the mean and never go below zero', () => {
    const errors = Array.from({ length: 6 }, () => [3, -3]);
    const forecasts = Array.from({ length: 6 }, () => [3, 3]); // φ = 3
    const [quiet, busy, none] = predictionIntervals([1, 25, 0], 0.8, errors, forecasts, []);
    expect(busy[1] - busy[0]).toBeGreaterThan(quiet[1] - quiet[0]);
    const z = 1.2816;
    expect(busy[1]).toBeCloseTo(25 + z * Math.sqrt(3 * 25), 1);
    expect(busy[0]).toBeCloseTo(25 - z * Math.sqrt(3 * 25), 1);
    expect(quiet[0]).toBe(0);
    expect(none).toEqual([0, 0]);
  });

  it('fall back to the spread of recent history without a backtest', () => {
    const history = [0, 10, 0, 10, 0, 10];
    const [[lo, hi]] = predictionIntervals([5], 0.95, [], [], history);
    // sample sd of the history = √30; z(0.975) = 1.96
    expect(hi).toBeCloseTo(5 + 1.96 * Math.sqrt(30), 1);
    expect(lo).toBe(0);
  });
});
