import { Culture, NumberRecognizer } from '@microsoft/recognizers-text-number';
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

/** Whether a message may hold a number at all: digits or an English number word. */
const NUMBER_HINT = /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|dozen|couple|half|a pair)\b/;
const CURRENCY_HINT = /[$£€]|\b(dollars?|bucks?|quid|pounds?|euros?|usd|gbp|eur)\b/;

/**
 * Numbers and amounts of money through Microsoft's recognizers (number, number-with-unit), with
 * the currency model cut down to the currencies a shop sees plus "bucks" and "quid". Models are
 * built once; each costs a few tens of microseconds on a short message and is skipped when the
 * message has no digit, number word or currency mark.
 */
export class NumberReader {
  private readonly numberModel = new NumberRecognizer(Culture.English).getNumberModel();
  private readonly currencyModel = new CurrencyModel(
    new Map([[new BaseMergedUnitExtractor(new ShopCurrencyExtractorConfiguration()), new BaseMergedUnitParser(new ShopCurrencyParserConfiguration())]]),
  );

  numbers(text: string): NumberMention[] {
    if (!NUMBER_HINT.test(text)) return [];
    return this.numberModel
      .parse(text)
      .map((r) => ({ value: Number(r.resolution?.value), start: r.start, end: r.end + 1, text: r.text }))
      .filter((n) => Number.isFinite(n.value));
  }

  money(text: string): MoneyMention[] {
    if (!CURRENCY_HINT.test(text) || !NUMBER_HINT.test(text)) return [];
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
