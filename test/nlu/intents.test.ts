import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNlu, INTENTS, type Nlu } from '../../src/nlu';
import { readLabelledTsv } from '../../src/nlu/corpus';
import { DEFAULT_CACHE_DIR } from '../../src/nlu/intents';

let nlu: Nlu;
beforeAll(() => {
  nlu = createNlu({ cacheDir: DEFAULT_CACHE_DIR });
});

describe('intent table', () => {
  it.each([
    ['hi there', 'greeting'],
    ['bye, see you later', 'goodbye'],
    ['thanks a lot', 'thanks'],
    ['what can you do', 'help'],
    ['do you have red dresses under $50', 'search_products'],
    ['what would you suggest as a gift for my dad', 'recommend'],
    ['any discount codes?', 'deals'],
    ['is this jacket waterproof', 'product_info'],
    ['which is better, the sony or the bose', 'compare'],
    ['add two of those to my basket', 'add_to_cart'],
    ["what's in my cart", 'view_cart'],
    ['i want to check out now', 'checkout'],
    ['where is my order SM100042', 'order_status'],
    ['I want to cancel my order', 'cancel_order'],
    ['how do i return these shoes and get my money back', 'return_refund'],
    ['what are your delivery options', 'shipping_info'],
    ['can I pay with paypal', 'payment'],
    ['i forgot my password', 'account_help'],
    ['this is unacceptable, the product arrived broken', 'complaint'],
    ['I want to speak to a human agent', 'human_agent'],
    ['i want to leave a review for your service', 'feedback'],
    ["what's the weather like tomorrow", 'out_of_scope'],
  ])('%s -> %s', (text, intent) => {
    expect(nlu.analyze(text).intent).toBe(intent);
  });

  it('covers every intent in the table above', () => {
    expect(INTENTS).toHaveLength(22);
  });
});

describe('unseen customer-service phrasing', () => {
  it('classifies most of the sanity set (lines in neither the training nor the held-out corpus)', () => {
    const rows = readLabelledTsv(path.resolve(__dirname, '../../data/nlu/intents.sanity.tsv'));
    expect(rows.length).toBeGreaterThanOrEqual(50);
    const wrong = rows.filter((r) => nlu.analyze(r.text).intent !== r.label).map((r) => r.text);
    expect(wrong.length / rows.length).toBeLessThanOrEqual(0.1);
  });

  it('is not fooled by a greeting in front of a request', () => {
    expect(nlu.analyze('hi there, I need to cancel the order I placed yesterday').intent).toBe('cancel_order');
    expect(nlu.analyze('hello, how would I reset my password?').intent).toBe('account_help');
  });
});

describe('analysis', () => {
  it('returns sorted alternatives and flags low confidence for clarification', () => {
    const a = nlu.analyze('order');
    expect(a.alternatives.length).toBeGreaterThan(0);
    const all = [a.confidence, ...a.alternatives.map((x) => x.confidence)];
    expect([...all].sort((x, y) => y - x)).toEqual(all);
    expect(a.needsClarification).toBe(a.intent !== 'out_of_scope' && a.confidence < 0.5);
  });

  it('is sure of clear requests', () => {
    const a = nlu.analyze('I want to cancel my order please');
    expect(a.confidence).toBeGreaterThan(0.8);
    expect(a.needsClarification).toBe(false);
  });

  it('reads a complaint from the tone when feedback and complaint compete', () => {
    expect(nlu.analyze('the shoes are nice but delivery was awful').intent).toBe('complaint');
  });

  it('lets a sure answer stand against a mildly negative tone', () => {
    expect(nlu.analyze('where do i leave a review').intent).toBe('feedback');
  });

  it('reads stretched and misspelt words through their letters', () => {
    expect(nlu.analyze('heyyyyy').intent).toBe('greeting');
    expect(nlu.analyze('thankssss').intent).toBe('thanks');
    expect(nlu.analyze('i want to cancle my ordr').intent).toBe('cancel_order');
  });

  it('never throws on empty, emoji-only, foreign or huge messages', () => {
    for (const text of ['', '   ', '🤔', '今日は天気がいいですね', 'где ближайшая аптека', 'a'.repeat(10_000), 'lorem ipsum '.repeat(900)]) {
      const a = nlu.analyze(text);
      expect(INTENTS).toContain(a.intent);
      expect(a.intent === 'out_of_scope' || a.needsClarification || a.confidence < 0.9).toBe(true);
    }
  });

  it('keeps the dialog intent when the reply answers its question', () => {
    expect(nlu.analyze('SM100042', { expecting: 'order_id', lastIntent: 'cancel_order' }).intent).toBe('cancel_order');
    expect(nlu.analyze('3', { expecting: 'quantity', lastIntent: 'add_to_cart' }).intent).toBe('add_to_cart');
    expect(nlu.analyze('SM100042').intent).not.toBe('cancel_order');
  });
});

describe('model cache', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopmate-nlu-cache-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes the trained model (dropping models of older corpora), reuses it, and retrains silently over a corrupt file', () => {
    const logs: string[] = [];
    fs.writeFileSync(path.join(dir, 'intent-model-00000000deadbeef.json'), '{}'); // the older JSON layout
    fs.writeFileSync(path.join(dir, 'intent-model-00000000feedface.bin'), '{}');
    const first = createNlu({ cacheDir: dir, onLog: (m) => logs.push(m) });
    const files = fs.readdirSync(dir).filter((f) => f.startsWith('intent-model-'));
    expect(files).toHaveLength(1);
    expect(logs.some((l) => l.includes('trained'))).toBe(true);

    logs.length = 0;
    const second = createNlu({ cacheDir: dir, onLog: (m) => logs.push(m) });
    expect(logs.some((l) => l.includes('loaded'))).toBe(true);
    for (const text of ['where is my parcel', 'heyyy', 'i want to cancle my ordr', 'red mugs under £10 please']) expect(second.analyze(text)).toEqual(first.analyze(text));

    fs.writeFileSync(path.join(dir, files[0]), '{"classifier": "not a model"');
    logs.length = 0;
    const third = createNlu({ cacheDir: dir, onLog: (m) => logs.push(m) });
    expect(logs.some((l) => l.includes('trained'))).toBe(true);
    expect(third.analyze('where is my parcel').intent).toBe(first.analyze('where is my parcel').intent);
  });
});
