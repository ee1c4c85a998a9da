import type { NewPromotion, PromotionKind, PromotionParams, Target } from '../engine/promotions/types';
import { toCents } from '../engine/money';

export const PROMO_USAGE = [
  'Usage:',
  '- `/promo list`',
  '- `/promo create percent 20 for category Kitchen [days 14] [budget 500] [control 10]`',
  '- `/promo create spend 50 save 10 for segment "At risk"`',
  '- `/promo create gift KIT-0001 over 30 for all`',
  '- `/promo create shipping over 25 for segment Loyal`',
  '- `/promo create for segment Champions` (the segment\'s default strategy)',
  '- `/promo end <id>`, `/promo report <id>`',
].join('\n');

/** Parses the words after `/promo create` into a promotion, or explains what is wrong. */
export function parsePromoCreate(args: string[], now: Date): { promotion: NewPromotion } | { error: string } {
  const words = [...args];
  const take = () => words.shift();
  const amount = (what: string): number | string => {
    const raw = take();
    const n = Number(String(raw ?? '').replace(/^[£$€]/, ''));
    return raw !== undefined && Number.isFinite(n) && n > 0 ? n : `${what} needs a positive number${raw ? `, not "${raw}"` : ''}`;
  };
  let kind: PromotionKind | undefined;
  const params: PromotionParams = {};
  const first = words[0]?.toLowerCase();
  if (first === 'percent') {
    take();
    const p = amount('percent');
    if (typeof p === 'string') return { error: p };
    kind = 'percent_off';
    params.percent = p;
  } else if (first === 'spend') {
    take();
    const x = amount('spend');
    if (typeof x === 'string') return { error: x };
    if (take()?.toLowerCase() !== 'save') return { error: 'write it as "spend X save Y"' };
    const y = amount('save');
    if (typeof y === 'string') return { error: y };
    kind = 'spend_save';
    params.thresholdCents = toCents(x);
    params.saveCents = toCents(y);
  } else if (first === 'gift' || first === 'shipping') {
    take();
    kind = first === 'gift' ? 'gift' : 'free_shipping';
    if (kind === 'gift') {
      const sku = take();
      if (!sku) return { error: 'gift needs the SKU of the free item' };
      params.giftSku = sku;
    }
    if (words[0]?.toLowerCase() === 'over') {
      take();
      const x = amount('over');
      if (typeof x === 'string') return { error: x };
      params.thresholdCents = toCents(x);
    }
  }
  if (take()?.toLowerCase() !== 'for') return { error: `say who it is for: "for all", "for segment NAME" or "for category NAME"\n${PROMO_USAGE}` };
  const targetKind = take()?.toLowerCase();
  let target: Target;
  if (targetKind === 'all') target = { kind: 'all' };
  else if (targetKind === 'segment' || targetKind === 'category') {
    const name = take();
    if (!name) return { error: `which ${targetKind}?` };
    target = targetKind === 'segment' ? { kind: 'segment', segment: name } : { kind: 'category', category: name };
  } else return { error: 'the target is "all", "segment NAME" or "category NAME"' };
  if (!kind && target.kind !== 'segment') return { error: `which kind of promotion? percent, spend … save …, gift or shipping\n${PROMO_USAGE}` };

  let days = 14;
  let budgetCents: number | null = null;
  let controlShare = 0.1;
  while (words.length) {
    const option = take()!.toLowerCase();
    const n = amount(option);
    if (typeof n === 'string') return { error: n };
    if (option === 'days') days = Math.round(n);
    else if (option === 'budget') budgetCents = toCents(n);
    else if (option === 'control') controlShare = n / 100;
    else return { error: `unknown option "${option}" (days, budget, control)` };
  }
  if (controlShare >= 1) return { error: 'control is a percentage below 100' };
  return {
    promotion: {
      kind,
      params: kind ? params : undefined,
      target,
      startsAt: now.toISOString(),
      endsAt: new Date(now.getTime() + days * 86_400_000).toISOString(),
      budgetCents,
      controlShare,
    },
  };
}
