import { describe, expect, it } from 'vitest';
import { leadTimeDemand, leadTimeError, leadTimeErrors, reorderPoint, safetyStock, stockoutIndex, zScore } from '../../../src/engine/forecast/inventory';

describe('inventory arithmetic', () => {
  it('takes z from the inverse normal of the service level', () => {
    expect(zScore(0.95)).toBeCloseTo(1.6449, 2);
    expect(zScore(0.5)).toBeCloseTo(0, 6);
    expect(() => zScore(1)).toThrow(RangeError);
  });

  it('safety stock is z × σ of the lead-time error', () => {
    expect(safetyStock(10, 0.95)).toBeCloseTo(10 * zScore(0.95), 9);
    expect(safetyStock(10, 0.95)).toBeCloseTo(16.45, 1);
    expect(safetyStock(10, 0.5)).toBeCloseTo(0, 6);
  });

  it('reorder point is lead-time demand (plus measured bias) and safety stock', () => {
    const forecast = [1, 2, 3, 4, 5, 6, 7, 8];
    expect(leadTimeDemand(forecast, 3)).toBe(6);
    expect(leadTimeDemand(forecast, 3, 2)).toBe(8);
    expect(leadTimeDemand(forecast, 3, -10)).toBe(0);
    expect(reorderPoint(forecast, 3, 5)).toBe(11);
    expect(reorderPoint(forecast, 3, 5, 1.5)).toBe(12.5);
  });

  it('sums errors over every lead-time stretch inside each window', () => {
    expect(leadTimeErrors([[1, 2, 3, 4]], 2)).toEqual([3, 5, 7]);
    expect(leadTimeErrors([[1, 2], [5]], 2)).toEqual([3]);
  });

  it('measures bias and σ of the lead-time errors', () => {
    // lead 1: the errors themselves, mean 3, sample sd of [1..5] = sqrt(2.5)
    const e = leadTimeError([[1, 2, 3, 4, 5]], 1);
    expect(e.bias).toBeCloseTo(3);
    expect(e.sigma).toBeCloseTo(Math.sqrt(2.5));
    // too few stretches: σ of the daily errors × √lead
    const short = leadTimeError([[1, -1], [1, -1]], 7);
    expect(short.sigma).toBeCloseTo(Math.sqrt(4 / 3) * Math.sqrt(7));
    expect(short.bias).toBeCloseTo(0);
  });

  it('runs out on the first day the cumulative forecast exceeds stock', () => {
    expect(stockoutIndex(10, [3, 3, 3, 3])).toBe(3); // 3, 6, 9, 12 > 10
    expect(stockoutIndex(9, [3, 3, 3, 3])).toBe(3); // 9 is not more than 9
    expect(stockoutIndex(0, [0.5, 1])).toBe(0);
    expect(stockoutIndex(100, [3, 3])).toBeUndefined();
  });
});
