import { describe, expect, it } from 'vitest';
import {
  displayName,
  FieldError,
  isProductCode,
  normaliseCustomerId,
  parseIsoDate,
  parsePriceCents,
  parseQuantity,
  parseRetailDate,
} from '../../../src/engine/import/lineFields';
import { deriveCategory } from '../../../src/engine/import/deriveCategory';

describe('parseRetailDate', () => {
  it('reads both Online Retail date styles as the same instant', () => {
    expect(parseRetailDate('12/1/2010 8:26')).toBe('2010-12-01T08:26:00.000Z');
    expect(parseRetailDate('2010-12-01 08:26:00')).toBe('2010-12-01T08:26:00.000Z');
    expect(parseRetailDate('6/30/2011 17:05:09')).toBe('2011-06-30T17:05:09.000Z');
  });

  it('keeps the wall-clock time in summer (stored as UTC, no BST shift)', () => {
    expect(parseRetailDate('7/15/2011 0:30')).toBe('2011-07-15T00:30:00.000Z');
  });

  it('rejects impossible or garbled dates', () => {
    for (const bad of ['13/1/2010 8:26', '2/30/2011 10:00', '2010-12-01 25:00:00', 'yesterday', '', '12/1/10 8:26']) {
      expect(() => parseRetailDate(bad), bad).toThrow(FieldError);
    }
  });
});

describe('parseIsoDate', () => {
  it('treats times without a zone as wall time and converts zoned ones to UTC', () => {
    expect(parseIsoDate('2024-03-01')).toBe('2024-03-01T00:00:00.000Z');
    expect(parseIsoDate('2024-03-01 10:15')).toBe('2024-03-01T10:15:00.000Z');
    expect(parseIsoDate('2024-03-01T10:15:00Z')).toBe('2024-03-01T10:15:00.000Z');
    expect(parseIsoDate('2024-07-01T10:15:00+01:00')).toBe('2024-07-01T09:15:00.000Z');
  });

  it('rejects what is not a date', () => {
    expect(() => parseIsoDate('01/03/2024')).toThrow(FieldError);
    expect(() => parseIsoDate('2024-02-30')).toThrow(FieldError);
  });
});

describe('numbers and ids', () => {
  it('parses signed whole quantities and refuses the rest', () => {
    expect(parseQuantity('6')).toBe(6);
    expect(parseQuantity('-12')).toBe(-12);
    expect(parseQuantity('6.0')).toBe(6);
    for (const bad of ['six', '', '1.5', '3e99']) expect(() => parseQuantity(bad), bad).toThrow(FieldError);
  });

  it('turns prices into rounded cents', () => {
    expect(parsePriceCents('2.55')).toBe(255);
    expect(parsePriceCents('0.001')).toBe(0);
    expect(parsePriceCents('-11062.06')).toBe(-1106206);
    expect(parsePriceCents('£7.5')).toBe(750);
    expect(() => parsePriceCents('abc')).toThrow(FieldError);
  });

  it('drops the spreadsheet ".0" from customer ids', () => {
    expect(normaliseCustomerId('17850.0')).toBe('17850');
    expect(normaliseCustomerId(' 17850 ')).toBe('17850');
    expect(normaliseCustomerId('')).toBe('');
    expect(normaliseCustomerId('C-42')).toBe('C-42');
  });
});

describe('product codes and names', () => {
  it('tells products from book-keeping codes', () => {
    for (const sku of ['85123A', '22423', '15056BL', 'DCGS0076', 'DCGSSGIRL']) expect(isProductCode(sku), sku).toBe(true);
    for (const sku of ['POST', 'DOT', 'M', 'D', 'S', 'C2', 'B', 'CRUK', 'PADS', 'BANK CHARGES', 'AMAZONFEE', 'GIFT_0001_10']) {
      expect(isProductCode(sku), sku).toBe(false);
    }
  });

  it('title-cases shouting names and leaves mixed case alone', () => {
    expect(displayName(' WHITE HANGING  HEART T-LIGHT HOLDER ')).toBe('White Hanging Heart T-Light Holder');
    expect(displayName("DOLLY GIRL'S LUNCH BOX")).toBe("Dolly Girl's Lunch Box");
    expect(displayName('Dotcomgiftshop Gift Voucher £10.00')).toBe('Dotcomgiftshop Gift Voucher £10.00');
  });

  it('derives a category from keywords, falling back to Gifts', () => {
    expect(deriveCategory('Jumbo Bag Red Retrospot')).toBe('Bags');
    expect(deriveCategory('Paper Chain Kit 50s Christmas')).toBe('Christmas');
    expect(deriveCategory('White Metal Lantern')).toBe('Candles & Lanterns');
    expect(deriveCategory('Sandalwood Fan')).toBe('Gifts');
  });
});
