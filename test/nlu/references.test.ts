import { describe, expect, it } from 'vitest';
import { createNlu } from '../../src/nlu';

const vocabulary = { categories: ['Kitchen'], brands: ['Nike'], colours: ['blue', 'red'], sizes: [], products: [{ sku: 'KIT-1', name: 'Red enamel mug' }] };

describe('follow-up references', () => {
  const nlu = createNlu({ vocabulary, cacheDir: null });
  const e = (text: string) => nlu.analyze(text).entities;

  it('finds "the second one" and friends as an ordinal, not as search words', () => {
    expect(e('the second one')).toMatchObject({ ordinal: 2, query: '' });
    expect(e('add the 3rd one to my basket')).toMatchObject({ ordinal: 3 });
    expect(e('number 4 please')).toMatchObject({ ordinal: 4 });
    expect(e('second hand mugs').ordinal).toBeUndefined();
  });

  it('reads comparatives as refinements of the last search, not as price ranges', () => {
    expect(e('cheaper')).toMatchObject({ refinement: 'cheaper' });
    expect(e('cheaper').priceRange).toBeUndefined();
    expect(e('anything less expensive?')).toMatchObject({ refinement: 'cheaper' });
    expect(e('something more expensive')).toMatchObject({ refinement: 'pricier' });
    expect(e('show more')).toMatchObject({ refinement: 'more' });
    expect(e('cheap mugs').refinement).toBeUndefined();
  });

  it('tells "goes with my cart" and "like this" apart from a plain cart view', () => {
    expect(e('what goes with my cart')).toMatchObject({ scope: 'cart' });
    expect(e('something similar to this')).toMatchObject({ scope: 'this' });
    expect(e('show my cart').scope).toBeUndefined();
  });
});
