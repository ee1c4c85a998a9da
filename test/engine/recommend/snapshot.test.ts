import { describe, expect, it } from 'vitest';
import { Dataset } from '../../../src/engine/recommend/dataset';
import type { FittedModels } from '../../../src/engine/recommend/fitModels';
import { buildParts, DEFAULT_PARAMS, HYBRID_PARTS } from '../../../src/engine/recommend/params';
import { restoreModels, transferables } from '../../../src/engine/recommend/snapshot';
import { fourCustomers, hist } from './fixtures';

function fitted(): FittedModels {
  const { ds, catalog } = fourCustomers();
  const parts = buildParts(DEFAULT_PARAMS);
  for (const name of HYBRID_PARTS) parts[name].fit(ds);
  ds.releaseCache();
  return { catalog, ds, parts, stamp: { maxOrderId: 4, cancelled: 0, maxProductId: 4, products: 4 }, ms: 1 };
}

describe('transferables', () => {
  it('finds each typed array buffer once, inside objects, arrays and Maps', () => {
    const shared = new Float32Array(4);
    const other = new Int32Array(2);
    const inMap = new Uint8Array(3);
    const found = transferables({ a: shared, b: [shared.subarray(1), { c: other }], d: new Map([['k', inMap]]), e: 'text', f: 1 });
    expect(found).toHaveLength(3);
    expect(new Set(found)).toEqual(new Set([shared.buffer, other.buffer, inMap.buffer]));
  });
});

describe('restoreModels', () => {
  it('gives a structured clone back its classes: every part scores as the original', () => {
    const original = fitted();
    const copy = restoreModels(structuredClone(original, { transfer: [] }), DEFAULT_PARAMS);
    expect(copy.ds).toBeInstanceOf(Dataset);
    expect(copy.ds.buyers(0)).toBe(3);
    const h = hist([0, 1], [11, 12]);
    for (const name of HYBRID_PARTS) {
      const a = new Float32Array(4);
      const b = new Float32Array(4);
      original.parts[name].score(h, a, 0, { setting: 'all' });
      copy.parts[name].score(h, b, 0, { setting: 'all' });
      expect(Array.from(b), name).toEqual(Array.from(a));
      expect(Object.getPrototypeOf(copy.parts[name]), name).toBe(Object.getPrototypeOf(original.parts[name]));
    }
  });

  it('refuses a clone whose parts do not match the parameters', () => {
    const clone = structuredClone(fitted());
    delete (clone.parts as Partial<typeof clone.parts>).ease;
    expect(() => restoreModels(clone, DEFAULT_PARAMS)).toThrow(/ease/);
  });
});
