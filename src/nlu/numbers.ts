import { Culture, NumberRecognizer, StringUtility } from '@microsoft/recognizers-text-number';
import {
  BaseMergedUnitExtractor,
  BaseMergedUnitParser,
  CurrencyModel,
  EnglishCurrencyExtractorConfiguration,
  EnglishCurrencyParserConfiguration,
  EnglishNumericWithUnit,
} from '@microsoft/recognizers-text-number-with-unit';

export interface NumberMention {
  value: number;
  start: number;
  end: number; // exclusive
  text: string;
}

export interface MoneyMention extends NumberMention {
  currency: string; // ISO code
}

/** The currencies a shop's customers name; the recogniser's full world list costs ~1 ms a message. */
const SHOP_CURRENCIES = ['Dollar', 'United States dollar', 'Pound', 'British pound', 'Euro'];
const SLANG: [string, string][] = [
  ['Dollar', 'bucks|buck'],
  ['Pound', 'quid'],
];
const ISO: Record<string, string> = { Dollar: 'USD', 'United States dollar': 'USD', Pound: 'GBP', 'British pound': 'GBP', Euro: 'EUR' };

function shopList(all: ReadonlyMap<string, string>, slang: boolean): Map<string, string> {
  const m = new Map<string, string>();
  for (const name of SHOP_CURRENCIES) if (all.has(name)) m.set(name, all.get(name)!);
  if (slang) for (const [name, words] of SLANG) m.set(name, `${m.get(name) ?? ''}|${words}`.replace(/^\|/, ''));
  return m;
}

class ShopCurrencyExtractorConfiguration extends EnglishCurrencyExtractorConfiguration {
  constructor() {
    super();
    (this as { suffixList: ReadonlyMap<string, string> }).suffixList = shopList(EnglishNumericWithUnit.CurrencySuffixList, true);
    (this as { prefixList: ReadonlyMap<string, string> }).prefixList = shopList(EnglishNumericWithUnit.CurrencyPrefixList, false);
  }
}

class ShopCurrencyParserConfiguration extends EnglishCurrencyParserConfiguration {
  constructor() {
    super();
    this.BindDictionary(new Map(SLANG));
  }
}

/**
 * The number model normalises the whole message again for each of its 23 patterns
 * (`StringUtility.removeDiacriticsFromWordBoundaries`: split, map, join), close to half of its
 * time on a short message. That function is pure, so it remembers its last answer: once a message
 * instead of 23 times. No result changes, for us or any other user of the package.
 */
function normaliseOncePerMessage(): void {
  const normalise = StringUtility.removeDiacriticsFromWordBoundaries;
  if ((normalise as { once?: boolean }).once) return;
  let lastInput: string | undefined;
  let lastOutput = '';
  const once = (input: string): string => {
    if (input !== lastInput) {
      lastOutput = normalise.call(StringUtility, input);
      lastInput = input;
    }
    return lastOutput;
  };
  StringUtility.removeDiacriticsFromWordBoundaries = Object.assign(once, { once: true });
}

/** Whether a message may hold a number at all: digits or an English number word. */
const NUMBER_HINT = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen|couple|half|a pair)\b/;
const CURRENCY_HINT = /[$£€]|\b(dollars?|bucks?|quid|pounds?|euros?|usd|gbp|eur)\b/;

/** One alternation of the recogniser's own currency names (ours only), longest first, to unit names. */
function currencyNames(lists: Map<string, string>[]): { pattern: string; unitOf: Map<string, string> } {
  const unitOf = new Map<string, string>();
  for (const list of lists) for (const [unit, names] of list) for (const n of names.split('|')) if (n && !unitOf.has(n)) unitOf.set(n, unit);
  const pattern = [...unitOf.keys()]
    .sort((a, b) => b.length - a.length)
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|');
  return { pattern, unitOf };
}

/**
 * Numbers and amounts of money through Microsoft's recognizers (number, number-with-unit). The
 * number model finds every amount, digits or words ("twenty five", "a dozen"); its currency is the
 * currency name or symbol next to it, from the number-with-unit recogniser's own currency lists
 * cut down to the currencies a shop sees plus "bucks" and "quid". The full currency model (about
 * ten times slower, up to a millisecond) only runs when that finds nothing beside a currency word.
 * Models are built once, and skipped when the message has no digit, number word or currency mark.
 */
export class NumberReader {
  private readonly numberModel = new NumberRecognizer(Culture.English).getNumberModel();
  private currencyModel?: CurrencyModel;
  private readonly prefix: RegExp;
  private readonly suffix: RegExp;
  private readonly unitOf: Map<string, string>;

  constructor() {
    normaliseOncePerMessage();
    // ISO codes written before the amount ("usd 40"), which the recogniser itself misreads as 0.4
    const codes = new Map([['United States dollar', 'usd'], ['British pound', 'gbp'], ['Euro', 'eur']]);
    const prefixes = currencyNames([shopList(EnglishNumericWithUnit.CurrencyPrefixList, false), codes]);
    const suffixes = currencyNames([shopList(EnglishNumericWithUnit.CurrencySuffixList, true)]);
    this.unitOf = new Map([...suffixes.unitOf, ...prefixes.unitOf]);
    this.prefix = new RegExp(`(?:^|[^a-z])(${prefixes.pattern})\\s?$`);
    this.suffix = new RegExp(`^\\s?(${suffixes.pattern})(?![a-z])`);
  }

  numbers(text: string): NumberMention[] {
    if (!NUMBER_HINT.test(text)) return [];
    return this.numberModel
      .parse(text)
      .map((r) => ({ value: Number(r.resolution?.value), start: r.start, end: r.end + 1, text: r.text }))
      .filter((n) => Number.isFinite(n.value));
  }

  money(text: string, numbers = this.numbers(text)): MoneyMention[] {
    if (!CURRENCY_HINT.test(text) || numbers.length === 0) return [];
    const out: MoneyMention[] = [];
    for (const n of numbers) {
      const sliceStart = Math.max(0, n.start - 6);
      const before = this.prefix.exec(text.slice(sliceStart, n.start));
      const after = this.suffix.exec(text.slice(n.end, n.end + 24));
      const unit = this.unitOf.get((before?.[1] ?? after?.[1])!);
      const currency = unit ? ISO[unit] : undefined;
      if (!currency) continue;
      const start = before ? sliceStart + before.index + before[0].lastIndexOf(before[1]) : n.start;
      const end = after ? n.end + after[0].length : n.end;
      out.push({ value: n.value, currency, start, end, text: text.slice(start, end) });
    }
    return out.length ? out : this.slowMoney(text);
  }

  /** The recogniser's currency model, built on first use. */
  private slowMoney(text: string): MoneyMention[] {
    this.currencyModel ??= new CurrencyModel(
      new Map([[new BaseMergedUnitExtractor(new ShopCurrencyExtractorConfiguration()), new BaseMergedUnitParser(new ShopCurrencyParserConfiguration())]]),
    );
    const out: MoneyMention[] = [];
    for (const r of this.currencyModel.parse(text)) {
      const res = r.resolution as { value?: string; unit?: string } | undefined;
      const value = Number(res?.value);
      const currency = res?.unit ? ISO[res.unit] : undefined;
      if (Number.isFinite(value) && currency) out.push({ value, currency, start: r.start, end: r.end + 1, text: r.text });
    }
    return out;
  }
}
