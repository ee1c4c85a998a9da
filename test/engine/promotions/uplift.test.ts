import { describe, expect, it } from 'vitest';
import { inControlGroup } from '../../../src/engine/promotions/controlGroup';
import { compareGroups, proportionDifference, welchDifference } from '../../../src/engine/promotions/uplift';
import { fixedClock } from '../../../src/engine/clock';
import { Promotions } from '../../../src/engine/promotions/promotionService';
import { makeStore, NOW, window } from './fixture';

describe('uplift arithmetic', () => {
  it('difference of proportions with the normal-approximation interval', () => {
    // 30/100 vs 10/50: 0.1 ± 1.96 × sqrt(0.3·0.7/100 + 0.2·0.8/50) = 0.1 ± 1.96 × 0.0728011
    const r = proportionDifference(30, 100, 10, 50);
    expect(r.estimate).toBeCloseTo(0.1, 12);
    expect(r.ci?.[0]).toBeCloseTo(-0.0426875, 6);
    expect(r.ci?.[1]).toBeCloseTo(0.2426875, 6);
  });

  it("difference of means with Welch's interval", () => {
    // means 4 and 3, both variances 4, n = 3: se = sqrt(8/3), df = 4, t(0.975, 4) = 2.776445
    const r = welchDifference([2, 4, 6], [1, 3, 5]);
    expect(r.estimate).toBeCloseTo(1, 12);
    expect(r.df).toBeCloseTo(4, 9);
    expect(r.ci?.[0]).toBeCloseTo(-3.533916, 5);
    expect(r.ci?.[1]).toBeCloseTo(5.533916, 5);
  });

  it('has no interval for a group of fewer than 2 customers', () => {
    expect(proportionDifference(1, 1, 0, 10).ci).toBeNull();
    expect(welchDifference([5], [1, 2]).ci).toBeNull();
    expect(proportionDifference(3, 10, 0, 0).estimate).toBeNull();
    expect(welchDifference([1, 2], []).estimate).toBeNull();
  });

  it('summarises each group', () => {
    const r = compareGroups(
      [{ converted: true, revenueCents: 300 }, { converted: false, revenueCents: 0 }, { converted: true, revenueCents: 900 }, { converted: false, revenueCents: 0 }],
      [{ converted: true, revenueCents: 200 }, { converted: false, revenueCents: 0 }],
    );
    expect(r.treated).toEqual({ customers: 4, conversion: 0.5, revenue_per_customer: 300 });
    expect(r.control).toEqual({ customers: 2, conversion: 0.5, revenue_per_customer: 100 });
    expect(r.incremental_conversion).toBe(0);
    expect(r.incremental_revenue_per_customer).toBe(200);
  });
});

describe('Promotions.uplift', () => {
  it('splits eligible customers by control assignment and counts their orders in the window', () => {
    const store = makeStore();
    const promos = new Promotions(store.db, fixedClock('2024-12-10T00:00:00.000Z'));
    const created = '2024-01-01T00:00:00.000Z';
    const ids: number[] = [];
    for (let i = 0; i < 80; i++) ids.push(store.customers.insert({ name: `C${i}`, createdAt: created }));
    store.customers.insert({ name: 'Late', createdAt: '2024-12-05T00:00:00.000Z' }); // joined after the window: not counted
    const id = promos.create({ kind: 'percent_off', params: { percent: 10 }, target: { kind: 'all' }, ...window, controlShare: 0.5 }, 's');
    let n = 0;
    const order = (customerId: number, placedAt: string, cents: number, extra: { discountCents?: number; status?: 'cancelled' } = {}) =>
      store.orders.create({ orderNo: `U${++n}`, customerId, placedAt, lines: [{ productId: store.ids.knife, quantity: 1, unitPriceCents: cents }], ...extra });
    const expected = { treated: { n: 0, conv: 0, rev: 0 }, control: { n: 0, conv: 0, rev: 0 } };
    for (const [i, c] of ids.entries()) {
      const g = inControlGroup(id, c, 0.5) ? expected.control : expected.treated;
      g.n++;
      if (i % 3 === 0) {
        order(c, '2024-11-10T09:00:00.000Z', 1000 + i * 10, { discountCents: 100 }); // counts: net 900 + 10i
        order(c, '2024-11-20T09:00:00.000Z', 500); // a second order: revenue adds, conversion does not double
        g.conv++;
        g.rev += 900 + i * 10 + 500;
      }
      if (i % 5 === 1) order(c, '2024-10-20T09:00:00.000Z', 700); // before the window
      if (i % 7 === 2) order(c, '2024-12-02T09:00:00.000Z', 700); // after the window
      if (i % 4 === 3) order(c, '2024-11-12T09:00:00.000Z', 800, { status: 'cancelled' }); // cancelled
    }
    // Fixture customers Ada, Bob, Cy have no orders in the window.
    for (const c of [store.ada, store.bob, store.cy]) (inControlGroup(id, c, 0.5) ? expected.control : expected.treated).n++;
    const u = promos.uplift(id);
    expect(u.window).toEqual({ from: window.startsAt, to: window.endsAt });
    for (const g of ['treated', 'control'] as const) {
      expect(u[g].customers).toBe(expected[g].n);
      expect(u[g].conversion).toBeCloseTo(expected[g].conv / expected[g].n, 12);
      expect(u[g].revenue_per_customer).toBeCloseTo(expected[g].rev / expected[g].n, 9);
    }
    expect(expected.treated.n).toBeGreaterThan(20);
    expect(expected.control.n).toBeGreaterThan(20);
    expect(u.incremental_conversion).toBeCloseTo(expected.treated.conv / expected.treated.n - expected.control.conv / expected.control.n, 12);
    expect(u.ci?.[0]).toBeLessThan(u.incremental_conversion ?? NaN);
    expect(u.revenue_ci?.[1]).toBeGreaterThan(u.incremental_revenue_per_customer ?? NaN);
  });

  it('uses the window so far for a running promotion, and only the targeted customers', () => {
    const store = makeStore();
    const promos = new Promotions(store.db, fixedClock(NOW));
    const id = promos.create({ kind: 'free_shipping', target: { kind: 'customers', customerIds: [store.ada, store.bob] }, ...window, controlShare: 0 }, 's');
    store.orders.create({ orderNo: 'W1', customerId: store.ada, placedAt: '2024-11-05T00:00:00.000Z', lines: [{ productId: store.ids.pan, quantity: 1, unitPriceCents: 4000 }] });
    store.orders.create({ orderNo: 'W2', customerId: store.cy, placedAt: '2024-11-05T00:00:00.000Z', lines: [{ productId: store.ids.pan, quantity: 1, unitPriceCents: 4000 }] });
    const u = promos.uplift(id);
    expect(u.window.to).toBe(NOW);
    expect(u.treated).toEqual({ customers: 2, conversion: 0.5, revenue_per_customer: 2000 });
    expect(u.control.customers).toBe(0);
    expect(u.incremental_conversion).toBeNull(); // no control group: no uplift estimate, not treated − 0
    expect(u.incremental_revenue_per_customer).toBeNull();
    expect(u.ci).toBeNull();
  });
});
