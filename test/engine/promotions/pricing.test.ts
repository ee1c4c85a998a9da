import { describe, expect, it } from 'vitest';
import { floorPrice, percentOffPrice, type PricingOptions } from '../../../src/engine/promotions/pricing';
import type { NewPromotion } from '../../../src/engine/promotions/types';
import { makeStore, NOW, promotions, window } from './fixture';

const o: PricingOptions = { minMarginRate: 0.1, assumedCostRatio: 0.6, shippingCents: 395 };

describe('margin floor', () => {
  it('is cost × (1 + min margin), with the assumed cost ratio when the cost is unknown', () => {
    expect(floorPrice(10000, 8500, o)).toBe(9350);
    expect(floorPrice(1000, null, o)).toBe(660); // 0.6 × 1000 × 1.1
    expect(floorPrice(10000, 8500, { ...o, minMarginRate: 0 })).toBe(8500);
  });

  it('caps a 50% discount on a low-margin product at the floor', () => {
    expect(percentOffPrice(10000, 8500, 50, o)).toBe(9350);
    expect(percentOffPrice(2000, 1000, 50, o)).toBe(1100);
    expect(percentOffPrice(2000, 1000, 20, o)).toBe(1600); // not binding
    expect(percentOffPrice(1000, null, 50, o)).toBe(660);
  });

  it('never raises a price that is already below the floor', () => {
    expect(percentOffPrice(900, 1000, 10, o)).toBe(900);
  });
});

describe('applyToCart', () => {
  const setup = () => {
    const store = makeStore();
    const promos = promotions(store);
    const create = (p: Omit<NewPromotion, 'startsAt' | 'endsAt'>) => promos.create({ ...window, controlShare: 0, ...p }, 'staff');
    const line = (productId: number, quantity: number) => ({ productId, quantity, unitPriceCents: store.db.prepare('SELECT price_cents AS p FROM products WHERE id = ?').pluck().get(productId) as number });
    return { store, promos, create, line };
  };

  it('without promotions charges the standard delivery fee on a non-empty cart only', () => {
    const { store, promos, line } = setup();
    expect(promos.applyToCart([line(store.ids.knife, 2)], store.ada)).toMatchObject({ subtotalCents: 4000, discountCents: 0, shippingCents: 395, redemptionCents: 0 });
    expect(promos.applyToCart([], store.ada)).toMatchObject({ subtotalCents: 0, shippingCents: 0 });
    expect(promos.applyToCart([], store.ada).promotionId).toBeUndefined();
  });

  it('picks the offer that saves the customer most, with the margin floor applied to each', () => {
    const { store, promos, create, line } = setup();
    const pct = create({ kind: 'percent_off', params: { percent: 20 }, target: { kind: 'all' } });
    const save = create({ kind: 'spend_save', params: { thresholdCents: 10000, saveCents: 1500 }, target: { kind: 'all' } });
    create({ kind: 'free_shipping', params: { thresholdCents: 5000 }, target: { kind: 'all' } });
    const cart = [line(store.ids.knife, 1), line(store.ids.tablet, 1)]; // 2000 + 10000
    // 20% off: knife 2000 -> 1600, tablet capped at its floor 9350: 400 + 650 = 1050; spend-save: 1500 fits the 900 + 650 headroom.
    expect(promos.applyToCart(cart, store.ada)).toMatchObject({ subtotalCents: 12000, discountCents: 1500, shippingCents: 395, promotionId: save, redemptionCents: 1500 });
    // Below the spend threshold the percentage wins.
    expect(promos.applyToCart([line(store.ids.knife, 1)], store.ada)).toMatchObject({ discountCents: 400, promotionId: pct });
  });

  it('caps spend-X-save-Y at the cart headroom above the floor', () => {
    const { store, promos, create, line } = setup();
    create({ kind: 'spend_save', params: { thresholdCents: 10000, saveCents: 3000 }, target: { kind: 'all' } });
    expect(promos.applyToCart([line(store.ids.knife, 1), line(store.ids.tablet, 1)], store.ada).discountCents).toBe(900 + 650);
  });

  it('a category promotion discounts only that category', () => {
    const { store, promos, create, line } = setup();
    create({ kind: 'percent_off', params: { percent: 30 }, target: { kind: 'category', category: 'garden' } });
    const r = promos.applyToCart([line(store.ids.knife, 1), line(store.ids.hose, 2)], null);
    expect(r.discountCents).toBe(2 * 900);
    expect(r.description).toContain('30% off Garden');
  });

  it('free delivery applies from its threshold up, and only with margin to spare', () => {
    const { store, promos, create, line } = setup();
    const id = create({ kind: 'free_shipping', params: { thresholdCents: 5000 }, target: { kind: 'all' } });
    expect(promos.applyToCart([line(store.ids.pan, 1)], store.cy)).toMatchObject({ shippingCents: 395 });
    expect(promos.applyToCart([line(store.ids.pan, 1)], store.cy).promotionId).toBeUndefined();
    expect(promos.applyToCart([line(store.ids.knife, 1), line(store.ids.pan, 1)], store.cy)).toMatchObject({ shippingCents: 0, discountCents: 0, promotionId: id, redemptionCents: 395 });
    expect(promos.applyToCart([line(store.ids.pan, 1), line(store.ids.knife, 1)], store.cy).description).toMatch(/free delivery/i);
    // Yarn has unknown cost (floor 660): 6 × 340 = 2040 headroom covers the fee.
    expect(promos.applyToCart([line(store.ids.yarn, 6)], store.cy).shippingCents).toBe(0);
    create({ kind: 'free_shipping', target: { kind: 'all' } });
    // One yarn: 340 headroom < 395 fee: delivery is charged even with free delivery on every order.
    expect(promos.applyToCart([line(store.ids.yarn, 1)], store.cy).shippingCents).toBe(395);
  });

  it("respects the store's own free-delivery threshold", () => {
    const store = makeStore();
    const promos = promotions(store, { freeShippingFromCents: 5500 });
    const line = (productId: number, quantity: number, unitPriceCents: number) => ({ productId, quantity, unitPriceCents });
    expect(promos.applyToCart([line(store.ids.pan, 1, 4000)], null).shippingCents).toBe(395);
    expect(promos.applyToCart([line(store.ids.pan, 2, 4000)], null).shippingCents).toBe(0);
    promos.create({ kind: 'free_shipping', target: { kind: 'all' }, ...window, controlShare: 0 }, 's');
    expect(promos.applyToCart([line(store.ids.pan, 1, 4000)], null)).toMatchObject({ shippingCents: 0, redemptionCents: 395 });
    expect(promos.applyToCart([line(store.ids.pan, 2, 4000)], null).promotionId).toBeUndefined(); // nothing to waive
    // Typical baskets: Ada (10000 + 5500) / 3 < 5500 < Bob (12000 + 5500) / 3, who gets free delivery anyway.
    expect(promos.offersFor(store.ada)).toHaveLength(1);
    expect(promos.offersFor(store.bob)).toEqual([]);
  });

  it('a gift beats a smaller discount, and needs the gift in stock', () => {
    const { store, promos, create, line } = setup();
    create({ kind: 'percent_off', params: { percent: 5 }, target: { kind: 'all' } });
    const gift = create({ kind: 'gift', params: { giftSku: 'mug', thresholdCents: 3000 }, target: { kind: 'all' } });
    const r = promos.applyToCart([line(store.ids.pan, 1)], store.ada);
    expect(r).toMatchObject({ promotionId: gift, discountCents: 0, redemptionCents: 200, gift: { sku: 'MUG', productId: store.ids.mug } });
    store.db.prepare('UPDATE products SET stock = 0 WHERE id = ?').run(store.ids.mug);
    expect(promos.applyToCart([line(store.ids.pan, 1)], store.ada)).toMatchObject({ discountCents: 200 });
  });

  it('cuts a discount to the budget left', () => {
    const { store, promos, create, line } = setup();
    const id = create({ kind: 'percent_off', params: { percent: 20 }, target: { kind: 'all' }, budgetCents: 300 });
    const order = store.orders.create({ orderNo: 'B1', customerId: store.bob, placedAt: NOW, lines: [line(store.ids.knife, 1)] });
    promos.recordRedemption(id, order, store.bob, 100);
    expect(promos.applyToCart([line(store.ids.pan, 1)], store.ada)).toMatchObject({ discountCents: 200, promotionId: id });
  });

  it('priceFor shows the best percent-off price above the floor, only where it applies', () => {
    const { store, promos, create } = setup();
    const kitchen = create({ kind: 'percent_off', params: { percent: 20 }, target: { kind: 'category', category: 'Kitchen' } });
    const all = create({ kind: 'percent_off', params: { percent: 50 }, target: { kind: 'all' } });
    expect(promos.priceFor(store.ids.tablet, null)).toEqual({ priceCents: 10000, promoPriceCents: 9350, promotionId: all });
    expect(promos.priceFor(store.ids.pan, null)).toEqual({ priceCents: 4000, promoPriceCents: 2200, promotionId: all });
    promos.end(all, 'staff');
    expect(promos.priceFor(store.ids.pan, store.ada)).toEqual({ priceCents: 4000, promoPriceCents: 3200, promotionId: kitchen });
    expect(promos.priceFor(store.ids.hose, store.ada)).toEqual({ priceCents: 3000 });
  });
});
