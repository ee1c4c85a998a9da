import { describe, expect, it } from 'vitest';
import { DEFAULT_FEATURES, intentFeatures } from '../../src/nlu/intentFeatures';
import { packModel, unpackModel } from '../../src/nlu/modelFile';
import { SoftmaxClassifier, type SoftmaxHead } from '../../src/nlu/softmaxClassifier';
import { tokenize } from '../../src/nlu/tokenize';

const none = () => [];

describe('intent features', () => {
  it('adds character 3- and 4-grams with word boundaries, also for short words', () => {
    const f = intentFeatures(tokenize('hii'), none, { ...DEFAULT_FEATURES, charGrams: true });
    expect(f).toEqual(expect.arrayContaining(['w:hii', 'c:<hi', 'c:hii', 'c:ii>', 'c:<hii', 'c:hii>']));
    expect(intentFeatures(tokenize('hii'), none, { ...DEFAULT_FEATURES, charGrams: false }).some((x) => x.startsWith('c:'))).toBe(false);
  });

  it('marks the words after a negation up to the next punctuation', () => {
    const f = intentFeatures(tokenize("it didn't arrive on time, great"), none, { ...DEFAULT_FEATURES, negation: true });
    expect(f).toEqual(expect.arrayContaining(['n:arriv', 'n:on', 'n:time']));
    expect(f).not.toContain('n:great');
  });
});

describe('softmax classifier', () => {
  const docs = [
    { features: ['w:hi', 'c:<hi', 'c:hi>'], label: 'greeting' },
    { features: ['w:hello', 'c:<he', 'c:llo'], label: 'greeting' },
    { features: ['w:cancel', 'w:order', 'c:<ca', 'c:ord'], label: 'cancel_order' },
    { features: ['w:stop', 'w:order', 'c:<st', 'c:ord'], label: 'cancel_order' },
  ];

  it('weighs character n-grams as asked and keeps the weight through the cache', () => {
    const model = SoftmaxClassifier.train(docs, { charWeight: 0.4, epochs: 20 });
    expect(model.predict(['w:cancel', 'w:order'])[0].label).toBe('cancel_order');
    const { head, weights } = model.parts();
    const saved = unpackModel(packModel(head, weights));
    const copy = SoftmaxClassifier.fromParts(saved.head as unknown as SoftmaxHead, saved.weights);
    expect(copy.predict(['c:<hi', 'w:unknown'])).toEqual(model.predict(['c:<hi', 'w:unknown']));
  });

  it('counts each distinct feature once; unknown ones dilute the evidence; known ones are counted with repeats', () => {
    const model = SoftmaxClassifier.train(docs, { charWeight: 0.4, epochs: 20 });
    const p = (features: string[]) => model.predict(features);
    expect(p(['w:cancel', 'w:cancel', 'c:ord', 'w:order'])).toEqual(p(['w:cancel', 'c:ord', 'w:order']));
    expect(p(['w:zzz', 'w:zzz', 'w:cancel'])).toEqual(p(['w:zzz', 'w:cancel']));
    const cancel = (features: string[]) => p(features).find((s) => s.label === 'cancel_order')!.p;
    expect(cancel(['w:zzz', 'w:cancel'])).toBeLessThan(cancel(['w:cancel']));
    expect(model.predictCounting(['w:cancel', 'w:cancel', 'w:zzz', 'c:ord'], (f) => f.startsWith('w:')).known).toBe(2);
  });

  it('balances rare classes when asked', () => {
    const skewed = [...docs, ...Array.from({ length: 20 }, () => ({ features: ['w:order', 'w:my'], label: 'order_status' }))];
    const plain = SoftmaxClassifier.train(skewed, { classWeightPower: 0 }).predict(['w:order'])[0];
    const balanced = SoftmaxClassifier.train(skewed, { classWeightPower: 1 }).predict(['w:order']);
    expect(plain.label).toBe('order_status');
    expect(balanced.find((s) => s.label === 'cancel_order')!.p).toBeGreaterThan(SoftmaxClassifier.train(skewed).predict(['w:order']).find((s) => s.label === 'cancel_order')!.p);
  });
});
