import { robust } from '../outliers';
import { type ForecastModel } from '../types';

/**
 * Intermittent demand. Croston smooths the size of the non-zero demands and the interval between them
 * (forecast = size / interval); TSB (Teunter, Syntetos & Babai) smooths the size and the probability of a
 * demand in each period (forecast = probability × size), so an item that stops selling fades out.
 * Smoothing constants come from a small grid on the in-sample one-step squared error.
 */
export interface IntermittentFit {
  size: number;
  /** Croston: mean interval between demands; TSB: probability of a demand per period. */
  rate: number;
  rateForecast: number;
  sse: number;
}

interface Start {
  size: number;
  interval: number;
  probability: number;
  first: number;
}

function startValues(y: readonly number[]): Start | undefined {
  const hits: number[] = [];
  let total = 0;
  y.forEach((v, t) => {
    if (v > 0) {
      hits.push(t);
      total += v;
    }
  });
  if (hits.length === 0) return undefined;
  const interval = hits.length >= 2 ? (hits[hits.length - 1] - hits[0]) / (hits.length - 1) : hits[0] + 1;
  return { size: total / hits.length, interval, probability: hits.length / y.length, first: hits[0] };
}

export function fitCroston(y: readonly number[], alpha: number, start: Start): IntermittentFit {
  let { size, interval } = start;
  let sinceLast = 1;
  let sse = 0;
  for (let t = start.first + 1; t < y.length; t++) {
    const e = y[t] - size / interval;
    sse += e * e;
    if (y[t] > 0) {
      size += alpha * (y[t] - size);
      interval += alpha * (sinceLast - interval);
      sinceLast = 1;
    } else sinceLast++;
  }
  return { size, rate: interval, rateForecast: size / interval, sse };
}

export function fitTsb(y: readonly number[], alpha: number, beta: number, start: Start): IntermittentFit {
  let { size, probability } = start;
  let sse = 0;
  for (let t = 0; t < y.length; t++) {
    const e = y[t] - probability * size;
    sse += e * e;
    if (y[t] > 0) {
      size += alpha * (y[t] - size);
      probability += beta * (1 - probability);
    } else probability -= beta * probability;
  }
  return { size, rate: probability, rateForecast: probability * size, sse };
}

const ALPHAS = [0.05, 0.1, 0.2, 0.3];
const BETAS = [0.02, 0.05, 0.1, 0.2];

function best(fits: IntermittentFit[]): IntermittentFit {
  return fits.reduce((a, b) => (b.sse < a.sse ? b : a));
}

export function bestCroston(y: readonly number[]): IntermittentFit | undefined {
  const start = startValues(y);
  return start && best(ALPHAS.map((a) => fitCroston(y, a, start)));
}

export function bestTsb(y: readonly number[]): IntermittentFit | undefined {
  const start = startValues(y);
  return start && best(ALPHAS.flatMap((a) => BETAS.map((b) => fitTsb(y, a, b, start))));
}

const flat = (fit: IntermittentFit | undefined, horizon: number) => new Array<number>(horizon).fill(Math.max(0, fit?.rateForecast ?? 0));

export const crostonRaw: ForecastModel = { name: 'croston', forecast: (y, horizon) => flat(bestCroston(y), horizon) };
export const tsbRaw: ForecastModel = { name: 'tsb', forecast: (y, horizon) => flat(bestTsb(y), horizon) };

/** Both fitted on the history with bulk orders capped (see outliers.ts). */
export const croston = robust(crostonRaw);
export const tsb = robust(tsbRaw);
