import type { MoneyMention, NumberMention, NumberReader } from './numbers';
import type { Token } from './tokenize';

export interface PriceRange {
  min?: number;
  max?: number;
  /** ISO code when the customer named one ("$", "quid", "euros"). */
  currency?: string;
  /** "cheap" or "premium" when said in words without a number; the engine decides what that means. */
  label?: 'cheap' | 'premium';
}

/** A number in the message, with the token span it covers and whether it is an amount of money. */
export interface Amount {
  value: number;
  from: number; // first token index
  to: number; // last token index, inclusive
  currency?: string;
}

const MAX_CUES = cueWords(['under', 'below', 'beneath', 'less than', 'cheaper than', 'lower than', 'up to', 'upto', 'max', 'maximum', 'no more than', 'not more than', 'at most', 'within', 'budget of', 'budget', 'tops', 'or less', 'or under', 'or below', '<']);
const MIN_CUES = cueWords(['over', 'above', 'more than', 'greater than', 'at least', 'min', 'minimum', 'starting at', 'starting from', 'from', 'upwards of', 'or more', 'or over', 'or above', 'plus', '>']);
const ABOUT_CUES = cueWords(['around', 'about', 'approximately', 'approx', 'roughly', 'circa', 'ish', '~', 'round about', 'near']);
const MAX_CUES_AFTER = cueWords(['or less', 'or under', 'or below', 'max', 'tops']);
const MIN_CUES_AFTER = cueWords(['or more', 'or over', 'or above', 'plus']);
const ABOUT_CUES_AFTER = cueWords(['ish']);
const CHEAP = new Set(['cheap', 'cheapest', 'cheaper', 'budget', 'affordable', 'inexpensive', 'bargain', 'low-cost', 'economical']);
const PREMIUM = new Set(['premium', 'luxury', 'luxurious', 'high-end', 'expensive', 'designer', 'upmarket', 'posh']);
const CURRENCY_WORDS: Record<string, string> = { $: 'USD', '£': 'GBP', '€': 'EUR' };

/** Cue phrases as their words, split once. */
function cueWords(cues: string[]): string[][] {
  return cues.map((c) => c.split(' '));
}

/**
 * Amounts are looked for in a message's first 40 tokens only (the longest training message has
 * 30): a price or a quantity belongs to a request, and requests are short, while the number
 * recogniser costs about a microsecond a character, 1-2 ms on a 1,000-character paste full of numbers.
 */
export const MAX_AMOUNT_TOKENS = 40;

/** Numbers as token spans; numbers inside codes ("KIT-0001", "4k") are not amounts. */
export function findAmounts(text: string, tokens: Token[], reader: NumberReader): Amount[] {
  const spanOf = (m: NumberMention) => {
    let from = -1;
    let to = -1;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.start >= m.end || t.end <= m.start) continue;
      if (t.kind === 'code' || t.kind === 'email' || (t.kind === 'word' && /\d/.test(t.text))) return undefined;
      if (from < 0) from = i;
      to = i;
    }
    return from < 0 ? undefined : { from, to };
  };
  const scanned = tokens.length > MAX_AMOUNT_TOKENS ? text.slice(0, tokens[MAX_AMOUNT_TOKENS - 1].end) : text;
  const numbers = reader.numbers(scanned);
  const money: MoneyMention[] = reader.money(scanned, numbers);
  const out: Amount[] = [];
  for (const m of money) {
    const span = spanOf(m);
    if (span) out.push({ value: m.value, currency: m.currency, ...span });
  }
  for (const n of numbers) {
    const span = spanOf(n);
    if (!span || out.some((a) => a.from <= span.to && span.from <= a.to)) continue;
    const symbol = tokens.slice(span.from, span.to + 1).find((t) => t.kind === 'money')?.text.match(/[$£€]/)?.[0];
    out.push({ value: n.value, currency: symbol ? CURRENCY_WORDS[symbol] : undefined, ...span });
  }
  return out.sort((a, b) => a.from - b.from);
}

/** Length in words of the first cue ending at `at`, or 0. */
function cueEndingAt(words: string[], at: number, cues: string[][]): number {
  for (const parts of cues) if (parts.every((p, k) => words[at - parts.length + 1 + k] === p)) return parts.length;
  return 0;
}

/** Length in words of the first cue starting at `at`, or 0. */
function cueStartingAt(words: string[], at: number, cues: string[][]): number {
  for (const parts of cues) if (parts.every((p, k) => words[at + k] === p)) return parts.length;
  return 0;
}

/**
 * A price range from cue words around the amounts: "under $50", "less than 30 dollars",
 * "between 20 and 40", "20-40", "around £15", "50 or less"; and "cheap" / "premium" in words.
 * Returns the range and the token indices it used, so they leave the search query.
 */
export function findPriceRange(tokens: Token[], amounts: Amount[]): { range?: PriceRange; used: Set<number> } {
  const words = tokens.map((t) => t.text);
  const used = new Set<number>();
  const take = (a: Amount, cueFrom: number) => {
    for (let i = Math.max(0, cueFrom); i <= a.to; i++) used.add(i);
  };
  for (let k = 0; k < amounts.length; k++) {
    const a = amounts[k];
    const b = amounts[k + 1];
    const between = words[a.from - 1] === 'between' || (words[a.from - 1] === 'from' && b && words[a.to + 1] === 'to');
    const joined = b && b.from === a.to + 2 && ['and', 'to', '-', 'and', '–'].includes(words[a.to + 1]);
    const dash = b && b.from === a.to + 1 && tokens[a.to].end + 1 === tokens[b.from].start && tokens[a.to].end < tokens[b.from].start;
    if ((between && joined) || ((joined || dash) && (a.currency || b?.currency) && words[a.to + 1] !== 'and')) {
      take(a, a.from - 1);
      take(b!, b!.from);
      return { range: { min: Math.min(a.value, b!.value), max: Math.max(a.value, b!.value), currency: a.currency ?? b!.currency }, used };
    }
    const before = a.from - 1;
    const takeAround = (cueBefore: number, cueAfter: number) => {
      take(a, a.from - cueBefore);
      for (let i = a.to + 1; i <= a.to + cueAfter; i++) used.add(i);
    };
    const maxBefore = cueEndingAt(words, before, MAX_CUES);
    const maxAfter = cueStartingAt(words, a.to + 1, MAX_CUES_AFTER);
    if (maxBefore || maxAfter) {
      takeAround(maxBefore, maxAfter);
      return { range: { max: a.value, currency: a.currency }, used };
    }
    const minBefore = cueEndingAt(words, before, MIN_CUES);
    const minAfter = cueStartingAt(words, a.to + 1, MIN_CUES_AFTER);
    if (minBefore || minAfter) {
      takeAround(minBefore, minAfter);
      return { range: { min: a.value, currency: a.currency }, used };
    }
    const aboutBefore = cueEndingAt(words, before, ABOUT_CUES);
    const aboutAfter = cueStartingAt(words, a.to + 1, ABOUT_CUES_AFTER);
    if (aboutBefore || aboutAfter) {
      takeAround(aboutBefore, aboutAfter);
      return { range: { min: round2(a.value * 0.8), max: round2(a.value * 1.2), currency: a.currency }, used };
    }
    if (a.currency) {
      take(a, a.from);
      return { range: { max: a.value, currency: a.currency }, used };
    }
  }
  const cheap = tokens.findIndex((t) => CHEAP.has(t.text));
  if (cheap >= 0) return { range: { label: 'cheap' }, used: new Set([cheap]) };
  const premium = tokens.findIndex((t) => PREMIUM.has(t.text));
  if (premium >= 0) return { range: { label: 'premium' }, used: new Set([premium]) };
  return { used };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

const QUANTITY_BEFORE = new Set(['add', 'take', 'buy', 'want', 'need', 'get', 'order', 'have', 'grab', 'qty', 'quantity', 'x', 'it', 'put', 'make', 'of', 'another']);
const QUANTITY_AFTER = new Set(['of', 'x', 'units', 'unit', 'pieces', 'pcs', 'items', 'more', 'please', 'pls', 'in']);
const NOT_QUANTITY_BEFORE = new Set(['size', 'uk', 'eu', 'us', 'invoice', 'number', 'no', '#', 'item', 'option', 'waist', 'inch', 'page', 'than', 'under', 'over', 'between']);

/**
 * How many: an amount that is not a price, size, order number or year, next to a buying word or
 * before a noun ("add 2", "i'll take two", "3 of the mugs", "2 x KIT-0001", "a dozen candles").
 */
export function findQuantity(tokens: Token[], amounts: Amount[], used: Set<number>, expectingQuantity: boolean): { quantity?: number; index?: number } {
  const words = tokens.map((t) => t.text);
  for (const a of amounts) {
    if (a.currency || used.has(a.from) || !Number.isInteger(a.value) || a.value < 1 || a.value > 999) continue;
    const prev = words[a.from - 1];
    const next = tokens[a.to + 1];
    if (prev !== undefined && NOT_QUANTITY_BEFORE.has(prev)) continue;
    const onlyNumber = tokens.filter((t) => t.kind !== 'punct').length === a.to - a.from + 1;
    const beforeNoun = next !== undefined && (next.kind === 'word' || next.kind === 'code') && !['inch', 'inches', 'cm', 'mm', 'kg', 'ml', 'litres', 'liters', 'years', 'year', 'days', 'weeks', 'hours', 'minutes', 'percent', 'stars', 'star', 'am', 'pm', 'waist', 'and', 'to', 'or'].includes(next.text);
    if ((onlyNumber && expectingQuantity) || QUANTITY_BEFORE.has(prev ?? '') || (next && QUANTITY_AFTER.has(next.text)) || beforeNoun) {
      return { quantity: a.value, index: a.from };
    }
  }
  return {};
}
