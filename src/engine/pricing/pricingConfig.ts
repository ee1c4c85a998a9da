import type { ElasticityOptions } from './elasticity';
import { GUARDRAIL_DEFAULTS } from './guardrails';
import { OPTIMAL_PRICE_DEFAULTS, type OptimalPriceOptions } from './optimalPrice';

/** Everything the repricer can be told; every field has a default. */
export interface PricingConfig extends OptimalPriceOptions {
  /** Unit cost as a fraction of the current price when the product has no cost (imported data). */
  assumedCostRatio: number;
  maxStep: number;
  minMargin: number;
  rounding: boolean;
  /** Ceiling as a multiple of the current price when the product sets none (undefined = no ceiling). */
  ceilingRatio?: number;
  elasticity: ElasticityOptions;
  /** Most products in a pooled (category) estimate: the best sellers with price variation. */
  maxPooledProducts: number;
}

export const PRICING_DEFAULTS: PricingConfig = {
  assumedCostRatio: 0.6,
  maxStep: GUARDRAIL_DEFAULTS.maxStep,
  minMargin: GUARDRAIL_DEFAULTS.minMargin,
  rounding: GUARDRAIL_DEFAULTS.rounding,
  ...OPTIMAL_PRICE_DEFAULTS,
  elasticity: {},
  maxPooledProducts: 80,
};

export function pricingConfig(overrides: Partial<PricingConfig> = {}): PricingConfig {
  const config = { ...PRICING_DEFAULTS, ...overrides, elasticity: { ...PRICING_DEFAULTS.elasticity, ...overrides.elasticity } };
  if (!(config.assumedCostRatio > 0 && config.assumedCostRatio < 1)) throw new RangeError('assumedCostRatio must be in (0, 1)');
  if (!(config.maxStep > 0 && config.maxStep < 1)) throw new RangeError('maxStep must be in (0, 1)');
  if (!(config.minMargin >= 0 && config.minMargin < 1)) throw new RangeError('minMargin must be in [0, 1)');
  return config;
}
