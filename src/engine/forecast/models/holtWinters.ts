import { robust } from '../outliers';
import { clampNonNegative, mean, type ForecastModel } from '../types';

/**
 * Holt-Winters / ETS(A,Ad,A): additive damped trend and additive season, in error-correction form
 *   e = y - (l + φb + s),  l ← l + φb + αe,  b ← φb + βe,  s ← s + γe.
 * Parameters come from a small grid searched on the in-sample one-step absolute error (squared error
 * chases bulk orders); a fit takes well under a millisecond. With less than two seasons of history the
 * season is dropped.
 */
export interface HoltWintersParams {
  alpha: number;
  beta: number;
  gamma: number;
  phi: number;
}

export interface HoltWintersFit {
  params: HoltWintersParams;
  season: number;
  level: number;
  trend: number;
  seasonals: number[];
  /** Periods seen; seasonals[(n + h - 1) % season] belongs to step h. */
  n: number;
  /** In-sample one-step loss (sum of absolute or squared errors). */
  loss: number;
}

/** In-sample criterion: absolute or squared one-step errors. */
export type Loss = 'sae' | 'sse';

interface Start {
  level: number;
  trend: number;
  seasonals: number[];
}

/** Level, trend and seasonal deviations from the first (up to four) whole seasons. */
export function initialState(y: readonly number[], season: number): Start {
  const k = Math.max(1, Math.min(4, Math.floor(y.length / season)));
  const seasonMeans = Array.from({ length: k }, (_, j) => mean(y, j * season, (j + 1) * season));
  const seasonals = new Array<number>(season).fill(0);
  if (season > 1) {
    for (let i = 0; i < season; i++) {
      let sum = 0;
      for (let j = 0; j < k; j++) sum += y[j * season + i] - seasonMeans[j];
      seasonals[i] = sum / k;
    }
    const shift = mean(seasonals);
    for (let i = 0; i < season; i++) seasonals[i] -= shift;
  }
  const trend = k >= 2 ? (seasonMeans[k - 1] - seasonMeans[0]) / ((k - 1) * season) : 0;
  return { level: seasonMeans[0], trend, seasonals };
}

/** Runs the recursions over `y` and returns the final state with the in-sample one-step loss. */
export function runHoltWinters(y: readonly number[], season: number, p: HoltWintersParams, start: Start, withTrend = true, loss: Loss = 'sae'): HoltWintersFit {
  let { level } = start;
  let trend = withTrend ? start.trend : 0;
  const s = start.seasonals.slice();
  let total = 0;
  for (let t = 0; t < y.length; t++) {
    const i = t % season;
    const e = y[t] - (level + p.phi * trend + s[i]);
    total += loss === 'sse' ? e * e : Math.abs(e);
    level = level + p.phi * trend + p.alpha * e;
    trend = p.phi * trend + p.beta * e;
    s[i] += p.gamma * e;
  }
  return { params: p, season, level, trend, seasonals: s, n: y.length, loss: total };
}

export function forecastHoltWinters(fit: HoltWintersFit, horizon: number): number[] {
  const out: number[] = [];
  let damp = 0;
  let phiPower = 1;
  for (let h = 1; h <= horizon; h++) {
    phiPower *= fit.params.phi;
    damp += phiPower;
    out.push(fit.level + damp * fit.trend + fit.seasonals[(fit.n + h - 1) % fit.season]);
  }
  return out;
}

const ALPHAS = [0.01, 0.02, 0.04, 0.08, 0.15, 0.3, 0.5, 0.8];
const GAMMAS = [0, 0.05, 0.15, 0.3];
/** Trend settings: none, or damped with a slow or quicker trend update (β as a share of α). */
const TRENDS = [
  { phi: 1, betaShare: 0, withTrend: false },
  { phi: 0.9, betaShare: 0.05, withTrend: true },
  { phi: 0.9, betaShare: 0.2, withTrend: true },
  { phi: 0.98, betaShare: 0.05, withTrend: true },
  { phi: 0.98, betaShare: 0.2, withTrend: true },
];

/** Grid search over (α, β, γ, φ) on the in-sample one-step errors. */
export function fitHoltWinters(y: readonly number[], season: number, loss: Loss = 'sae'): HoltWintersFit {
  const m = y.length >= 2 * season ? season : 1;
  const start = initialState(y, m);
  let best: HoltWintersFit | undefined;
  for (const alpha of ALPHAS) {
    for (const t of TRENDS) {
      for (const gamma of m > 1 ? GAMMAS : [0]) {
        if (gamma > 1 - alpha) continue;
        const fit = runHoltWinters(y, m, { alpha, beta: t.betaShare * alpha, gamma, phi: t.phi }, start, t.withTrend, loss);
        if (!best || fit.loss < best.loss) best = fit;
      }
    }
  }
  return best!;
}

/** Holt-Winters on the raw history (tests, and callers that clean their own data). */
export const holtWintersRaw: ForecastModel = {
  name: 'holt_winters',
  forecast(y, horizon, season) {
    if (y.length < 3) return new Array<number>(horizon).fill(Math.max(0, mean(y)));
    return clampNonNegative(forecastHoltWinters(fitHoltWinters(y, season), horizon));
  },
};

export const holtWinters: ForecastModel = robust(holtWintersRaw);
