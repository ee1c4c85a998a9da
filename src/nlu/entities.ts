import { findAmounts, findPriceRange, findQuantity, type PriceRange } from './amounts';
import { findReferences, type References } from './references';
import { type CatalogueIndex, type FacetMatch, type ProductMatch } from './catalogue';
import type { NumberReader } from './numbers';
import type { Token } from './tokenize';

export interface Entities {
  category?: string;
  brand?: string;
  colour?: string;
  size?: string;
  products?: ProductMatch[];
  priceRange?: PriceRange;
  quantity?: number;
  orderId?: string;
  email?: string;
  excluded?: { colours?: string[]; brands?: string[]; categories?: string[] };
  /** The search words left after removing filters, stop words and request words, typo-corrected. */
  query: string;
  /** Follow-ups: "the second one", "cheaper", "show more", "what goes with my cart". */
  ordinal?: References['ordinal'];
  refinement?: References['refinement'];
  scope?: References['scope'];
}

export interface EntityContext {
  expecting?: string;
}

export interface EntityResources {
  catalogue: CatalogueIndex;
  numbers: NumberReader;
  stopWords: Set<string>;
  requestWords: Set<string>;
}

const ORDER_ID = /^(sm\d{5,7}|c?5\d{5})$/;
const DEMO_ORDER_ID = /^sm\d{5,7}$/;
const TWO_DIGITS = /^\d{2}$/;
const ORDER_CUES = new Set(['order', 'invoice', 'no', 'number', '#', 'ref', 'reference', 'id', 'purchase']);
const LETTER_SIZES: Record<string, string> = { xxs: 'XXS', xs: 'XS', s: 'S', m: 'M', l: 'L', xl: 'XL', xxl: 'XXL', xxxl: 'XXXL', small: 'S', medium: 'M', large: 'L', 'extra-large': 'XL' };
const SIZE_SYSTEMS = new Set(['uk', 'eu', 'us']);
const SIZE_WORDS = new Set(['small', 'medium', 'large', 'xs', 'xxs', 'xl', 'xxl', 'xxxl']);
const NEGATION_CUE_LIST = ['not', 'no', 'without', 'except', 'excluding', 'exclude', 'never', 'avoid', 'hate', 'non', "don't want", 'dont want', 'do not want', 'other than', 'anything but', 'everything but', 'anything except', 'but not', 'apart from', 'rather than', 'instead of', 'not from', 'nothing from'];
/** The cues' words, by their first word. */
const NEGATION_CUES = new Map<string, string[][]>();
for (const cue of NEGATION_CUE_LIST) {
  const parts = cue.split(' ');
  NEGATION_CUES.set(parts[0], [...(NEGATION_CUES.get(parts[0]) ?? []), parts]);
}
const NEGATION_WINDOW = 4;

/** Entities of one message; `tokens` are normalised and typo-corrected, `text` is the normalised message. */
export function extractEntities(text: string, tokens: Token[], res: EntityResources, context: EntityContext = {}): Entities {
  const used = new Set<number>();
  const entities: Entities = { query: '' };
  const words = tokens.map((t) => t.text);

  const emailAt = tokens.findIndex((t) => t.kind === 'email');
  if (emailAt >= 0) {
    entities.email = tokens[emailAt].text;
    used.add(emailAt);
  }
  const order = findOrderId(tokens, context);
  if (order) {
    entities.orderId = order.id;
    used.add(order.index);
  }
  const products: ProductMatch[] = [];
  tokens.forEach((t, i) => {
    const hit = (t.kind === 'code' || t.kind === 'word' || t.kind === 'number') && !used.has(i) ? res.catalogue.bySku(t.text) : undefined;
    if (hit) {
      products.push({ ...hit, score: 1 });
      used.add(i);
    }
  });

  const amounts = findAmounts(text, tokens, res.numbers).filter((a) => !used.has(a.from));
  const size = findSize(tokens, res.catalogue, used);
  if (size) entities.size = size;
  const price = findPriceRange(tokens, amounts);
  if (price.range) entities.priceRange = price.range;
  price.used.forEach((i) => used.add(i));
  const qty = findQuantity(tokens, amounts, used, context.expecting === 'quantity');
  if (qty.quantity !== undefined) {
    entities.quantity = qty.quantity;
    used.add(qty.index!);
  }

  applyFacets(tokens, words, res.catalogue, used, entities);
  const refs = findReferences(tokens, used);
  Object.assign(entities, refs);
  if ((refs.refinement === 'cheaper' || refs.refinement === 'pricier') && entities.priceRange?.min === undefined && entities.priceRange?.max === undefined) {
    delete entities.priceRange;
  }

  const content = tokens.filter((t, i) => !used.has(i) && (t.kind === 'word' || t.kind === 'code') && !res.stopWords.has(t.text) && !res.requestWords.has(t.text) && !isNegationWord(t.text));
  if (!products.length) products.push(...res.catalogue.matchProducts(content.map((t) => t.stem)));
  if (products.length) entities.products = products;
  entities.query = content
    .map((t) => t.text)
    .join(' ')
    .trim();
  return entities;
}

function isNegationWord(w: string): boolean {
  return w === 'not' || w === 'no' || w === 'but' || w === 'without' || w === 'except' || w === "don't" || w === 'dont';
}

function findOrderId(tokens: Token[], context: EntityContext): { id: string; index: number } | undefined {
  const meaningful = tokens.filter((t) => t.kind !== 'punct');
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'code' && t.kind !== 'number') continue;
    const demo = DEMO_ORDER_ID.test(t.text);
    const cued = [1, 2, 3].some((k) => ORDER_CUES.has(tokens[i - k]?.text ?? ''));
    const alone = meaningful.length <= 2;
    if (demo || (ORDER_ID.test(t.text) && (cued || alone || context.expecting === 'order_id')) || (cued && /^\d{5,9}$/.test(t.text) && tokens[i - 1]?.text !== 'size')) {
      return { id: t.text.toUpperCase(), index: i };
    }
  }
  return undefined;
}

function findSize(tokens: Token[], catalogue: CatalogueIndex, used: Set<number>): string | undefined {
  const canonical = (raw: string) => catalogue.sizes.get(raw) ?? catalogue.sizes.get((LETTER_SIZES[raw] ?? raw).toLowerCase()) ?? LETTER_SIZES[raw] ?? raw.toUpperCase();
  for (let i = 0; i < tokens.length; i++) {
    const w = tokens[i].text;
    if (w === 'size' && tokens[i + 1] && !used.has(i + 1)) {
      const next = tokens[i + 1].text;
      const pair = SIZE_SYSTEMS.has(next) && tokens[i + 2] ? `${next} ${tokens[i + 2].text}` : undefined;
      const value = pair ?? next;
      if (/^\d/.test(value) || LETTER_SIZES[value] || catalogue.sizes.has(value) || pair) {
        used.add(i).add(i + 1);
        if (pair) used.add(i + 2);
        return canonical(value);
      }
    }
    if (SIZE_SYSTEMS.has(w) && /^\d{1,2}(\.5)?$/.test(tokens[i + 1]?.text ?? '') && (i === 0 || tokens[i - 1].text !== 'to')) {
      used.add(i).add(i + 1);
      return canonical(`${w} ${tokens[i + 1].text}`);
    }
    if (TWO_DIGITS.test(w) && ['waist', 'inch', 'chest', 'leg'].includes(tokens[i + 1]?.text ?? '') && tokens[i + 1].text !== 'inch') {
      used.add(i).add(i + 1);
      return canonical(`${w} ${tokens[i + 1].text}`);
    }
    if (tokens[i].kind === 'word' && (SIZE_WORDS.has(w) || (w === 'extra' && tokens[i + 1]?.text === 'large'))) {
      if (w === 'extra') used.add(i + 1);
      used.add(i);
      return canonical(w === 'extra' ? 'extra-large' : w);
    }
  }
  return undefined;
}

/** Category, brand and colour phrases; those in a negation's scope go to `excluded` instead. */
function applyFacets(tokens: Token[], words: string[], catalogue: CatalogueIndex, used: Set<number>, entities: Entities): void {
  let negated: boolean[] | undefined; // worked out at the first match
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i) || tokens[i].kind !== 'word') continue;
    // longest phrase first; keys are the stems joined by spaces (see catalogue.phraseKey), grown while some longer phrase begins so
    const keys = [tokens[i].stem];
    for (let k = i + 1; k < tokens.length && k - i < catalogue.maxPhraseWords && tokens[k].kind === 'word' && !used.has(k) && catalogue.startsPhrase(keys[keys.length - 1]); k++) {
      keys.push(`${keys[keys.length - 1]} ${tokens[k].stem}`);
    }
    for (let len = keys.length; len >= 1; len--) {
      const matches = catalogue.facets.get(keys[len - 1]);
      if (!matches) continue;
      const match = preferred(matches, entities);
      for (let k = 0; k < len; k++) used.add(i + k);
      if ((negated ??= negationScopes(words))[i]) exclude(entities, match);
      else if (match.type === 'category' && !entities.category) entities.category = match.value;
      else if (match.type === 'brand' && !entities.brand) entities.brand = match.value;
      else if (match.type === 'colour' && !entities.colour) entities.colour = match.value;
      i += len - 1;
      break;
    }
  }
}

function preferred(matches: FacetMatch[], entities: Entities): FacetMatch {
  // a word that is both a colour and a brand fills whichever slot is still empty, colour first
  return matches.find((m) => (m.type === 'colour' && !entities.colour) || (m.type === 'brand' && !entities.brand) || (m.type === 'category' && !entities.category)) ?? matches[0];
}

function exclude(entities: Entities, m: FacetMatch): void {
  const ex = (entities.excluded ??= {});
  const key = m.type === 'colour' ? 'colours' : m.type === 'brand' ? 'brands' : 'categories';
  const list = (ex[key] ??= []);
  if (!list.includes(m.value)) list.push(m.value);
}

/** For each token, whether a negation cue precedes it closely in the same clause ("not red", "anything but nike"). */
function negationScopes(words: string[]): boolean[] {
  const scope = new Array<boolean>(words.length).fill(false);
  for (let i = 0; i < words.length; i++) {
    const cues = NEGATION_CUES.get(words[i]);
    if (!cues) continue;
    for (const parts of cues) {
      if (!parts.every((p, k) => words[i + k] === p)) continue;
      if (parts.length === 1 && parts[0] === 'no' && ['more', 'less', 'later', 'longer'].includes(words[i + 1] ?? '')) continue;
      const start = i + parts.length;
      for (let k = start; k < Math.min(words.length, start + NEGATION_WINDOW); k++) {
        if (['but', 'please', 'instead', 'just', 'only', 'rather'].includes(words[k]) && k > start) break;
        scope[k] = true;
      }
    }
  }
  return scope;
}
