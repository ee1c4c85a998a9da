import { beforeAll, describe, expect, it } from 'vitest';
import { createNlu, type CatalogueVocabulary, type Nlu } from '../../src/nlu';

const vocabulary: CatalogueVocabulary = {
  categories: ['Shoes', 'Running Shoes', 'T-Shirts', 'Headphones', 'Kitchen'],
  brands: ['Nike', 'Adidas', 'Sony'],
  colours: ['Red', 'Blue', 'Black', 'White', 'Navy Blue'],
  sizes: ['S', 'M', 'L', 'XL', '9', '10'],
  products: [
    { sku: 'KIT-0001', name: 'Red Retrospot Jumbo Bag' },
    { sku: '85123A', name: 'White Hanging Heart T-Light Holder' },
    { sku: 'SHO-0002', name: 'Nike Pegasus Running Shoes' },
  ],
};

let nlu: Nlu;
beforeAll(() => {
  nlu = createNlu({ vocabulary });
});
const entities = (text: string, expecting?: string) => nlu.analyze(text, { expecting }).entities;

describe('catalogue entities', () => {
  it('finds category, brand, colour and size, with typos corrected', () => {
    expect(entities('runnning shoos from nike in blak size 10')).toMatchObject({ category: 'Running Shoes', brand: 'Nike', colour: 'Black', size: '10' });
    expect(entities('navy blue t-shirts, size medium')).toMatchObject({ category: 'T-Shirts', colour: 'Navy Blue', size: 'M' });
  });

  it('finds nothing where nothing is named', () => {
    const e = entities('where is my parcel');
    for (const key of ['category', 'brand', 'colour', 'size', 'products', 'priceRange', 'quantity', 'orderId', 'email', 'excluded']) expect(e).not.toHaveProperty(key);
  });

  it('matches products by SKU and by name', () => {
    expect(entities('tell me about 85123a').products).toEqual([{ sku: '85123A', name: 'White Hanging Heart T-Light Holder', score: 1 }]);
    expect(entities('do you have the jumbo bag retrospot')?.products?.[0].sku).toBe('KIT-0001');
    expect(entities('do you have a lamp').products).toBeUndefined();
  });

  it('leaves the search words in the query, without filters and stop words', () => {
    expect(entities('show me some running shoes under $50').query).toBe('');
    expect(entities('i am looking for a waterprof jacket for hiking').query).toBe('waterproof jacket hiking');
  });
});

describe('negation', () => {
  it('moves negated colours, brands and categories to excluded', () => {
    expect(entities('a t-shirt that is not red')).toMatchObject({ category: 'T-Shirts', excluded: { colours: ['Red'] } });
    expect(entities('anything but nike or adidas')).toMatchObject({ excluded: { brands: ['Nike', 'Adidas'] } });
    expect(entities('blue shoes, no sony please').excluded).toEqual({ brands: ['Sony'] });
  });

  it('does not negate what is outside the scope', () => {
    const e = entities('red shoes but not from adidas');
    expect(e.colour).toBe('Red');
    expect(e.excluded).toEqual({ brands: ['Adidas'] });
    expect(entities('no more than 30 dollars for red ones').colour).toBe('Red');
  });
});

describe('price range', () => {
  it.each([
    ['shoes under $50', { max: 50, currency: 'USD' }],
    ['less than 30 dollars', { max: 30, currency: 'USD' }],
    ['between 20 and 40', { min: 20, max: 40 }],
    ['between £20 and £40', { min: 20, max: 40, currency: 'GBP' }],
    ['around £15', { min: 12, max: 18, currency: 'GBP' }],
    ['over 100 euros', { min: 100, currency: 'EUR' }],
    ['50 bucks or less', { max: 50, currency: 'USD' }],
    ['twenty quid max', { max: 20, currency: 'GBP' }],
    ['cheap headphones', { label: 'cheap' }],
  ])('%s', (text, range) => {
    expect(entities(text).priceRange).toEqual(range);
  });

  it('does not read sizes, quantities or codes as prices', () => {
    expect(entities('size 10 trainers').priceRange).toBeUndefined();
    expect(entities('add 2 of KIT-0001').priceRange).toBeUndefined();
    expect(entities('a 4k tv').priceRange).toBeUndefined();
  });

  it('reads amounts in the first 40 tokens of a long message only', () => {
    const rambling = 'and then the parcel came back again '.repeat(8); // 56 tokens
    expect(entities(`shoes under $50 ${rambling}`).priceRange).toEqual({ max: 50, currency: 'USD' });
    expect(entities(`shoes ${rambling} under $50`).priceRange).toBeUndefined();
  });
});

describe('quantity, order id and e-mail', () => {
  it('finds quantities in digits and words', () => {
    expect(entities('add 3 of the red ones').quantity).toBe(3);
    expect(entities("i'll take two").quantity).toBe(2);
    expect(entities('a dozen candles').quantity).toBe(12);
    expect(entities('3', 'quantity').quantity).toBe(3);
  });

  it('does not take prices, sizes or order numbers for quantities', () => {
    expect(entities('shoes under 50').quantity).toBeUndefined();
    expect(entities('size 9 please').quantity).toBeUndefined();
    expect(entities('where is order 536365').quantity).toBeUndefined();
  });

  it('finds demo and imported order ids', () => {
    expect(entities('where is sm100042?').orderId).toBe('SM100042');
    expect(entities('status of order 536365').orderId).toBe('536365');
    expect(entities('536370', 'order_id').orderId).toBe('536370');
    expect(entities('i want 536365 of them').orderId).toBeUndefined();
    expect(entities('KIT-0001').orderId).toBeUndefined();
  });

  it('finds e-mail addresses', () => {
    expect(entities('mail me at Jo.Smith+shop@Example.co.uk').email).toBe('jo.smith+shop@example.co.uk');
    expect(entities('my email is jo at example dot com').email).toBeUndefined();
  });
});

describe('facet phrases', () => {
  it('matches the longest phrase, of any length, and not a phrase cut short', () => {
    const phrases = createNlu({ vocabulary: { ...vocabulary, categories: ['Running Shoes', 'Trail Running Shoes', 'Shoes'], colours: ['Glow Moss Fizz'] } });
    const found = (text: string) => phrases.analyze(text).entities;
    expect(found('trail running shoes in glow moss fizz')).toMatchObject({ category: 'Trail Running Shoes', colour: 'Glow Moss Fizz' });
    expect(found('running shoes, glow moss')).toMatchObject({ category: 'Running Shoes' });
    expect(found('running shoes, glow moss').colour).toBeUndefined();
    expect(found('trail shoes')).toMatchObject({ category: 'Shoes' });
  });
});
