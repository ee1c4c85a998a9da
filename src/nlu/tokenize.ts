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
  return /[^\x00-\x7f]/.test(folded) ? removeDiacritics(folded).normalize('NFC') : folded;
}

function kindOf(t: string): TokenKind {
  if (t.includes('@') && t.length > 2) return 'email';
  if (/[$£€]/.test(t) && /\d/.test(t)) return 'money';
  if (/^\d[\d.,:/]*$/.test(t)) return 'number';
  if (/\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]/u.test(t)) return 'emoji';
  if (t.length === 1 && !/[\p{L}\p{N}]/u.test(t)) return 'punct';
  if (/\d/.test(t) && /\p{L}/u.test(t) && t.length >= 5) return 'code';
  return 'word';
}

/** Tokens of an already normalised string, with offsets. */
export function tokenizeNormalized(norm: string): Token[] {
  const pieces = (tokenizer.tokenize(norm) as string[] | null) ?? [];
  const tokens: Token[] = [];
  let at = 0;
  for (const piece of pieces) {
    const start = norm.indexOf(piece, at);
    const end = start + piece.length;
    at = end;
    const kind = kindOf(piece);
    const text = kind === 'money' ? piece.replace(/\s+/g, '') : piece;
    tokens.push({ text, stem: kind === 'word' ? stemWord(text) : text, kind, start, end });
  }
  return tokens;
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
