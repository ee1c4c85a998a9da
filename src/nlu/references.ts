import type { Token } from './tokenize';

/** What a follow-up message points back at: "the second one", "cheaper", "show more", "goes with my cart". */
export interface References {
  /** 1-based position in the list the bot showed last. */
  ordinal?: number;
  refinement?: 'cheaper' | 'pricier' | 'more';
  /** A recommendation about the cart, or about the product in view. */
  scope?: 'cart' | 'this';
}

const ORDINALS: Record<string, number> = {
  first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, fifth: 5, '5th': 5,
};
const ONE_WORDS = new Set(['one', 'item', 'product', 'option', 'thing']);
const CART_WORDS = new Set(['cart', 'basket', 'bag', 'trolley']);
const GO_WITH = new Set(['with', 'go', 'goes', 'match', 'matches', 'complete', 'completes', 'pair', 'pairs', 'complement', 'complements']);
const THIS_WORDS = new Set(['this', 'that', 'it', 'these', 'those']);
const LIKE_WORDS = new Set(['like', 'similar', 'alternative', 'alternatives']);
const COMPARATIVES = new Set(['cheaper', 'cheapest', 'less', 'lower', 'pricier', 'more', 'higher']);

/** Finds references and marks the tokens it used, so they do not become search words. */
export function findReferences(tokens: Token[], used: Set<number>): References {
  const refs: References = {};
  const w = (i: number) => tokens[i]?.text ?? '';
  for (let i = 0; i < tokens.length; i++) {
    const word = w(i);
    // Comparatives win over the price words they contain ("cheaper" is not "cheap").
    if (used.has(i) && !COMPARATIVES.has(word)) continue;
    const ordinal = ORDINALS[word] ?? (word === 'number' || word === '#' ? Number(w(i + 1)) || undefined : undefined);
    if (ordinal !== undefined && ordinal >= 1 && ordinal <= 10 && refs.ordinal === undefined) {
      const numbered = word === 'number' || word === '#';
      const followedByOne = ONE_WORDS.has(w(i + 1));
      if (numbered || followedByOne || (w(i - 1) === 'the' && w(i + 1) !== 'hand')) {
        refs.ordinal = ordinal;
        used.add(i);
        if (numbered || followedByOne) used.add(i + 1);
      }
    }
    if (word === 'cheaper' || word === 'cheapest' || ((word === 'less' || word === 'lower') && ['expensive', 'price', 'priced', 'pricey'].includes(w(i + 1)))) {
      refs.refinement = 'cheaper';
      used.add(i);
      if (word === 'less' || word === 'lower') used.add(i + 1);
    }
    if (word === 'pricier' || (word === 'more' && w(i + 1) === 'expensive') || (word === 'higher' && ['end', 'quality', 'price'].includes(w(i + 1)))) {
      refs.refinement = 'pricier';
      used.add(i);
      if (word !== 'pricier') used.add(i + 1);
    }
    if ((word === 'more' || word === 'next' || word === 'other') && ['results', 'options', 'please', 'ones', 'page', '', 'products', 'items'].includes(w(i + 1)) && !refs.refinement) {
      const before = w(i - 1);
      if (before === 'show' || before === 'see' || before === 'any' || before === 'some' || i === 0 || w(i + 1) === 'results' || w(i + 1) === 'options' || w(i + 1) === 'page') {
        refs.refinement = 'more';
        used.add(i);
        if (w(i + 1)) used.add(i + 1);
      }
    }
    if (CART_WORDS.has(word) && tokens.some((t, j) => j < i && GO_WITH.has(t.text))) {
      refs.scope = 'cart';
      used.add(i);
    }
    if (THIS_WORDS.has(word) && (LIKE_WORDS.has(w(i - 1)) || (w(i - 1) === 'to' && LIKE_WORDS.has(w(i - 2))))) {
      refs.scope ??= 'this';
      used.add(i);
    }
  }
  return refs;
}
