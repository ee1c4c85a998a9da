import type { Application } from './pricing';
import { currencyFormat } from '../money';
import type { Promotion } from './types';

export interface TermsFormat {
  currency: string;
  locale: string;
  /** Gift product name by SKU, for "Free gift: …". */
  giftName?: (sku: string) => string | undefined;
}

/** "£50" for whole amounts, "£12.50" otherwise. */
export function shortMoney(cents: number, f: TermsFormat): string {
  const whole = cents % 100 === 0;
  return currencyFormat(f.currency, f.locale, whole ? 0 : 2).format(cents / 100);
}

const dayMonth = new Map<string, Intl.DateTimeFormat>();

/** "30 Nov": the last moment of the (end-exclusive) window, in UTC. */
export function untilDate(endsAt: string, locale: string): string {
  const last = new Date(new Date(endsAt).getTime() - 1);
  let format = dayMonth.get(locale);
  if (!format) dayMonth.set(locale, (format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' })));
  return format.format(last);
}

/** The offer in a sentence a customer can read, e.g. "20% off Kitchen until 30 Nov". */
export function describeTerms(p: Promotion, f: TermsFormat): string {
  const until = `until ${untilDate(p.endsAt, f.locale)}`;
  const cat = p.params.category;
  const threshold = p.params.thresholdCents ?? 0;
  const condition =
    threshold > 0
      ? cat
        ? `when you spend over ${shortMoney(threshold, f)} on ${cat}`
        : `with orders over ${shortMoney(threshold, f)}`
      : cat
        ? `with any ${cat} purchase`
        : '';
  switch (p.kind) {
    case 'percent_off':
      return `${p.params.percent}% off ${cat ?? 'everything'} ${until}`;
    case 'spend_save':
      return `Spend ${shortMoney(threshold, f)}${cat ? ` on ${cat}` : ''}, save ${shortMoney(p.params.saveCents ?? 0, f)} (${until})`;
    case 'gift': {
      const gift = (p.params.giftSku && f.giftName?.(p.params.giftSku)) || p.params.giftSku || 'a gift';
      return `Free gift: ${gift} ${condition || 'with any order'} (${until})`;
    }
    case 'free_shipping':
      return `Free delivery ${condition ? condition.replace(/^with /, 'on ') : 'on every order'} (${until})`;
  }
}

/** What a cart shows for the applied promotion, e.g. "Kitchen sale — £6.50 off". */
export function describeApplied(name: string, a: Application, f: TermsFormat): string {
  if (a.gift) return `${name} — ${a.gift.name} free`;
  if (a.discountCents > 0) return `${name} — ${shortMoney(a.discountCents, f)} off`;
  return `${name} — free delivery`;
}
