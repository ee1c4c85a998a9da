import { describe, expect, it } from 'vitest';
import { ProductRepo } from '../../../src/engine/repos/products';
import { affinity, redemptionProbability, typicalBasket } from '../../../src/engine/promotions/ranking';
import { StatsReader } from '../../../src/engine/promotions/storeStats';
import { makeStore, promotions, window } from './fixture';

describe('affinity and basket', () => {
  // Sales: Ada 8000 + 2000 Kitchen in 2 orders; Bob 9000 + 3000 Garden in 2 orders. Store: 22000 over 4 orders.
  it('is the share of spend in the category, smoothed towards the store with one average order', () => {
    const store = makeStore();
    const reader = new StatsReader(store.db);
    const stats = reader.store(0.6);
    expect(stats.avgOrderCents).toBe(5500);
    expect(stats.categoryShare.get('kitchen')).toBeCloseTo(10000 / 22000, 12);
    expect(stats.costRatio.get('gadgets')).toBeCloseTo(0.85, 12);
    const ada = reader.customer(store.ada);
    expect(ada).toMatchObject({ spendCents: 10000, orders: 2 });
    expect(affinity(ada, 'Kitchen', stats)).toBeCloseTo(12500 / 15500, 12); // (10000 + 5500 × 10/22) / (10000 + 5500)
    expect(affinity(ada, 'Garden', stats)).toBeCloseTo(3000 / 15500, 12);
    expect(affinity(reader.customer(store.cy), 'Kitchen', stats)).toBeCloseTo(10 / 22, 12);
    expect(affinity(ada, undefined, stats)).toBe(1);
    expect(typicalBasket(ada, stats)).toBeCloseTo(15500 / 3, 9);
  });

  it('redemption proxy grows with the incentive and shrinks below the threshold', () => {
    expect(redemptionProbability(1000, 5000, 5000, 0)).toBeGreaterThan(redemptionProbability(500, 5000, 5000, 0));
    expect(redemptionProbability(1000, 5000, 2500, 5000)).toBeCloseTo(redemptionProbability(1000, 5000, 5000, 0) / 4, 12);
    expect(redemptionProbability(0, 5000, 5000, 0)).toBe(0);
  });
});

describe('offersFor ranking', () => {
  it('prefers the category the customer buys', () => {
    const store = makeStore();
    const promos = promotions(store);
    const common = { kind: 'percent_off' as const, params: { percent: 20 }, ...window, controlShare: 0 };
    const kitchen = promos.create({ ...common, target: { kind: 'category', category: 'Kitchen' } }, 's');
    const garden = promos.create({ ...common, target: { kind: 'category', category: 'Garden' } }, 's');
    const ada = promos.offersFor(store.ada);
    const bob = promos.offersFor(store.bob);
    expect(ada.map((o) => o.promotionId)).toEqual([kitchen, garden]);
    expect(bob.map((o) => o.promotionId)).toEqual([garden, kitchen]);
    expect(ada[0].expectedValueCents).toBeGreaterThan(ada[1].expectedValueCents);
    expect(ada[0]).toMatchObject({ kind: 'percent_off', category: 'Kitchen', terms: '20% off Kitchen until 30 Nov' });
  });

  it('leaves out offers that the margin floor makes worthless', () => {
    const store = makeStore();
    new ProductRepo(store.db).insert({ sku: 'THIN', name: 'thin', category: 'Clearance', priceCents: 1000, costCents: 950, createdAt: window.startsAt });
    const promos = promotions(store);
    promos.create({ kind: 'percent_off', params: { percent: 30 }, target: { kind: 'category', category: 'Clearance' }, ...window, controlShare: 0 }, 's');
    expect(promos.offersFor(store.ada)).toEqual([]);
  });

  it("boosts the kind the customer's segment strategy prefers", () => {
    const store = makeStore();
    const segment = { value: 'At risk' };
    const promos = promotions(store, { segmentOf: () => segment.value, strategyBoost: 10 });
    const pct = promos.create({ kind: 'percent_off', params: { percent: 10 }, target: { kind: 'all' }, ...window, controlShare: 0 }, 's');
    const ship = promos.create({ kind: 'free_shipping', target: { kind: 'all' }, ...window, controlShare: 0 }, 's');
    expect(promos.strategyFor('At risk').kind).toBe('percent_off');
    expect(promos.offersFor(store.ada)[0].promotionId).toBe(pct);
    segment.value = 'Hibernating'; // free delivery
    expect(promos.offersFor(store.ada)[0].promotionId).toBe(ship);
  });

  it('lists only the best of several offers of the same kind and scope', () => {
    const store = makeStore();
    const promos = promotions(store);
    const c = { target: { kind: 'all' as const }, ...window, controlShare: 0 };
    const every = promos.create({ kind: 'free_shipping', ...c }, 's');
    promos.create({ kind: 'free_shipping', params: { thresholdCents: 20000 }, ...c }, 's');
    const kitchen = promos.create({ kind: 'free_shipping', params: { category: 'Kitchen' }, ...c }, 's');
    expect(promos.offersFor(store.ada).map((o) => o.promotionId).sort()).toEqual([every, kitchen].sort());
  });

  it('writes readable terms for every kind', () => {
    const store = makeStore();
    const promos = promotions(store);
    const c = { target: { kind: 'all' as const }, ...window, controlShare: 0 };
    promos.create({ kind: 'spend_save', params: { thresholdCents: 5000, saveCents: 1000 }, ...c }, 's');
    promos.create({ kind: 'gift', params: { giftSku: 'MUG', thresholdCents: 3000 }, ...c }, 's');
    promos.create({ kind: 'free_shipping', params: { thresholdCents: 2550 }, ...c }, 's');
    const terms = promos.offersFor(store.cy).map((o) => o.terms).sort();
    expect(terms).toEqual([
      'Free delivery on orders over £25.50 (until 30 Nov)',
      'Free gift: mug with orders over £30 (until 30 Nov)',
      'Spend £50, save £10 (until 30 Nov)',
    ]);
  });
});
