import { backtestModels, windowErrors, windowMases, type BacktestOptions } from './backtest';
import { demandProfile, pairedT } from './demandClass';
import { meanAbsoluteError } from './metrics';
import { combination, ensemble, holtWinters, seasonalNaive, SELECTOR_MODELS, tsb } from './models';
import type { ForecastModel } from './types';

/**
 * Per-series model choice by a rolling-origin backtest, judged by MASE. Short backtests are a poor
 * judge (on lumpy items a low forecast wins a window by luck), so the selector starts from a default
 * (the ensemble, or TSB for items that sell on few days) and a challenger replaces it only when it is
 * better on average by a margin AND wins most windows.
 *
 * Before that, the default meets its rival (TSB for the ensemble): when their backtests cannot be told
 * apart (paired t over the windows below `tieT`) and the demand sizes are not lumpy (CV² below
 * `maxSizeCv2`), the forecast is their average. On low-volume items the two are equally good in
 * expectation and per-series backtests barely predict which wins next month, so picking one is a coin
 * toss while averaging removes part of both errors. Lumpy series (bulk orders) are left to the
 * challengers: there the seasonal models win clearly often enough.
 */
export interface SelectorOptions extends BacktestOptions {
  candidates?: readonly ForecastModel[];
  /** The model to start from (default: `defaultModel` of the series). */
  fallback?: ForecastModel;
  /** A challenger's mean backtest MASE must be below (1 - margin) × the default's. */
  margin?: number;
  /** ... and it must beat the default in at least this share of the windows. */
  consistency?: number;
  /** Averaged with the default when the backtests cannot separate them (default: TSB when the default is the ensemble; null: never). */
  rival?: ForecastModel | null;
  /** |paired t| of rival vs default below which they count as tied. */
  tieT?: number;
  /** Only series whose non-zero demand sizes have a CV² below this are averaged. */
  maxSizeCv2?: number;
}

export interface Selection {
  model: ForecastModel;
  /** Mean backtest MASE per candidate (empty when the series is too short to backtest). */
  scores: Record<string, number>;
  /** The chosen model's backtest errors (actual - forecast) and forecasts, window by window. */
  errors: number[][];
  forecasts: number[][];
  windows: number;
  /** 'tie': the default and its rival were indistinguishable, and the model is their average. */
  reason: 'default' | 'backtest' | 'tie' | 'too_short';
}

/** Eight 28-day windows whose origins are 14 days apart: about four months of history judged. */
export const SELECTOR_DEFAULTS = { horizon: 28, windows: 8, step: 14, margin: 0.05, consistency: 0.75, tieT: 2.5, maxSizeCv2: 1 } as const;

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

/** The rival the default is averaged with on a tie: TSB for the ensemble, none for the others. */
export const defaultRival = (fallback: ForecastModel): ForecastModel | undefined => (fallback.name === ensemble.name ? tsb : undefined);

/** The average of the default and its rival, named after both ("ensemble+tsb"). */
export const blendOf = (a: ForecastModel, b: ForecastModel): ForecastModel => combination(`${a.name}+${b.name}`, [a, b]);

export function selectModel(y: readonly number[], o: SelectorOptions): Selection {
  const fallback = o.fallback ?? defaultModel(y, o.season);
  const candidates = o.candidates ?? SELECTOR_MODELS;
  const rival = o.rival === null ? undefined : (o.rival ?? defaultRival(fallback));
  const blend = rival && rival.name !== fallback.name ? blendOf(fallback, rival) : undefined;
  const pool = unique([fallback, ...candidates, ...(blend ? [rival!, blend] : [])]);
  const runs = backtestModels(y, pool, { step: SELECTOR_DEFAULTS.step, ...o });
  const base = runs.get(fallback.name)!;
  if (base.length === 0) return { model: fallback, scores: {}, errors: [], forecasts: [], windows: 0, reason: 'too_short' };
  const perWindow = new Map(pool.map((m) => [m.name, windowMases(y, runs.get(m.name)!, o.season)]));
  const scores = Object.fromEntries([...perWindow].map(([name, w]) => [name, meanOf(w)]));
  const chosen = (model: ForecastModel, reason: Selection['reason']): Selection => {
    const windows = runs.get(model.name)!;
    return { model, scores, errors: windowErrors(windows), forecasts: windows.map((w) => w.forecast), windows: windows.length, reason };
  };
  const baseWindows = perWindow.get(fallback.name)!;
  if (blend && demandProfile(y, o.season).cv2 < (o.maxSizeCv2 ?? SELECTOR_DEFAULTS.maxSizeCv2)) {
    // on raw window MAEs: t does not depend on the series' scale, which is 0 for a series that repeats exactly
    const maes = (m: ForecastModel) => runs.get(m.name)!.map((w) => meanAbsoluteError(w.actual, w.forecast));
    const t = pairedT(maes(rival!), maes(fallback));
    if (Math.abs(t) < (o.tieT ?? SELECTOR_DEFAULTS.tieT)) return chosen(blend, 'tie');
  }
  const margin = o.margin ?? SELECTOR_DEFAULTS.margin;
  const consistency = o.consistency ?? SELECTOR_DEFAULTS.consistency;
  let best = fallback;
  for (const m of candidates) {
    const w = perWindow.get(m.name)!;
    const wins = w.filter((v, i) => v < baseWindows[i]).length;
    const better = scores[m.name] < (1 - margin) * scores[fallback.name] && scores[m.name] < scores[best.name];
    if (better && wins >= consistency * w.length) best = m;
  }
  return chosen(best, best.name === fallback.name ? 'default' : 'backtest');
}

function unique(models: readonly ForecastModel[]): ForecastModel[] {
  const seen = new Set<string>();
  return models.filter((m) => !seen.has(m.name) && seen.add(m.name));
}
