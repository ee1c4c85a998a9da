import { averageForecasts, type ForecastModel } from '../types';
import { arima } from './arima';
import { croston, tsb } from './croston';
import { holtWinters } from './holtWinters';
import { seasonalNaive } from './seasonalNaive';

export { arima, croston, holtWinters, seasonalNaive, tsb };

/** The mean of several models' forecasts: a combination is often better than any one member. */
export function combination(name: string, members: readonly ForecastModel[]): ForecastModel {
  return {
    name,
    members,
    forecast: (y, horizon, season) => averageForecasts(members.map((m) => m.forecast(y, horizon, season)), horizon),
  };
}

/** Holt-Winters and seasonal ARIMA averaged: on the real retail data it beats each of them. */
export const ensemble = combination('ensemble', [holtWinters, arima]);

/** Every model `eval forecast` reports, in order. */
export const ALL_MODELS: readonly ForecastModel[] = [seasonalNaive, holtWinters, croston, tsb, arima, ensemble];

/**
 * What the per-series selector backtests. Seasonal naive is the yardstick, not a candidate: it repeats
 * last week's bulk orders, and one such pick can cost more than all the other choices gain.
 */
export const SELECTOR_MODELS: readonly ForecastModel[] = [holtWinters, croston, tsb, arima, ensemble];
