import { fromCents } from '../engine/money';
import type { RepriceOutcome } from '../engine/pricing/repricer';

const round = (v: number, digits = 4) => Number(v.toFixed(digits));
const money = (cents: number) => fromCents(cents).toFixed(2);
const pct = (v: number | null) => (v === null ? 'n/a' : `${v >= 0 ? '+' : ''}${(100 * v).toFixed(1)}%`);

/** The DESIGN.md `reprice` JSON shape (money in currency units, changes as fractions) plus details. */
export function outcomeJson(o: RepriceOutcome) {
  if (!o.ok) {
    return {
      sku: o.sku,
      refused: o.refused,
      code: o.code,
      n: o.n,
      ...(o.elasticity !== undefined && { elasticity: round(o.elasticity) }),
      ...(o.ci && { ci: o.ci.map((v) => round(v)) }),
    };
  }
  return {
    sku: o.sku,
    elasticity: round(o.elasticity),
    ci: o.ci.map((v) => round(v)),
    n: o.n,
    current_price: fromCents(o.currentCents),
    recommended_price: fromCents(o.recommendedCents),
    binding_rule: o.binding,
    expected: {
      units_change_pct: round(o.expected.unitsChange),
      profit_change_pct: o.expected.profitChange === null ? null : round(o.expected.profitChange),
    },
    target_price: o.targetCents === undefined ? null : fromCents(o.targetCents),
    cost: fromCents(o.costCents),
    cost_assumed: o.costAssumed,
    margin_floor: fromCents(o.floorCents),
    pooled: o.pooled,
    steps: o.steps.map((s) => ({ rule: s.rule, before: fromCents(s.before), after: fromCents(s.after), changed: s.changed })),
    notes: o.notes,
  };
}

/** A staff-readable paragraph: estimate, price move, binding rule, expected change, notes. */
export function describeOutcome(o: RepriceOutcome): string {
  const head = `${o.sku}${o.name ? ` ${o.name}` : ''}`;
  if (!o.ok) {
    const est = o.elasticity !== undefined && o.ci ? ` (estimate ${o.elasticity.toFixed(2)}, 95% CI ${o.ci[0].toFixed(2)} to ${o.ci[1].toFixed(2)}, n=${o.n})` : ` (n=${o.n})`;
    return `${head}\nrefused: ${o.refused}${est}`;
  }
  const moved = o.steps.filter((s) => s.changed).map((s) => `${s.rule} ${money(s.before)}->${money(s.after)}`);
  return [
    head,
    `elasticity ${o.elasticity.toFixed(2)} (95% CI ${o.ci[0].toFixed(2)} to ${o.ci[1].toFixed(2)}, n=${o.n}${o.pooled ? ', pooled over the category' : ''})`,
    `price ${money(o.currentCents)} -> ${money(o.recommendedCents)} (binding rule: ${o.binding})`,
    `expected: units ${pct(o.expected.unitsChange)}, profit ${pct(o.expected.profitChange)}; cost ${money(o.costCents)}${o.costAssumed ? ' (assumed)' : ''}, margin floor ${money(o.floorCents)}`,
    ...(moved.length ? [`rules: ${moved.join(', ')}`] : []),
    ...o.notes.map((n) => `note: ${n}`),
  ].join('\n');
}
