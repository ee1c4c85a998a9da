import { invalid } from '../errors';
import { PROMOTION_KINDS, type PromotionKind, type PromotionParams, type Target } from './types';

/** What validation needs to know about the store. */
export interface Lookups {
  /** The canonical SKU of an active product, or undefined. */
  productSku(sku: string): string | undefined;
  /** The stored spelling of a category that has products, or undefined. */
  category(name: string): string | undefined;
  /** The ids among these that are not customers. */
  missingCustomers(ids: number[]): number[];
  /** Known segment names, when a segmenter is wired in. */
  segmentNames?: () => string[];
}

const isCents = (x: unknown): x is number => typeof x === 'number' && Number.isInteger(x) && x >= 0;

export function validateKind(kind: unknown): PromotionKind {
  if (!PROMOTION_KINDS.includes(kind as PromotionKind)) throw invalid(`promotion type must be one of ${PROMOTION_KINDS.join(', ')}`);
  return kind as PromotionKind;
}

/** The kind's own terms, checked and normalised (only the keys the kind uses are kept). */
export function validateParams(kind: PromotionKind, params: PromotionParams, lookups: Lookups): PromotionParams {
  const out: PromotionParams = {};
  if (params.category !== undefined) out.category = validCategory(params.category, lookups);
  const threshold = params.thresholdCents;
  if (threshold !== undefined && !isCents(threshold)) throw invalid('the spend threshold must be a whole number of cents, 0 or more');
  switch (kind) {
    case 'percent_off': {
      const pct = params.percent;
      if (typeof pct !== 'number' || !Number.isFinite(pct) || pct <= 0 || pct > 90) throw invalid('percent off must be more than 0 and at most 90');
      out.percent = pct;
      break;
    }
    case 'spend_save':
      if (!isCents(threshold) || threshold === 0) throw invalid('spend X save Y needs a spend threshold above 0');
      if (!isCents(params.saveCents) || params.saveCents === 0) throw invalid('spend X save Y needs a saving above 0');
      if (params.saveCents >= threshold) throw invalid('the saving must be less than the spend threshold');
      out.thresholdCents = threshold;
      out.saveCents = params.saveCents;
      break;
    case 'gift': {
      const sku = params.giftSku?.trim() ? lookups.productSku(params.giftSku.trim()) : undefined;
      if (!sku) throw invalid(params.giftSku ? `no active product with SKU ${params.giftSku}` : 'a gift promotion needs the gift SKU');
      out.giftSku = sku;
      if (threshold !== undefined) out.thresholdCents = threshold;
      break;
    }
    case 'free_shipping':
      if (threshold !== undefined) out.thresholdCents = threshold;
      break;
  }
  return out;
}

function validCategory(name: string, lookups: Lookups): string {
  const found = typeof name === 'string' && name.trim() ? lookups.category(name.trim()) : undefined;
  if (!found) throw invalid(`no products in category "${name}"`);
  return found;
}

export function validateTarget(target: Target | undefined, lookups: Lookups): Target {
  switch (target?.kind) {
    case 'all':
      return { kind: 'all' };
    case 'category':
      return { kind: 'category', category: validCategory(target.category, lookups) };
    case 'segment': {
      const name = typeof target.segment === 'string' ? target.segment.trim() : '';
      if (!name) throw invalid('a segment promotion needs the segment name');
      const known = lookups.segmentNames?.();
      if (known && known.length > 0) {
        const match = known.find((s) => s.toLowerCase() === name.toLowerCase());
        if (!match) throw invalid(`no segment "${name}" (known: ${known.join(', ')})`);
        return { kind: 'segment', segment: match };
      }
      return { kind: 'segment', segment: name };
    }
    case 'customers': {
      const ids = Array.isArray(target.customerIds) ? target.customerIds : [];
      if (ids.length === 0 || !ids.every((id) => Number.isInteger(id) && id > 0)) throw invalid('a customer-list promotion needs customer ids');
      const missing = lookups.missingCustomers(ids);
      if (missing.length > 0) throw invalid(`no customer with id ${missing.join(', ')}`);
      return { kind: 'customers', customerIds: [...new Set(ids)] };
    }
    default:
      throw invalid('the target must be all, a segment, a category or a list of customers');
  }
}

/** ISO start and end, start before end. */
export function validateWindow(startsAt: string, endsAt: string): { startsAt: string; endsAt: string } {
  const start = new Date(startsAt);
  const end = new Date(endsAt);
  if (Number.isNaN(start.getTime())) throw invalid(`not a date: ${startsAt}`);
  if (Number.isNaN(end.getTime())) throw invalid(`not a date: ${endsAt}`);
  if (start >= end) throw invalid('the promotion must start before it ends');
  return { startsAt: start.toISOString(), endsAt: end.toISOString() };
}

export function validateBudget(budget: number | null | undefined): number | null {
  if (budget === undefined || budget === null) return null;
  if (!isCents(budget)) throw invalid('the budget must be a whole number of cents, 0 or more');
  return budget;
}

export function validateControlShare(share: number | undefined): number {
  if (share === undefined) return 0.1;
  if (typeof share !== 'number' || !(share >= 0 && share < 1)) throw invalid('the control share must be at least 0 and below 1');
  return share;
}
