import path from 'node:path';
import { NLU_DATA_DIR, readWordList } from './corpus';
import type { WordMarker } from './intentFeatures';
import type { SentimentLexicon } from './sentiment';
import { stemWord, type Token } from './tokenize';

export const PRODUCT_WORDS_FILE = path.join(NLU_DATA_DIR, 'product-words.txt');
export const COLOURS_FILE = path.join(NLU_DATA_DIR, 'colours.txt');

export interface WordClassLists {
  productWords: string[];
  colours: string[];
  /** Word -> polarity score (AFINN plus our lexicon). */
  polarity: Record<string, number>;
}

export function loadWordClassLists(lexicon: SentimentLexicon): WordClassLists {
  const afinn = require('sentiment/languages/en/labels.json') as Record<string, number>;
  return {
    productWords: readWordList(PRODUCT_WORDS_FILE),
    colours: readWordList(COLOURS_FILE),
    polarity: { ...afinn, ...lexicon.words },
  };
}

const NO_MARKS: readonly string[] = [];

/**
 * Word classes added as features: `#product` for product nouns (our list, plus at run time the
 * catalogue's words that the intent model has never seen), `#colour`, and `#pos`/`#neg` for
 * clearly polar words. Training uses the same marker without a catalogue.
 */
export class WordClasses {
  private readonly productStems: Set<string>;
  private readonly colours: Set<string>;
  private catalogueStems = new Set<string>();

  constructor(private readonly lists: WordClassLists) {
    this.productStems = new Set(lists.productWords.map(stemWord));
    this.colours = new Set(lists.colours);
  }

  /** Catalogue words that are not already known to the model: they read as product words. */
  setCatalogueWords(words: Iterable<string>, isKnown: (stem: string) => boolean): void {
    this.catalogueStems = new Set();
    for (const w of words) {
      const s = stemWord(w);
      if (w.length >= 3 && !isKnown(s) && !this.colours.has(w)) this.catalogueStems.add(s);
    }
  }

  readonly mark: WordMarker = (t: Token) => {
    const product = this.productStems.has(t.stem) || this.catalogueStems.has(t.stem);
    const colour = this.colours.has(t.text);
    const s = this.lists.polarity[t.text];
    const polar = s !== undefined && (s <= -2 || s >= 2);
    if (!product && !colour && !polar) return NO_MARKS; // most words: no array to allocate
    const out: string[] = [];
    if (product) out.push('#product');
    if (colour) out.push('#colour');
    if (polar) out.push(s <= -2 ? '#neg' : '#pos');
    return out;
  };
}

/** The word classes with the shipped lists, as the intent model is trained with them. */
export function loadWordClasses(lexicon: SentimentLexicon): WordClasses {
  return new WordClasses(loadWordClassLists(lexicon));
}
