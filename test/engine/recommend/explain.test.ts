import { describe, expect, it } from 'vitest';
import { explainForCustomer, type ExplainContext } from '../../../src/engine/recommend/explain';
import { hist, tinyCatalog } from './fixtures';

describe('explainForCustomer', () => {
  it('explains both buy-again views by the orders of the item', () => {
    const ctx: ExplainContext = { catalog: tinyCatalog(['Mug', 'Tea']), coPurchase: { ptr: new Int32Array(3), item: new Int32Array(0), sim: new Float32Array(0) } };
    const h = hist([0, 1, 0]);
    expect(explainForCustomer(ctx, 'buy_again_count', 0, h)).toBe('Buy it again: you have ordered it 2 times');
    expect(explainForCustomer(ctx, 'buy_again', 1, h)).toBe('Buy it again: you ordered it before');
  });
});
