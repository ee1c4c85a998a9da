import type { Token } from './tokenize';

/** Extra features for a word: `#product` for product nouns and catalogue words, `#colour`, `#pos`/`#neg`. */
export type WordMarker = (t: Token) => readonly string[];

const ORDER_ID = /^(sm\d{5,}|c?5\d{5})$/;

/** What a token contributes as a word feature: its stem, or its shape for numbers, codes, money, e-mail. */
export function tokenFeature(t: Token): string | undefined {
  switch (t.kind) {
    case 'word':
      return t.stem;
    case 'number':
      return ORDER_ID.test(t.text) ? '#orderid' : '#num';
    case 'code':
      return ORDER_ID.test(t.text) ? '#orderid' : '#code';
    case 'money':
      return '#money';
    case 'email':
      return '#email';
    case 'emoji':
      return t.text.replace(/[\u{1F3FB}-\u{1F3FF}\u{FE0F}]/gu, '');
    case 'punct':
      return t.text === '?' || t.text === '!' ? t.text : undefined;
  }
}

export interface FeatureOptions {
  bigrams: boolean;
  charGrams: boolean;
  /** `n:` copies of the words that follow a negation ("not happy", "didn't arrive"), up to the next punctuation. */
  negation: boolean;
  /** `s:` pairs of words one apart ("cancel _ order"), which survive a word put in between. */
  skipGrams: boolean;
}

export const DEFAULT_FEATURES: FeatureOptions = { bigrams: true, charGrams: true, negation: false, skipGrams: false };

/** Shortest word that gets character n-grams. */
const CHAR_GRAM_MIN = 2;

/** How many words after a negation are read as negated. */
const NEGATION_SCOPE = 3;

function isNegation(t: Token): boolean {
  return t.kind === 'word' && (NEGATORS.has(t.text) || t.text.endsWith("n't"));
}

const NEGATORS = new Set(['not', 'no', 'never', 'nothing', 'nobody', 'nowhere', 'neither', 'nor', 'cannot', 'cant', 'dont', 'didnt', 'doesnt', 'isnt', 'wasnt', 'wont', 'havent', 'hasnt', 'arent', 'werent', 'couldnt', 'wouldnt', 'shouldnt']);

/** Words that may sit in a bare product noun phrase without making it a sentence. */
const NOUN_PHRASE_FILLER = new Set(['a', 'an', 'the', 'some', 'any', 'in', 'for', 'with', 'of', 'and', 'or', 'size', 'new', 'cheap', 'small', 'large', 'big', 'mens', "men's", 'womens', "women's", 'kids', "kid's", 'baby', 'xl', 'xs', 'pair', 'set', 'pack']);

/** Longest token sequence we look at (a rambling paste is classified on its beginning). */
const MAX_TOKENS = 80;

/**
 * Features of one message: stemmed unigrams (`w:`), stemmed bigrams with a start marker (`b:`),
 * and character 3- and 4-grams of each word with boundary marks (`c:`), which carry typo-ed and
 * stretched words ("cancle", "refnd", "hiii", "wassup") to their neighbours; the classifier gives
 * them less weight than words (`charWeight`). `mark` adds word classes (product, colour, sentiment).
 */
export function intentFeatures(tokens: Token[], mark: WordMarker, opts: FeatureOptions = DEFAULT_FEATURES): string[] {
  const out: string[] = [];
  let prev = '^';
  let prev2 = '';
  let words = 0;
  let productish = 0;
  let other = 0;
  let negated = 0;
  const n = Math.min(tokens.length, MAX_TOKENS);
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    const f = tokenFeature(t);
    if (opts.negation) {
      if (t.kind === 'punct' || t.kind === 'emoji') negated = 0;
      else if (isNegation(t)) negated = NEGATION_SCOPE + 1;
      else if (negated > 0 && f !== undefined) out.push(`n:${f}`);
      if (negated > 0) negated--;
    }
    if (f === undefined) continue;
    out.push(`w:${f}`);
    if (opts.bigrams) out.push(`b:${prev}_${f}`);
    if (opts.skipGrams && prev2) out.push(`s:${prev2}_${f}`);
    prev2 = prev;
    prev = f;
    const marks = t.kind === 'word' ? mark(t) : [];
    for (const m of marks) out.push(`w:${m}`);
    if (t.kind === 'word') words++;
    if (marks.includes('#product') || marks.includes('#colour') || t.kind === 'money' || t.kind === 'number') productish++;
    else if (t.kind === 'word' && !NOUN_PHRASE_FILLER.has(t.text)) other++;
    if (opts.charGrams && t.kind === 'word' && t.text.length >= CHAR_GRAM_MIN) for (const g of charGrams(t.text)) out.push(g);
  }
  if (opts.bigrams && prev !== '^') out.push(`b:${prev}_$`);
  // message shape: how long, and whether it is nothing but a product noun phrase ("red wool scarf")
  out.push(`#len${words <= 1 ? 1 : words <= 3 ? 3 : words <= 7 ? 7 : 8}`);
  if (productish > 0 && other === 0) out.push('#nounphrase');
  return out;
}

const charGramCache = new Map<string, readonly string[]>();

/**
 * `c:` 3- then 4-grams of `<word>`. Memoised: a shop's words recur, and reusing the same strings
 * spares building them and lets the classifier's look-ups reuse their cached hashes.
 */
function charGrams(word: string): readonly string[] {
  let grams = charGramCache.get(word);
  if (grams === undefined) {
    const w = `<${word}>`;
    const out: string[] = [];
    for (let k = 0; k + 3 <= w.length; k++) out.push(`c:${w.slice(k, k + 3)}`);
    for (let k = 0; k + 4 <= w.length; k++) out.push(`c:${w.slice(k, k + 4)}`);
    if (charGramCache.size > 50_000) charGramCache.clear();
    charGramCache.set(word, (grams = out));
  }
  return grams;
}

/** In-domain document frequency of word stems: in how many non-out_of_scope training messages each occurs. */
export type DomainFrequency = ReadonlyMap<string, number>;

/**
 * Novelty features: `#novel` for each word the shop's training messages never use (product words
 * excepted), plus how much of the message is novel. Unrelated questions are made of such words.
 * While training, a message's own words do not count (`ownMessageCounted`), so the model also
 * sees in-domain messages with a rare word, as it will at run time.
 */
export function noveltyFeatures(tokens: Token[], mark: WordMarker, df: DomainFrequency, ownMessageCounted = false): string[] {
  const out: string[] = [];
  let words = 0;
  const n = Math.min(tokens.length, MAX_TOKENS);
  for (let i = 0; i < n; i++) {
    const t = tokens[i];
    if (t.kind !== 'word') continue;
    words++;
    if ((df.get(t.stem) ?? 0) - (ownMessageCounted ? 1 : 0) <= 0 && !mark(t).includes('#product')) out.push('w:#novel');
  }
  if (out.length) {
    out.push(`#novelshare${Math.min(4, Math.floor((4 * out.length) / Math.max(1, words)))}`);
    out.push(`#novelcount${Math.min(3, out.length - 1)}`);
  }
  return out;
}

/** In-domain document frequencies from labelled token lists. */
export function domainFrequency(docs: { tokens: Token[]; label: string }[], outOfScope = 'out_of_scope'): Map<string, number> {
  const df = new Map<string, number>();
  for (const d of docs) {
    if (d.label === outOfScope) continue;
    for (const s of new Set(d.tokens.filter((t) => t.kind === 'word').map((t) => t.stem))) df.set(s, (df.get(s) ?? 0) + 1);
  }
  return df;
}
