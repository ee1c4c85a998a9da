import { performance } from 'node:perf_hooks';
import { finiteMean, mase, smape, WapeAccumulator } from './metrics';
import { predictionIntervals } from './intervals';
import { ALL_MODELS } from './models';
import { SELECTOR_DEFAULTS, selectModel } from './selector';
import type { ForecastModel } from './types';

/**
 * Hold-out evaluation: the last `horizon` periods of every series are hidden, each model forecasts them
 * from the rest, and `selected` is what the per-series selector would have chosen on the training part.
 */
export interface EvaluationOptions {
  horizon: number;
  season: number;
  /** Backtest windows and the periods between their origins, for the selector. */
  windows?: number;
  step?: number;
  models?: readonly ForecastModel[];
  onProgress?: (done: number, total: number) => void;
}

export interface Scores {
  mase: number;
  smape: number;
  wape: number;
}

export interface Evaluation {
  horizon: number;
  season: number;
  windows: number;
  step: number;
  series: number;
  /** Series too short to hold out `horizon` periods and keep more than one season to train on. */
  skipped: number;
  models: Record<string, Scores & { fit_ms: number }>;
  /** `interval_coverage`: share of held-out values inside the selected model's 80% prediction interval. */
  selected: Scores & { fit_ms: number; choices: Record<string, number>; interval_coverage: number };
}

class Tally {
  readonly mases: number[] = [];
  readonly smapes: number[] = [];
  readonly wape = new WapeAccumulator();
  ms = 0;

  add(train: readonly number[], actual: readonly number[], forecast: readonly number[], season: number): void {
    this.mases.push(mase(actual, forecast, train, season));
    this.smapes.push(smape(actual, forecast));
    this.wape.add(actual, forecast);
  }

  scores(): Scores & { fit_ms: number } {
    const round = (v: number) => (Number.isFinite(v) ? Math.round(v * 10_000) / 10_000 : null) as number;
    return { mase: round(finiteMean(this.mases)), smape: round(finiteMean(this.smapes)), wape: round(this.wape.value()), fit_ms: Math.round(this.ms) };
  }
}

export function evaluateSeries(all: readonly (readonly number[])[], o: EvaluationOptions): Evaluation {
  const models = o.models ?? ALL_MODELS;
  const windows = o.windows ?? SELECTOR_DEFAULTS.windows;
  const step = o.step ?? Math.max(1, Math.round(o.horizon / 2));
  const usable = all.filter((y) => y.length - o.horizon > o.season);
  const tallies = new Map(models.map((m) => [m.name, new Tally()]));
  const selected = new Tally();
  const choices: Record<string, number> = {};
  let inside = 0;
  let points = 0;
  usable.forEach((y, k) => {
    const train = y.slice(0, y.length - o.horizon);
    const actual = y.slice(y.length - o.horizon);
    for (const m of models) {
      const t0 = performance.now();
      const forecast = m.forecast(train, o.horizon, o.season);
      const tally = tallies.get(m.name)!;
      tally.ms += performance.now() - t0;
      tally.add(train, actual, forecast, o.season);
    }
    const t0 = performance.now();
    const selection = selectModel(train, { horizon: o.horizon, windows, step, season: o.season });
    const choice = selection.model;
    const forecast = choice.forecast(train, o.horizon, o.season);
    selected.ms += performance.now() - t0;
    predictionIntervals(forecast, 0.8, selection.errors, selection.forecasts, train).forEach(([lo, hi], i) => {
      points++;
      if (actual[i] >= lo && actual[i] <= hi) inside++;
    });
    selected.add(train, actual, forecast, o.season);
    choices[choice.name] = (choices[choice.name] ?? 0) + 1;
    o.onProgress?.(k + 1, usable.length);
  });
  return {
    horizon: o.horizon,
    season: o.season,
    windows,
    step,
    series: usable.length,
    skipped: all.length - usable.length,
    models: Object.fromEntries([...tallies].map(([name, t]) => [name, t.scores()])),
    selected: { ...selected.scores(), choices, interval_coverage: points ? Math.round((10_000 * inside) / points) / 10_000 : (null as unknown as number) },
  };
}
