import { inControlGroup } from './controlGroup';
import type { Promotion, Target } from './types';

export interface EligibilityContext {
  /** null: an anonymous chat user (no customer record linked). */
  customerId: number | null;
  /** The customer's segment name, when known. */
  segment?: string;
  /** ISO time. */
  now: string;
  /** What the promotion has cost so far (sum of redemptions). */
  spentCents: number;
}

export type Ineligible = 'ended' | 'not_started' | 'over' | 'budget_spent' | 'not_targeted' | 'control';

/** True when the target covers this customer (anonymous users: only 'all' and 'category'). */
export function targets(target: Target, customerId: number | null, segment: string | undefined): boolean {
  switch (target.kind) {
    case 'all':
    case 'category':
      return true;
    case 'segment':
      return segment !== undefined && segment.trim().toLowerCase() === target.segment.trim().toLowerCase();
    case 'customers':
      return customerId !== null && target.customerIds.includes(customerId);
  }
}

/**
 * Why the promotion cannot be offered to this customer now, or null when it can. The control group
 * is eligible but not shown, so it comes last: uplift counts those customers as eligible.
 * Anonymous users are never assigned to a control group (there is no stable id to measure them by).
 */
export function whyIneligible(p: Promotion, ctx: EligibilityContext): Ineligible | null {
  if (p.status !== 'active') return 'ended';
  if (ctx.now < p.startsAt) return 'not_started';
  if (ctx.now >= p.endsAt) return 'over';
  if (p.budgetCents !== null && ctx.spentCents >= p.budgetCents) return 'budget_spent';
  if (!targets(p.target, ctx.customerId, ctx.segment)) return 'not_targeted';
  if (ctx.customerId !== null && inControlGroup(p.id, ctx.customerId, p.controlShare)) return 'control';
  return null;
}

export function budgetRemaining(p: Promotion, spentCents: number): number {
  return p.budgetCents === null ? Number.POSITIVE_INFINITY : Math.max(0, p.budgetCents - spentCents);
}
