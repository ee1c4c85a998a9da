import { stemWord, tokenize } from './tokenize';

/** What the engine tells the NLU about the catalogue: plain data, refreshed when the catalogue changes. */
export interface CatalogueVocabulary {
  categories: string[];
  brands: string[];
  colours: string[];
  sizes: string[];
  products: { sku: string; name: string }[];
}

export const EMPTY_VOCABULARY: CatalogueVocabulary = { categories: [], brands: [], colours: [], sizes: [], products: [] };

export type FacetType = 'category' | 'brand' | 'colour';

export interface FacetMatch {
  type: FacetType;
  value: string;
}

export interface ProductMatch {
  sku: string;
  name: string;
  score: number;
}

/** A phrase key: the stems of its words, so "running shoes" also matches "running shoe". */
export function phraseKey(words: string[]): string {
  return words.map(stemWord).join(' ');
}

/** Where the product-name index stops treating a word as informative (it names too many products). */
const MAX_POSTINGS_SHARE = 0.2;

/**
 * The catalogue's words, indexed for entity matching: facet phrases (category, brand, colour) by
 * stemmed key, SKUs exactly, and product names as an inverted index of stems weighted by idf.
 */
export class CatalogueIndex {
  readonly facets = new Map<string, FacetMatch[]>();
  readonly sizes = new Map<string, string>();
  readonly maxPhraseWords: number;
  /** The first words (as a key) of every facet phrase longer than that. */
  private readonly phraseStarts = new Set<string>();
  private readonly skus = new Map<string, { sku: string; name: string }>();
  private readonly postings = new Map<string, number[]>();
  private readonly idf = new Map<string, number>();
  private readonly nameWeight: number[];
  private readonly products: { sku: string; name: string }[];

  constructor(vocabulary: CatalogueVocabulary, defaultColours: string[] = []) {
    let longest = 1;
    const addFacet = (type: FacetType, value: string) => {
      const words = tokenize(value).filter((t) => t.kind !== 'punct').map((t) => t.text);
      if (words.length === 0) return;
      longest = Math.max(longest, words.length);
      const key = phraseKey(words);
      for (let n = 1; n < words.length; n++) this.phraseStarts.add(phraseKey(words.slice(0, n)));
      const list = this.facets.get(key) ?? [];
      if (!list.some((m) => m.type === type)) list.push({ type, value });
      this.facets.set(key, list);
    };
    for (const c of vocabulary.colours) addFacet('colour', c);
    for (const c of defaultColours) if (!this.facets.get(phraseKey(c.split(' ')))?.some((m) => m.type === 'colour')) addFacet('colour', c);
    for (const c of vocabulary.categories) addFacet('category', c);
    for (const b of vocabulary.brands) addFacet('brand', b);
    for (const s of vocabulary.sizes) this.sizes.set(s.toLowerCase(), s);
    this.maxPhraseWords = longest;
    this.products = vocabulary.products;
    for (const p of vocabulary.products) this.skus.set(p.sku.toLowerCase(), p);
    this.nameWeight = this.indexNames(vocabulary.products);
  }

  private indexNames(products: { sku: string; name: string }[]): number[] {
    products.forEach((p, i) => {
      for (const s of nameStems(p.name)) {
        const list = this.postings.get(s);
        if (list) list.push(i);
        else this.postings.set(s, [i]);
      }
    });
    const n = products.length;
    for (const [s, list] of this.postings) this.idf.set(s, Math.log((n + 1) / list.length));
    return products.map((p) => [...nameStems(p.name)].reduce((sum, s) => sum + (this.idf.get(s) ?? 0), 0));
  }

  /** Whether some facet phrase begins with the words of `key` and goes on. */
  startsPhrase(key: string): boolean {
    return this.phraseStarts.has(key);
  }

  bySku(code: string): { sku: string; name: string } | undefined {
    return this.skus.get(code.toLowerCase());
  }

  /** Every word of the catalogue, for the spelling corrector and the intent model's product marks. */
  words(): string[] {
    const out = new Set<string>();
    for (const key of this.facets.keys()) for (const w of key.split(' ')) out.add(w);
    for (const p of this.products) for (const t of tokenize(p.name)) if (t.kind === 'word') out.add(t.text);
    for (const list of this.facets.values()) for (const m of list) for (const t of tokenize(m.value)) if (t.kind === 'word') out.add(t.text);
    return [...out];
  }

  /**
   * Products whose names share informative words with the query stems, scored by the harmonic mean
   * of how much of the name and how much of the query they cover (idf-weighted). Best first.
   */
  matchProducts(queryStems: string[], limit = 3, minScore = 0.5): ProductMatch[] {
    const n = this.products.length;
    if (n === 0 || queryStems.length === 0) return [];
    const unique = [...new Set(queryStems)].filter((s) => this.postings.has(s));
    const queryWeight = unique.reduce((sum, s) => sum + (this.idf.get(s) ?? 0), 0);
    if (queryWeight <= 0) return [];
    const matched = new Map<number, number>();
    for (const s of unique) {
      const list = this.postings.get(s)!;
      if (list.length > Math.max(50, n * MAX_POSTINGS_SHARE) && unique.length > 1) continue;
      const w = this.idf.get(s) ?? 0;
      for (const i of list) matched.set(i, (matched.get(i) ?? 0) + w);
    }
    const scored: ProductMatch[] = [];
    for (const [i, w] of matched) {
      const recall = w / (this.nameWeight[i] || 1);
      const precision = w / queryWeight;
      const score = (2 * recall * precision) / (recall + precision || 1);
      if (score >= minScore) scored.push({ sku: this.products[i].sku, name: this.products[i].name, score: Math.round(score * 1000) / 1000 });
    }
    return scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, limit);
  }
}

function nameStems(name: string): Set<string> {
  return new Set(tokenize(name).filter((t) => t.kind === 'word' && t.text.length > 1).map((t) => t.stem));
}
