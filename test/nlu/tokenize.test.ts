import { describe, expect, it } from 'vitest';
import { MAX_CHARS, normalize, tokenize, tokenizeNormalized, wordTexts } from '../../src/nlu/tokenize';

const texts = (s: string) => tokenize(s).map((t) => t.text);
const kinds = (s: string) => tokenize(s).map((t) => `${t.text}:${t.kind}`);

describe('tokenize', () => {
  it.each([
    ['a T-Shirt please', ['a', 't-shirt', 'please']],
    ["don't you have it", ["don't", 'you', 'have', 'it']],
    ['it’s a “great” café', ["it's", 'a', 'great', 'cafe']],
    ['size 10 4K TV', ['size', '10', '4k', 'tv']],
    ['under $49.99!', ['under', '$49.99', '!']],
    ['£ 15 or 20€', ['£15', 'or', '20€']],
    ['between 20-40', ['between', '20', '40']],
    ['{{Order Number}}', ['order', 'number']],
  ])('keeps shopping text whole: %s', (input, expected) => {
    expect(texts(input)).toEqual(expected);
  });

  it('tells money, numbers, codes, e-mails and emoji apart', () => {
    expect(kinds('$49.99 50 SM100042 KIT-0001 85123A jo.b+x@shop.co.uk 👍🏽 🇬🇧')).toEqual([
      '$49.99:money',
      '50:number',
      'sm100042:code',
      'kit-0001:code',
      '85123a:code',
      'jo.b+x@shop.co.uk:email',
      '👍🏽:emoji',
      '🇬🇧:emoji',
    ]);
  });

  it('stems words for matching but keeps the text', () => {
    const [shoes, running] = tokenize('shoes running');
    expect([shoes.text, shoes.stem, running.stem]).toEqual(['shoes', 'shoe', 'run']);
  });

  it('gives offsets into the normalised text', () => {
    const norm = normalize('Red  SHOES');
    for (const t of tokenize('Red  SHOES')) expect(norm.slice(t.start, t.end)).toBe(t.text);
  });

  it('gives the same words without offsets and stems for scoring', () => {
    for (const text of ['under £ 15, not red!', 'jo@shop.co.uk: 3/5 t-shirts 👍🏽 #1', 'crème brûlée à 20€ ?', '']) {
      const norm = normalize(text);
      expect(wordTexts(norm)).toEqual(tokenizeNormalized(norm).filter((t) => t.kind !== 'punct').map((t) => t.text));
    }
    expect(normalize('Crème Brûlée à 20€ 😀')).toBe('creme brulee a 20€ 😀');
  });

  it('handles empty, emoji-only, other scripts and very long text', () => {
    expect(tokenize('')).toEqual([]);
    expect(texts('😀😀')).toEqual(['😀', '😀']);
    expect(texts('где аптека 你好')).toEqual(['где', 'аптека', '你好']);
    expect(normalize('x'.repeat(10_000))).toHaveLength(MAX_CHARS);
  });
});
