import { backtestModels, windowErrors, windowMases, type BacktestOptions } from './backtest';
import { ensemble, holtWinters, seasonalNaive, SELECTOR_MODELS, tsb } from './models';
import type { ForecastModel } from './types';

/**
 * Per-series model choice by a rolling-origin backtest, judged by MASE. Short backtests are a poor
 * judge (on lumpy items a low forecast wins a window by luck), so the selector starts from a default
 * (the ensemble, or TSB for items that sell on few days) and a challenger replaces it only when it is
 * better on average by a margin AND wins most windows.
 */
export interface SelectorOptions extends BacktestOptions {
  candidates?: readonly ForecastModel[];
  /** The model to start from (default: `defaultModel` of the series). */
  fallback?: ForecastModel;
  /** A challenger's mean backtest MASE must be below (1 - margin) × the default's. */
  margin?: number;
  /** ... and it must beat the default in at least this share of the windows. */
  consistency?: number;
}

export interface Selection {
  model: ForecastModel;
  /** Mean backtest MASE per candidate (empty when the series is too short to backtest). */
  scores: Record<string, number>;
  /** The chosen model's backtest errors (actual - forecast) and forecasts, window by window. */
  errors: number[][];
  forecasts: number[][];
  windows: number;
  reason: 'default' | 'backtest' | 'too_short';
}

/** Eight 28-day windows whose origins are 14 days apart: about four months of history judged. */
export const SELECTOR_DEFAULTS = { horizon: 28, windows: 8, step: 14, margin: 0.05, consistency: 0.75 } as const;

/** Share of zero days in the last eight seasons of the series. */
export function zeroShare(y: readonly number[], season = 7): number {
  const tail = y.slice(-8 * season);
  return tail.length ? tail.filter((v) => v === 0).length / tail.length : 1;
}

/** Items that sell on fewer than a quarter of the days are forecast as a rate (TSB). */
export const INTERMITTENT_ZERO_SHARE = 0.75;

/** The model to start from: TSB for very intermittent items, the ensemble with two seasons of history, else seasonal naive. */
export function defaultModel(y: readonly number[], season: number): ForecastModel {
  if (zeroShare(y, season) > INTERMITTENT_ZERO_SHARE) return tsb;
  if (y.length >= 2 * season) return season > 1 && y.length >= 3 * season ? ensemble : holtWinters;
  return y.length >= season ? seasonalNaive : tsb;
}

const meanOf = (v: readonly number[]) => v.reduce((a, b) => a + b, 0) / v.length;

export function selectModel(y: readonly number[], o: SelectorOptions): Selection {
  const fallback = o.fallback ?? defaultModel(y, o.season);
  const candidates = o.candidates ?? SELECTOR_MODELS;
  const pool = candidates.some((m) => m.name === fallback.name) ? candidates : [fallback, ...candidates];
  const runs = backtestModels(y, pool, { step: SELECTOR_DEFAULTS.step, ...o });
  const base = runs.get(fallback.name)!;
  if (base.length === 0) return { model: fallback, scores: {}, errors: [], forecasts: [], windows: 0, reason: 'too_short' };
  const perWindow = new Map(pool.map((m) => [m.name, windowMases(y, runs.get(m.name)!, o.season)]));
  const scores = Object.fromEntries([...perWindow].map(([name, w]) => [name, meanOf(w)]));
  const margin = o.margin ?? SELECTOR_DEFAULTS.margin;
  const consistency = o.consistency ?? SELECTOR_DEFAULTS.consistency;
  const baseWindows = perWindow.get(fallback.name)!;
  let best = fallback;
  for (const m of pool) {
    const w = perWindow.get(m.name)!;
    const wins = w.filter((v, i) => v < baseWindows[i]).length;
    const better = scores[m.name] < (1 - margin) * scores[fallback.name] && scores[m.name] < scores[best.name];
    if (better && wins >= consistency * w.length) best = m;
  }
  const chosen = runs.get(best.name)!;
  return { model: best, scores, errors: windowErrors(chosen), forecasts: chosen.map((w) => w.forecast), windows: chosen.length, reason: best.name === fallback.name ? 'default' : 'backtest' };
}
