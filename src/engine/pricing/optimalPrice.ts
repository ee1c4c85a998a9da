import type { Cents } from '../money';

export interface OptimalPriceOptions {
  /** Below this |e| the optimum is refused (p* = c·e/(1+e) explodes as e nears -1). */
  minAbsElasticity?: number;
  /** Highest price / cost ratio a target may imply; a larger p* is capped here. */
  maxMarkup?: number;
}

export interface OptimalPrice {
  /** The target price, or undefined when there is none (fall back to the current price). */
  targetCents?: Cents;
  /** The uncapped profit-maximising price, when e < -1. */
  unconstrainedCents?: Cents;
  capped: boolean;
  reason: string;
}

export const OPTIMAL_PRICE_DEFAULTS: Required<OptimalPriceOptions> = { minAbsElasticity: 1.1, maxMarkup: 4 };

/**
 * Profit-maximising price under constant elasticity: p* = c·e/(1+e) for e < -1 (Lerner rule).
 * - |e| < minAbsElasticity (incl. inelastic demand, e >= -1): no usable optimum -> keep the current price.
 * - a markup p* / c above maxMarkup: the target is capped at c·maxMarkup and the reason says so.
 */
export function optimalPrice(costCents: Cents, elasticity: number, options: OptimalPriceOptions = {}): OptimalPrice {
  const o = { ...OPTIMAL_PRICE_DEFAULTS, ...options };
  if (!(costCents > 0)) return { capped: false, reason: 'no positive unit cost: the profit-maximising price is undefined' };
  if (elasticity >= -1) {
    return { capped: false, reason: `inelastic demand (e = ${elasticity.toFixed(2)} >= -1): raising the price always raises profit in this model, so there is no profit-maximising price; keeping the current price` };
  }
  if (-elasticity < o.minAbsElasticity) {
    return { capped: false, reason: `elasticity ${elasticity.toFixed(2)} is too close to -1 (|e| < ${o.minAbsElasticity}): the optimum is unstable; keeping the current price` };
  }
  const markup = elasticity / (1 + elasticity);
  const unconstrainedCents = Math.round(costCents * markup);
  if (markup > o.maxMarkup) {
    return {
      targetCents: Math.round(costCents * o.maxMarkup),
      unconstrainedCents,
      capped: true,
      reason: `p* = c·e/(1+e) = ${markup.toFixed(2)}×cost exceeds the markup cap of ${o.maxMarkup}×cost; target capped`,
    };
  }
  return { targetCents: unconstrainedCents, unconstrainedCents, capped: false, reason: `p* = c·e/(1+e) = ${markup.toFixed(2)}×cost` };
}
