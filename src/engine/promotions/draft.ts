import type { NewPromotion, Promotion, PromotionParams, Strategy } from './types';
import * as v from './validate';

export type Draft = Omit<Promotion, 'id' | 'status' | 'name'>;

/**
 * Checks a new promotion and normalises it (canonical SKU, category spelling and segment name,
 * ISO times, only the keys its kind uses). A segment target without a kind takes the segment's
 * strategy, with any given params overriding the strategy's.
 */
export function draftPromotion(
  input: NewPromotion,
  lookups: v.Lookups,
  strategyFor: (segment: string) => Strategy,
  actor: string,
  nowIso: string,
): Draft {
  const target = v.validateTarget(input.target, lookups);
  let kind = input.kind;
  let params: PromotionParams = { ...input.params };
  if (kind === undefined && target.kind === 'segment') {
    const s = strategyFor(target.segment);
    kind = s.kind;
    params = { ...s.params, ...params };
  }
  kind = v.validateKind(kind);
  params = v.validateParams(kind, params, lookups);
  if (target.kind === 'category') params.category = target.category;
  return {
    kind,
    params,
    target,
    ...v.validateWindow(input.startsAt ?? nowIso, input.endsAt),
    budgetCents: v.validateBudget(input.budgetCents),
    controlShare: v.validateControlShare(input.controlShare),
    createdBy: actor,
    createdAt: nowIso,
  };
}
