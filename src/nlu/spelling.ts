import { editDistance } from './natural';

/**
 * Typo correction against a closed vocabulary (the catalogue's words and the words the intent
 * model knows), in the style of SymSpell: every vocabulary word is indexed under itself and its
 * one-letter deletions, so a typo finds its candidates with a few map look-ups; natural's
 * Damerau-Levenshtein distance then picks the closest, ties going to the more frequent word.
 */
/** Longer "words" are pastes or keyboard mashing: not worth the quadratic candidate search. */
const MAX_WORD = 24;

export class SpellingCorrector {
  private readonly index = new Map<string, string[]>();
  private readonly frequency = new Map<string, number>();

  constructor(words: Iterable<string> = []) {
    this.add(words);
  }

  add(words: Iterable<string>): void {
    for (const raw of words) {
      const w = raw.toLowerCase();
      if (!/^[a-z][a-z'-]*$/.test(w)) continue;
      const seen = this.frequency.get(w);
      this.frequency.set(w, (seen ?? 0) + 1);
      if (seen !== undefined) continue;
      for (const key of variants(w)) {
        const list = this.index.get(key);
        if (list) list.push(w);
        else this.index.set(key, [w]);
      }
    }
  }

  has(word: string): boolean {
    return this.frequency.has(word);
  }

  get size(): number {
    return this.frequency.size;
  }

  /**
   * The closest vocabulary word, or undefined when the word is known, too short to correct safely
   * (under 4 letters) or too long, not alphabetic, or nothing is within 1 edit (2 for words of 7+ letters).
   */
  correct(word: string): string | undefined {
    if (word.length < 4 || word.length > MAX_WORD || this.frequency.has(word) || !/^[a-z][a-z'-]*$/.test(word)) return undefined;
    const maxDistance = word.length >= 7 ? 2 : 1;
    const candidates = new Set<string>();
    for (const key of variants(word)) for (const c of this.index.get(key) ?? []) candidates.add(c);
    if (maxDistance > 1) for (const key of deletions(word)) for (const k2 of deletions(key)) for (const c of this.index.get(k2) ?? []) candidates.add(c);
    let best: string | undefined;
    let bestDistance = maxDistance + 1;
    let bestFrequency = 0;
    for (const c of candidates) {
      if (Math.abs(c.length - word.length) > maxDistance || (word.length < 5 && c[0] !== word[0])) continue;
      const d = editDistance(word, c);
      const f = this.frequency.get(c) ?? 0;
      if (d < bestDistance || (d === bestDistance && f > bestFrequency)) {
        best = c;
        bestDistance = d;
        bestFrequency = f;
      }
    }
    return bestDistance <= maxDistance ? best : undefined;
  }
}

function deletions(w: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

function variants(w: string): string[] {
  return [w, ...deletions(w)];
}
