import { clampNonNegative, mean, type ForecastModel } from '../types';

/**
 * Seasonal naive: each future period repeats the same period one season ago.
 * With less than one season of history it repeats the history's mean.
 */
export const seasonalNaive: ForecastModel = {
  name: 'seasonal_naive',
  forecast(y, horizon, season) {
    const n = y.length;
    if (n === 0) return new Array<number>(horizon).fill(0);
    if (n < season) return new Array<number>(horizon).fill(Math.max(0, mean(y)));
    return clampNonNegative(Array.from({ length: horizon }, (_, h) => y[n - season + (h % season)]));
  },
};
