import fs from 'node:fs';
import path from 'node:path';
import Sentiment from 'sentiment';
import { NLU_DATA_DIR, sha256 } from './corpus';
import { wordTexts } from './tokenize';

export type SentimentLabel = 'positive' | 'neutral' | 'negative';

export interface SentimentResult {
  label: SentimentLabel;
  score: number;
  comparative: number;
  /** Strongly negative: the dialogs offer a human. */
  strongNegative: boolean;
}

export interface SentimentLexicon {
  words: Record<string, number>;
  phrases: Record<string, number>;
  expected: string[];
  negators: string[];
  intensifiers: Record<string, number>;
  contrast: string[];
  strong: string[];
}

export const SENTIMENT_LEXICON_FILE = path.join(NLU_DATA_DIR, 'sentiment.lexicon.json');

export function loadSentimentLexicon(file = SENTIMENT_LEXICON_FILE): SentimentLexicon {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as SentimentLexicon;
}

/** A clause boundary token; sentiment's own tokenizer keeps `|` and drops the punctuation it stands for. */
const CLAUSE = '|';
/** A sentence boundary: contrast ("… but …") does not reach across it. */
const SENTENCE = '||';
const NEGATION_WINDOW = 3;

/** Score above which a message is positive, below minus which it is negative. */
export const LABEL_THRESHOLD = 0.5;

/**
 * AFINN scoring through the `sentiment` package, with a shop-talk language registered on it: our
 * lexicon on top of AFINN, multi-word phrases joined into one token, and a scoring strategy that
 * knows negation scope ("not good", "never arrived"), intensifiers ("really awful"), and contrast
 * ("nice but delivery was awful" weighs what follows "but"). Emoji scores come with the package.
 */
export class SentimentAnalyser {
  private readonly engine = new Sentiment();
  private readonly language: string;
  private readonly phrases: Map<string, string[][]>;
  private readonly strong: Set<string>;

  constructor(private readonly lexicon: SentimentLexicon = loadSentimentLexicon()) {
    this.language = `shop${sha256(JSON.stringify(lexicon)).slice(0, 8)}`;
    this.strong = new Set(lexicon.strong);
    this.phrases = new Map();
    for (const p of Object.keys(lexicon.phrases)) {
      const words = p.split(' ');
      const list = this.phrases.get(words[0]) ?? [];
      list.push(words);
      list.sort((a, b) => b.length - a.length);
      this.phrases.set(words[0], list);
    }
    this.engine.registerLanguage(this.language, { labels: this.labels(), scoringStrategy: { apply: this.strategy() } });
  }

  /** Sentiment of a normalised message (see tokenize.normalize). */
  analyze(normalized: string): SentimentResult {
    const words = this.prepare(normalized);
    if (words.length === 0) return { label: 'neutral', score: 0, comparative: 0, strongNegative: false };
    const r = this.engine.analyze(words.join(' '), { language: this.language });
    const score = Math.round(r.score * 100) / 100;
    const counted = words.filter((w) => w !== CLAUSE && w !== SENTENCE).length || 1;
    const comparative = Math.round((r.score / counted) * 1000) / 1000;
    const label: SentimentLabel = score > LABEL_THRESHOLD ? 'positive' : score < -LABEL_THRESHOLD ? 'negative' : 'neutral';
    const strongWord = r.negative.some((w: string) => this.strong.has(w));
    const strongNegative = score <= -6 || (score <= -3 && strongWord);
    return { label, score, comparative, strongNegative };
  }

  /** Tokens with clause and sentence marks and phrases joined by hyphens. */
  private prepare(normalized: string): string[] {
    const out: string[] = [];
    for (const sentence of normalized.split(/[.!?\n]+/)) {
      for (const clause of sentence.split(/[,;:()]+|\s-\s/)) {
        const tokens = wordTexts(clause);
        for (let i = 0; i < tokens.length; i++) {
          const joined = this.phraseAt(tokens, i);
          if (joined) {
            out.push(joined.join('-'));
            i += joined.length - 1;
          } else {
            out.push(tokens[i]);
          }
        }
        out.push(CLAUSE);
      }
      out[out.length - 1] = SENTENCE;
    }
    return out;
  }

  private phraseAt(tokens: string[], i: number): string[] | undefined {
    for (const words of this.phrases.get(tokens[i]) ?? []) {
      if (words.every((w, k) => tokens[i + k] === w)) return words;
    }
    return undefined;
  }

  private labels(): Record<string, number> {
    const afinn = require('sentiment/languages/en/labels.json') as Record<string, number>;
    const labels: Record<string, number> = { ...afinn, ...this.lexicon.words };
    for (const [p, s] of Object.entries(this.lexicon.phrases)) labels[p.split(' ').join('-')] = s;
    for (const w of this.lexicon.expected) if (!(w in labels)) labels[w] = 0;
    return labels;
  }

  /** The package calls this for every lexicon token, with the whole token list and its position. */
  private strategy() {
    const negators = new Set(this.lexicon.negators);
    const intensifiers = this.lexicon.intensifiers;
    const contrast = new Set(this.lexicon.contrast);
    const expected = new Set(this.lexicon.expected);
    // the contrast weights of the message being scored: one pass over its tokens, not one per scored word
    let weighed: string[] | undefined;
    let weights: number[] = [];
    return (tokens: string[], cursor: number, tokenScore: number): number => {
      if (tokens !== weighed) {
        weights = contrastWeights(tokens, contrast);
        weighed = tokens;
      }
      const word = tokens[cursor];
      let score = tokenScore;
      const negated = isNegated(tokens, cursor, negators, contrast);
      if (negated) score = score > 0 ? -score * 0.8 : score < 0 ? -score * 0.4 : expected.has(word) ? -2 : 0;
      const boost = intensifiers[tokens[cursor - 1]] ?? (negators.has(tokens[cursor - 1]) ? intensifiers[tokens[cursor - 2]] : undefined);
      if (boost !== undefined && !negated) score *= boost;
      return score * weights[cursor];
    };
  }
}

function isNegated(tokens: string[], cursor: number, negators: Set<string>, contrast: Set<string>): boolean {
  for (let k = cursor - 1; k >= 0 && k >= cursor - NEGATION_WINDOW; k--) {
    const t = tokens[k];
    if (t === CLAUSE || t === SENTENCE || contrast.has(t)) return false;
    if (negators.has(t)) return true;
  }
  return false;
}

/** Within a sentence, what follows a contrast word counts 1.5 times, and what precedes one (and follows none) counts half. */
export function contrastWeights(tokens: string[], contrast: Set<string>): number[] {
  const weights = new Array<number>(tokens.length).fill(1);
  let seen = false;
  for (let k = tokens.length - 1; k >= 0; k--) {
    if (seen) weights[k] = 0.5;
    seen = tokens[k] === SENTENCE ? false : seen || contrast.has(tokens[k]);
  }
  seen = false;
  for (let k = 0; k < tokens.length; k++) {
    if (seen) weights[k] = 1.5;
    seen = tokens[k] === SENTENCE ? false : seen || contrast.has(tokens[k]);
  }
  return weights;
}
