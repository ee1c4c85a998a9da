import type ARIMAType from 'arima';
import { createRequire } from 'node:module';
import path from 'node:path';
import { robust } from '../outliers';
import { clampNonNegative, type ForecastModel } from '../types';
import { seasonalNaive } from './seasonalNaive';

/**
 * Seasonal ARIMA(1,0,1)(0,1,1)s with fixed orders through the `arima` package (a WASM port of ctsa).
 * Its AutoARIMA has open bugs, so the orders are fixed. A fit takes about 9 ms on 270 days, so it sees
 * at most a year of history. Some fits diverge (forecasts that explode or are not numbers): those, and
 * series too short to fit, fall back to seasonal naive so one bad fit cannot wreck a reply.
 */
type ArimaConstructor = typeof ARIMAType;
let loaded: ArimaConstructor | undefined;

/**
 * The package's own entry binds the WASM module's output to console.log, and ctsa prints optimiser
 * notes ("Program Exiting as the function returns NaN") that would corrupt `--json` output. So the
 * module is instantiated here, lazily, with its print hooks silenced.
 */
function loadArima(): ArimaConstructor {
  if (loaded) return loaded;
  const req = createRequire(__filename);
  try {
    const dir = path.dirname(req.resolve('arima'));
    const createModule = req(path.join(dir, 'wasm', 'native-sync.js')) as (o: object) => unknown;
    const wasmBinary = req(path.join(dir, 'wrapper', 'native.bin.js')) as unknown;
    const load = req(path.join(dir, 'load.js')) as (m: unknown) => ArimaConstructor;
    const silent = () => undefined;
    loaded = load(createModule({ wasmBinary, print: silent, printErr: silent }));
  } catch {
    loaded = req('arima') as ArimaConstructor;
  }
  return loaded;
}

export const ARIMA_ORDER = { p: 1, d: 0, q: 1, P: 0, D: 1, Q: 1 } as const;

/** ARIMA's fit time grows with the series; a year (or eight seasons) of history is plenty for its few parameters. */
export const arimaHistory = (season: number): number => Math.max(365, 8 * season);

export function arimaForecast(history: readonly number[], horizon: number, season: number): number[] | undefined {
  const y = history.slice(-arimaHistory(season));
  // the package needs three seasons for a seasonal fit; without them it would drop the season, and
  // seasonal naive (the fallback) does better than a model blind to it
  if (y.length < 20 || (season > 1 && y.length < 3 * season)) return undefined;
  const options = season > 1 ? { ...ARIMA_ORDER, s: season } : { p: 1, d: 0, q: 1 };
  let model: InstanceType<ArimaConstructor> | undefined;
  try {
    const ARIMA = loadArima();
    model = new ARIMA({ ...options, verbose: false }).train([...y]);
    const [pred] = model.predict(horizon);
    const ceiling = 10 * Math.max(1, ...y);
    if (pred.length !== horizon || pred.some((v) => !Number.isFinite(v) || Math.abs(v) > ceiling)) return undefined;
    return pred;
  } catch {
    return undefined;
  } finally {
    model?.destroy();
  }
}

export const arimaRaw: ForecastModel = {
  name: 'arima',
  forecast(y, horizon, season) {
    return clampNonNegative(arimaForecast(y, horizon, season) ?? seasonalNaive.forecast(y, horizon, season));
  },
};

/** Fitted on the history with bulk orders capped (see outliers.ts). */
export const arima = robust(arimaRaw);
