/**
 * Field parsers shared by the importers. Each returns the clean value or throws a `FieldError`
 * whose message becomes the line's reason in the import summary.
 *
 * Times: the files carry wall-clock times without a zone. We store them as if they were UTC
 * (`2010-12-01 08:26` -> `2010-12-01T08:26:00.000Z`), so the calendar day and hour of an order are
 * the shop's own (a UK shop in summer would otherwise see 00:30 orders on the previous day).
 * Shopmate-format times with an explicit offset (`Z`, `+01:00`) are converted to UTC.
 */
export class FieldError extends Error {}

const RETAIL_US = /^(\d{1,2})\/(\d{1,2})\/(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const ISO_LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T\s](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const ISO_ZONED = /^\d{4}-\d{2}-\d{2}[T\s]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})$/i;

function wallTime(y: number, mo: number, d: number, h: number, mi: number, s: number, raw: string): string {
  const ms = Date.UTC(y, mo - 1, d, h, mi, s);
  const date = new Date(ms);
  const valid = y >= 1900 && h < 24 && mi < 60 && s < 60 && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  if (!valid) throw new FieldError(`bad date "${raw}"`);
  return date.toISOString();
}

/** Online Retail dates: `12/1/2010 8:26` (M/D/YYYY H:MM[:SS]) or `2010-12-01 08:26:00`. */
export function parseRetailDate(raw: string): string {
  const text = raw.trim();
  const us = RETAIL_US.exec(text);
  if (us) return wallTime(+us[3], +us[1], +us[2], +us[4], +us[5], +(us[6] ?? 0), raw);
  return parseIsoDate(text);
}

/** Shopmate dates: ISO 8601 `YYYY-MM-DD[ HH:MM[:SS]]` as wall time, or with `Z` / `±HH:MM` converted to UTC. */
export function parseIsoDate(raw: string): string {
  const text = raw.trim();
  const local = ISO_LOCAL.exec(text);
  if (local) return wallTime(+local[1], +local[2], +local[3], +(local[4] ?? 0), +(local[5] ?? 0), +(local[6] ?? 0), raw);
  if (ISO_ZONED.test(text)) {
    const ms = Date.parse(text.replace(' ', 'T').replace(/\s+/g, '').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
    if (Number.isFinite(ms)) return new Date(ms).toISOString();
  }
  throw new FieldError(`bad date "${raw}"`);
}

/** A whole number of units, signed (`-6` is a cancellation in Online Retail); `6.0` is accepted. */
export function parseQuantity(raw: string): number {
  const text = raw.trim();
  const n = text === '' ? NaN : Number(text);
  if (!Number.isInteger(n) || Math.abs(n) > 1e9) throw new FieldError(`quantity is not a whole number: "${raw}"`);
  return n;
}

/** A price in currency units (`2.55`, `£2.55`) as integer cents, rounded; may be zero or negative. */
export function parsePriceCents(raw: string, field = 'price'): number {
  const text = raw.trim().replace(/^[£$€]/, '');
  const n = text === '' ? NaN : Number(text);
  if (!Number.isFinite(n) || Math.abs(n) > 1e9) throw new FieldError(`${field} is not a number: "${raw}"`);
  return Math.round(n * 100);
}

/** `17850.0` (a spreadsheet's float) -> `17850`; other ids are kept, trimmed; '' means no customer. */
export function normaliseCustomerId(raw: string): string {
  const text = raw.trim();
  const m = /^(\d+)\.0*$/.exec(text);
  return m ? m[1] : text;
}

/**
 * Online Retail stock codes of real products: five digits with an optional letter suffix
 * (`85123A`, `15056bl`) or the `DCGS…` marketplace listings. Everything else in the data is a
 * book-keeping line: POST/DOT/C2 postage and carriage, M manual, D discount, S samples,
 * BANK CHARGES, AMAZONFEE, CRUK commission, B bad-debt adjustments, PADS, gift vouchers, tests.
 */
const PRODUCT_CODE = /^(\d{5}[A-Z]{0,3}|DCGS[A-Z0-9]{1,12})$/;

export function isProductCode(sku: string): boolean {
  return PRODUCT_CODE.test(sku);
}

/** Trims and collapses runs of white space. */
export function cleanText(raw: string): string {
  return raw.replace(/\s+/g, ' ').trim();
}

/** `WHITE HANGING HEART T-LIGHT HOLDER` -> `White Hanging Heart T-Light Holder`. Mixed-case text is kept. */
export function displayName(raw: string): string {
  const text = cleanText(raw);
  if (text !== text.toUpperCase()) return text;
  return text.toLowerCase().replace(/(^|[\s\-/(&+,.])([a-z])/g, (_, sep: string, ch: string) => sep + ch.toUpperCase());
}
