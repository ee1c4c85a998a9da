import { describe, expect, it } from 'vitest';
import { SpellingCorrector } from '../../src/nlu/spelling';

const vocabulary = ['running', 'shoes', 'headphones', 'cancel', 'refund', 'red', 'bluetooth', 'speaker', 'order', 'ship', 'shop'];

describe('SpellingCorrector', () => {
  const c = new SpellingCorrector(vocabulary);

  it.each([
    ['runnning', 'running'],
    ['shoos', 'shoes'],
    ['hedphones', 'headphones'],
    ['cancle', 'cancel'],
    ['refnd', 'refund'],
    ['blutooth', 'bluetooth'],
  ])('corrects %s to %s', (typo, word) => {
    expect(c.correct(typo)).toBe(word);
  });

  it('leaves known, short, numeric and far-off words alone', () => {
    expect(c.correct('ship')).toBeUndefined();
    expect(c.correct('rde')).toBeUndefined();
    expect(c.correct('4k')).toBeUndefined();
    expect(c.correct('xylophone')).toBeUndefined();
  });

  it('learns new words when the catalogue changes', () => {
    const d = new SpellingCorrector(vocabulary);
    expect(d.correct('retrospott')).toBeUndefined();
    d.add(['retrospot']);
    expect(d.correct('retrospott')).toBe('retrospot');
  });
});
