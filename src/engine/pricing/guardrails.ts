import type { Cents } from '../money';

export type GuardrailRule = 'target' | 'max_step' | 'ceiling' | 'map' | 'margin_floor' | 'rounding';

export interface GuardrailInput {
  currentCents: Cents;
  /** The optimiser's target; undefined keeps the current price. */
  targetCents?: Cents;
  /** Unit cost (known or assumed) for the margin floor. */
  costCents: Cents;
  /** Largest relative change per step, e.g. 0.1 = ±10% of the current price. */
  maxStep?: number;
  ceilingCents?: Cents;
  /** Minimum advertised price: never go below it. */
  mapCents?: Cents;
  /** Minimum gross margin as a fraction of price: floor = cost / (1 - minMargin). */
  minMargin?: number;
  /** Round to a charm price ending (…9 / .49 / .99) without crossing the floor. */
  rounding?: boolean;
}

export interface GuardrailStep {
  rule: GuardrailRule;
  before: Cents;
  after: Cents;
  changed: boolean;
}

export interface GuardrailResult {
  priceCents: Cents;
  steps: GuardrailStep[];
  /**
   * The last rule (rounding aside) that changed the price; 'none' when nothing moved it; 'rounding'
   * when rounding took a moved price back to the current one.
   */
  binding: GuardrailRule | 'none';
  floorCents: Cents;
}

export const GUARDRAIL_DEFAULTS = { maxStep: 0.1, minMargin: 0.2, rounding: true };

/**
 * Applies the rules in a fixed order: target, max change per step, ceiling, MAP, margin floor (last,
 * so it always wins), then price-ending rounding that never goes below the floor (skipped when no rule
 * moved the price: an unchanged price is not re-rounded).
 */
export function applyGuardrails(input: GuardrailInput): GuardrailResult {
  const o = { ...GUARDRAIL_DEFAULTS, ...input };
  const floorCents = Math.ceil(o.costCents / (1 - o.minMargin));
  const steps: GuardrailStep[] = [];
  let price = o.currentCents;
  const step = (rule: GuardrailRule, next: Cents) => {
    steps.push({ rule, before: price, after: next, changed: next !== price });
    price = next;
  };
  step('target', o.targetCents ?? o.currentCents);
  const lo = Math.ceil(o.currentCents * (1 - o.maxStep));
  const hi = Math.floor(o.currentCents * (1 + o.maxStep));
  step('max_step', Math.min(hi, Math.max(lo, price)));
  if (o.ceilingCents !== undefined) step('ceiling', Math.min(price, o.ceilingCents));
  if (o.mapCents !== undefined) step('map', Math.max(price, o.mapCents));
  step('margin_floor', Math.max(price, floorCents));
  // A price no rule moved is kept as it is, not re-rounded.
  if (o.rounding && price !== o.currentCents) step('rounding', charmPrice(price, ...roundingBounds(price, lo, hi, floorCents, o.mapCents, o.ceilingCents)));
  const last = [...steps].reverse().find((s) => s.changed && s.rule !== 'rounding');
  // Rounding only nudges a price, unless it took it all the way back to where it was.
  const binding = last && price === o.currentCents ? 'rounding' : ((last?.rule as GuardrailResult['binding']) ?? 'none');
  return { priceCents: price, steps, binding, floorCents };
}

/**
 * Where rounding may go: never below the floor or MAP; within the step band and under the ceiling
 * unless an earlier rule already put the price outside them (then the floor side wins).
 */
function roundingBounds(price: Cents, lo: Cents, hi: Cents, floor: Cents, map?: Cents, ceiling?: Cents): [Cents, Cents | undefined] {
  const lower = Math.max(floor, map ?? 0, price >= lo ? lo : 0);
  const uppers = [price <= hi ? hi : undefined, ceiling !== undefined && price <= ceiling ? ceiling : undefined].filter((v): v is number => v !== undefined);
  return [lower, uppers.length ? Math.min(...uppers) : undefined];
}

/**
 * The nearest "charm" price: under 5.00 prices end in 9 cents on a 10-cent grid (2.49, 2.59),
 * under 100.00 in .49/.99, under 1000.00 in .99, above that in 4.99/9.99. Candidates must lie in
 * [lower, upper]; when the usual grid has none within half a step, the 10-cent grid (…9) is tried,
 * and when that has none either the price is kept as it is (clamped to the bounds, lower winning).
 * A price already on the grid stays.
 */
export function charmPrice(cents: Cents, lower = 0, upper?: Cents): Cents {
  const grid = cents < 500 ? 10 : cents < 10_000 ? 50 : cents < 100_000 ? 100 : 500;
  const inBounds = (c: number) => c > 0 && c >= lower && (upper === undefined || c <= upper);
  const nearest = (g: number) => {
    const down = Math.floor((cents + 1) / g) * g - 1;
    return [down, down + g].filter(inBounds).sort((a, b) => Math.abs(a - cents) - Math.abs(b - cents) || a - b)[0] as number | undefined;
  };
  const usual = nearest(grid);
  if (usual !== undefined && Math.abs(usual - cents) <= grid / 2) return usual;
  const fine = grid > 10 ? nearest(10) : undefined;
  if (fine !== undefined) return fine;
  if (usual !== undefined) return usual;
  return Math.max(lower, upper === undefined ? cents : Math.min(cents, upper));
}
