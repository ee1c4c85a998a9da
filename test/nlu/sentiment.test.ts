import { describe, expect, it } from 'vitest';
import { contrastWeights, SentimentAnalyser } from '../../src/nlu/sentiment';
import { normalize } from '../../src/nlu/tokenize';

const analyser = new SentimentAnalyser();
const sentiment = (text: string) => analyser.analyze(normalize(text));

describe('sentiment', () => {
  it.each([
    ['I love these shoes', 'positive'],
    ['great service, thanks!', 'positive'],
    ['where is my order', 'neutral'],
    ['the item arrived broken', 'negative'],
    ['this is a scam', 'negative'],
    ['delivery was late again', 'negative'],
    ['I want a refund', 'negative'],
    ['😍😍', 'positive'],
    ['😡', 'negative'],
  ])('%s -> %s', (text, label) => {
    expect(sentiment(text).label).toBe(label);
  });

  it('flips words in a negation scope', () => {
    expect(sentiment('good').label).toBe('positive');
    expect(sentiment('not good').label).toBe('negative');
    expect(sentiment('not bad at all').label).toBe('positive');
    expect(sentiment('my parcel never arrived').label).toBe('negative');
    expect(sentiment('it arrived').label).toBe('neutral');
    expect(sentiment("it doesn't work").label).toBe('negative');
  });

  it('ends negation at a clause boundary', () => {
    expect(sentiment("I don't know, it's great").label).toBe('positive');
  });

  it('weighs intensifiers', () => {
    expect(sentiment('really really good').score).toBeGreaterThan(sentiment('good').score);
    expect(sentiment('slightly disappointing').score).toBeGreaterThan(sentiment('disappointing').score);
  });

  it('weighs what follows a contrast', () => {
    expect(sentiment('the shoes are nice but delivery was awful').label).toBe('negative');
    expect(sentiment('delivery was slow but the shoes are lovely').label).toBe('positive');
  });

  it('keeps the weight of a contrast within its sentence', () => {
    const but = new Set(['but']);
    const words = (tokens: string[]) => contrastWeights(tokens, but).filter((_, i) => tokens[i] !== '||');
    expect(words(['nice', 'but', 'awful', '||', 'good'])).toEqual([0.5, 1, 1.5, 1]);
    expect(words(['good', '||', 'nice', 'but', 'slow'])).toEqual([1, 0.5, 1, 1.5]);
    expect(sentiment('the shoes are nice but delivery was awful. great service').score).toBeGreaterThan(sentiment('the shoes are nice but delivery was awful').score);
  });

  it('flags strongly negative messages for a human', () => {
    expect(sentiment('this is a scam, worst shop ever, I am furious').strongNegative).toBe(true);
    expect(sentiment('the colour is a bit off').strongNegative).toBe(false);
    expect(sentiment('the shoes are nice but delivery was awful').strongNegative).toBe(false);
  });

  it('handles empty and long text', () => {
    expect(sentiment('')).toEqual({ label: 'neutral', score: 0, comparative: 0, strongNegative: false });
    expect(sentiment('great '.repeat(5000)).label).toBe('positive');
  });
});
