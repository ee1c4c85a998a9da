import { RegexpTokenizer, removeDiacritics, stem } from './natural';

export type TokenKind = 'word' | 'code' | 'number' | 'money' | 'email' | 'emoji' | 'punct';

export interface Token {
  /** Normalised text: lower case, no accents, curly quotes straightened, no inner spaces. */
  text: string;
  /** Porter stem for words; the text itself for everything else. */
  stem: string;
  kind: TokenKind;
  /** Offsets into the normalised message (see `normalize`). */
  start: number;
  end: number;
}

/** Longest message we analyse; the rest of a 10,000-character paste is ignored. */
export const MAX_CHARS = 1000;

const EMAIL = String.raw`[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+`;
const AMOUNT = String.raw`\d[\d,]*(?:\.\d+)?k?`;
const MONEY = String.raw`[$£€]\s?${AMOUNT}|${AMOUNT}\s?[$£€]`;
const DECIMAL = String.raw`\d+(?:[.,:/]\d+)+`;
/** The first number of a numeric range "20-40": the dash is dropped, the two numbers stay. */
const RANGE_START = String.raw`\d+(?:\.\d+)?(?=[-–]\d)`;
const WORD = String.raw`[\p{L}\p{M}\p{N}]+(?:['-][\p{L}\p{M}\p{N}]+)*`;
const EMOJI = String.raw`\p{Extended_Pictographic}(?:\u{FE0F}|\u{200D}\p{Extended_Pictographic}|[\u{1F3FB}-\u{1F3FF}])*|[\u{1F1E6}-\u{1F1FF}]{2}`;
const SYMBOL = String.raw`[$£€%?!&+#@]`;

/** One pattern, first alternative wins: e-mail before words, money before numbers, numbers before words. */
const PATTERN = new RegExp([EMAIL, MONEY, RANGE_START, DECIMAL, WORD, EMOJI, SYMBOL].map((p) => `(?:${p})`).join('|'), 'gu');

// natural's RegexpTokenizer with our pattern (gaps: false keeps the matches, not what is between them).
const tokenizer = new RegexpTokenizer({ pattern: PATTERN, gaps: false });

/**
 * Lower case, accents removed (natural), typographic quotes and dashes straightened, compatibility
 * forms folded (NFKC: full-width letters, ligatures). Length may differ from the input.
 */
export function normalize(text: string): string {
  const clipped = text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
  const folded = clipped
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02BC`´]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/[\u2010-\u2014]/g, '-')
    .toLowerCase();
  // natural's removeDiacritics works on decomposed marks too; keep emoji (outside its table) intact
  return /[^\x00-\x7f]/.test(folded) ? folded.replace(/[^\x00-\x7f]+/g, withoutDiacritics).normalize('NFC') : folded;
}

const diacriticsCache = new Map<string, string>();

/**
 * natural's removeDiacritics on a run of non-ASCII characters, memoised. It makes about 90 passes
 * over its input but maps one character at a time and leaves ASCII alone, so the runs are enough.
 */
function withoutDiacritics(run: string): string {
  let out = diacriticsCache.get(run);
  if (out === undefined) {
    out = removeDiacritics(run);
    if (diacriticsCache.size > 10_000) diacriticsCache.clear();
    diacriticsCache.set(run, out);
  }
  return out;
}

/** Most tokens: lower-case Latin letters, maybe with an apostrophe or hyphen; none of the other tests can hold for them. */
const PLAIN_WORD = /^[a-z][a-z'-]*$/;
// the patterns of kindOf, made once (a regular expression literal is a new object each time it is evaluated)
const CURRENCY_SIGN = /[$£€]/;
const DIGIT = /\d/;
const LETTER = /\p{L}/u;
const NUMERIC = /^\d[\d.,:/]*$/;
const PICTOGRAPH = /\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function kindOf(t: string): TokenKind {
  if (PLAIN_WORD.test(t)) return 'word';
  if (t.includes('@') && t.length > 2) return 'email';
  if (CURRENCY_SIGN.test(t) && DIGIT.test(t)) return 'money';
  if (NUMERIC.test(t)) return 'number';
  if (PICTOGRAPH.test(t)) return 'emoji';
  if (t.length === 1 && !LETTER_OR_DIGIT.test(t)) return 'punct';
  if (DIGIT.test(t) && LETTER.test(t) && t.length >= 5) return 'code';
  return 'word';
}

function pieces(norm: string): string[] {
  return (tokenizer.tokenize(norm) as string[] | null) ?? [];
}

function textOf(piece: string, kind: TokenKind): string {
  return kind === 'money' ? piece.replace(/\s+/g, '') : piece;
}

/** Tokens of an already normalised string, with offsets. */
export function tokenizeNormalized(norm: string): Token[] {
  const tokens: Token[] = [];
  let at = 0;
  for (const piece of pieces(norm)) {
    const start = norm.indexOf(piece, at);
    const end = start + piece.length;
    at = end;
    const kind = kindOf(piece);
    const text = textOf(piece, kind);
    tokens.push({ text, stem: kind === 'word' ? stemWord(text) : text, kind, start, end });
  }
  return tokens;
}

/** The texts of `tokenizeNormalized(norm)` that are not punctuation, without the offsets and stems. */
export function wordTexts(norm: string): string[] {
  const out: string[] = [];
  for (const piece of pieces(norm)) {
    const kind = kindOf(piece);
    if (kind !== 'punct') out.push(textOf(piece, kind));
  }
  return out;
}

/** Normalises then tokenises: "t-shirt", "don't", "$49.99", "4k", emoji and e-mails stay whole. */
export function tokenize(text: string): Token[] {
  return tokenizeNormalized(normalize(text));
}

const stemCache = new Map<string, string>();

/** Porter stem, memoised (the vocabulary of a shop is small and stemming shows up in profiles). */
export function stemWord(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = /^[a-z][a-z'-]*$/.test(word) ? stem(word) : word;
    if (stemCache.size > 50_000) stemCache.clear();
    stemCache.set(word, s);
  }
  return s;
}
