import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { assignFolds, crossValidate, nearDuplicateKey } from '../../src/nlu/crossValidate';

const rows = [
  ...['cancel my order', 'ok so cancel my order, thank you', 'stop my order', 'cancel it', 'call off the order', 'scrap my order'].map((text) => ({ text, label: 'cancel_order' })),
  ...['hello', 'hi there', 'hey', 'good morning', 'hiya', 'howdy'].map((text) => ({ text, label: 'greeting' })),
];

describe('cross-validation', () => {
  it('strips the polite frame from near-copies', () => {
    expect(nearDuplicateKey('Ok so cancel my order, thank you')).toBe('cancel my order');
    expect(nearDuplicateKey('hiya the app is a bit slow but works asap')).toBe('the app is a bit slow but works');
    expect(nearDuplicateKey('hello')).toBe('hello');
  });

  it('deals each label evenly into folds and keeps near-copies together', () => {
    const fold = assignFolds(rows, 3, 1);
    expect(fold[0]).toBe(fold[1]);
    for (const label of ['cancel_order', 'greeting']) {
      const counts = [0, 1, 2].map((f) => rows.filter((r, i) => r.label === label && fold[i] === f).length);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(2);
    }
    expect(assignFolds(rows, 3, 1)).toEqual(fold);
  });

  it('predicts every row once, with a model that never saw it', () => {
    const seenBy: string[][] = [];
    const r = crossValidate(rows, 3, (train) => {
      seenBy.push(train.map((t) => t.text));
      return (text) => (/order|cancel|it/.test(text) ? 'cancel_order' : 'greeting');
    });
    expect(seenBy).toHaveLength(3);
    expect(r.n).toBe(rows.length);
    expect(r.accuracy).toBe(1);
    expect(r.fold_accuracy).toHaveLength(3);
    const fold = assignFolds(rows, 3, 1);
    seenBy.forEach((train, f) => rows.forEach((row, i) => expect(train.includes(row.text)).toBe(fold[i] !== f)));
  });
});

describe('shopmate eval nlu --cv', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopmate-nlu-cv-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function fakeIO() {
    const out: string[] = [];
    const io: CliIO = { out: (t) => out.push(t), err: () => {} };
    return { io, out };
  }

  it('cross-validates on the file itself, training each fold from scratch', async () => {
    const file = path.join(dir, 'cv.tsv');
    const lines = [
      ...['hello there', 'hi', 'good morning', 'hey you', 'hiya friend', 'evening all'].map((t) => `${t}\tgreeting`),
      ...['cancel my order', 'cancel order 123', 'please cancel it', 'i want to cancel', 'cancel the purchase', 'stop my order'].map((t) => `${t}\tcancel_order`),
      ...['where is my parcel', 'track my order', 'where is my package', 'has my order shipped', 'order status', 'where is my stuff'].map((t) => `${t}\torder_status`),
    ];
    fs.writeFileSync(file, `text\tintent\n${lines.join('\n')}\n`);
    const { io, out } = fakeIO();
    expect(await main(['eval', 'nlu', file, '--cv', '3', '--json'], io)).toBe(0);
    const r = JSON.parse(out[0]);
    expect(r).toMatchObject({ k: 3, n: 18 });
    expect(r.fold_accuracy).toHaveLength(3);
    expect(r.accuracy).toBeGreaterThan(0.3);
    expect(r.clarification_rate).toBeGreaterThanOrEqual(0);
    expect(r.train_ms).toBeGreaterThanOrEqual(0);
    expect(await main(['eval', 'nlu', file, '--cv', '1'], fakeIO().io)).toBe(2);
  });
});
