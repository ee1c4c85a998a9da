/** Money is integer cents inside the engine; these convert at the edges. */
export type Cents = number;

export function toCents(amount: number): Cents {
  if (!Number.isFinite(amount)) throw new RangeError(`not a finite amount: ${amount}`);
  return Math.round(amount * 100);
}

export function fromCents(cents: Cents): number {
  return cents / 100;
}

const formats = new Map<string, Intl.NumberFormat>();

/**
 * A currency formatter, built once per locale, currency and number of decimals: constructing an
 * Intl.NumberFormat costs far more than formatting with one, and every card shows prices.
 */
export function currencyFormat(currency: string, locale: string, fractionDigits?: number): Intl.NumberFormat {
  const key = `${locale}|${currency}|${fractionDigits ?? ''}`;
  let format = formats.get(key);
  if (!format) {
    const digits = fractionDigits === undefined ? {} : { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits };
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, ...digits });
    formats.set(key, format);
  }
  return format;
}

/** "£12.50" style text for replies. */
export function formatMoney(cents: Cents, currency = 'GBP', locale = 'en-GB'): string {
  return currencyFormat(currency, locale).format(cents / 100);
}
