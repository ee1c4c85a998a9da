import { describe, expect, it } from 'vitest';
import { Dataset } from '../../../../src/engine/recommend/dataset';
import { ContentTfidf, cosine, tfidfVectors } from '../../../../src/engine/recommend/models/contentTfidf';
import { tokenize } from '../../../../src/engine/recommend/tokenize';
import { hist, tinyCatalog, tinyLines } from '../fixtures';

const catalog = () =>
  tinyCatalog(['Red enamel mug', 'Blue enamel mug', 'Steel kettle 1.7L', 'Enamel mugs, set of 2'], {
    category: ['Kitchen', 'Kitchen', 'Kitchen', 'Kitchen'],
  });

describe('tokenize', () => {
  it('lower-cases, drops stop words and one-letter tokens, strips plurals', () => {
    expect(tokenize('Enamel MUGS, set of 2 — Café boxes')).toEqual(['enamel', 'mug', 'cafe', 'box']);
  });
});

describe('ContentTfidf', () => {
  it('makes variants of one product closer than different products', () => {
    const v = tfidfVectors(catalog());
    expect(cosine(v, 0, 1)).toBeGreaterThan(cosine(v, 0, 2));
    expect(cosine(v, 0, 0)).toBeCloseTo(1, 5);
  });

  it('recommends a product nobody bought yet from what the customer bought', () => {
    const cat = catalog();
    const ds = new Dataset(tinyLines([[1, 1, 0, [1]]]), cat);
    const m = new ContentTfidf({ neighbours: 10, halfLifeDays: 30 });
    m.fit(ds);
    const out = new Float32Array(4);
    m.score(hist([0]), out);
    expect(out[3]).toBeGreaterThan(0); // "Enamel mugs, set of 2" has no sales
    expect(out[3]).toBeGreaterThan(out[2]);
    expect(out[0]).toBe(0);
  });
});
