import type { Cents } from '../money';
import type { ElasticityEstimate } from './elasticity';
import { applyGuardrails, type GuardrailResult } from './guardrails';
import { optimalPrice } from './optimalPrice';
import type { PricingConfig } from './pricingConfig';

export interface PriceInputs {
  currentCents: Cents;
  /** Known unit cost, or null when unknown (the assumed cost ratio is used and the notes say so). */
  costCents: Cents | null;
  ceilingCents?: Cents;
  mapCents?: Cents;
}

export interface PriceRecommendation {
  elasticity: number;
  ci: [number, number];
  n: number;
  currentCents: Cents;
  recommendedCents: Cents;
  targetCents?: Cents;
  costCents: Cents;
  costAssumed: boolean;
  binding: GuardrailResult['binding'];
  steps: GuardrailResult['steps'];
  floorCents: Cents;
  /** Fractions: -0.08 = 8% fewer units. profit is null when the current price does not cover cost. */
  expected: { unitsChange: number; profitChange: number | null };
  notes: string[];
}

/** Elasticity estimate -> optimal price (if any) -> guardrails -> expected change in units and profit. */
export function recommendPrice(estimate: ElasticityEstimate, inputs: PriceInputs, config: PricingConfig): PriceRecommendation {
  const notes: string[] = [];
  const costAssumed = inputs.costCents === null;
  const costCents = inputs.costCents ?? Math.round(inputs.currentCents * config.assumedCostRatio);
  if (costAssumed) notes.push(`no unit cost on record: assumed ${Math.round(100 * config.assumedCostRatio)}% of the current price`);
  const optimum = optimalPrice(costCents, estimate.elasticity, config);
  notes.push(optimum.reason);
  const ceilingCents = inputs.ceilingCents ?? (config.ceilingRatio ? Math.floor(inputs.currentCents * config.ceilingRatio) : undefined);
  const guarded = applyGuardrails({
    currentCents: inputs.currentCents,
    targetCents: optimum.targetCents,
    costCents,
    maxStep: config.maxStep,
    minMargin: config.minMargin,
    rounding: config.rounding,
    ceilingCents,
    mapCents: inputs.mapCents,
  });
  return {
    elasticity: estimate.elasticity,
    ci: estimate.ci,
    n: estimate.n,
    currentCents: inputs.currentCents,
    recommendedCents: guarded.priceCents,
    ...(optimum.targetCents !== undefined && { targetCents: optimum.targetCents }),
    costCents,
    costAssumed,
    binding: guarded.binding,
    steps: guarded.steps,
    floorCents: guarded.floorCents,
    expected: expectedChange(inputs.currentCents, guarded.priceCents, costCents, estimate.elasticity),
    notes,
  };
}

/** Constant-elasticity demand: units scale by (new/old)^e; profit per unit is price - cost. */
export function expectedChange(oldCents: Cents, newCents: Cents, costCents: Cents, e: number): PriceRecommendation['expected'] {
  const ratio = (newCents / oldCents) ** e;
  const before = oldCents - costCents;
  const after = (newCents - costCents) * ratio;
  return { unitsChange: ratio - 1, profitChange: before > 0 ? after / before - 1 : null };
}
