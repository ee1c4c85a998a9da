import { describe, expect, it } from 'vitest';
import { whyIneligible } from '../../../src/engine/promotions/eligibility';
import type { Promotion } from '../../../src/engine/promotions/types';
import { makeStore, NOW, promotions, window } from './fixture';

const base: Promotion = {
  id: 1,
  name: 'p',
  kind: 'percent_off',
  params: { percent: 10 },
  target: { kind: 'all' },
  ...window,
  budgetCents: null,
  controlShare: 0,
  status: 'active',
  createdBy: 'staff',
  createdAt: window.startsAt,
};
const ctx = { customerId: 5, segment: 'Loyal', now: NOW, spentCents: 0 };

describe('whyIneligible', () => {
  it('checks the schedule: before the start, at and after the end, ended early', () => {
    expect(whyIneligible(base, ctx)).toBeNull();
    expect(whyIneligible(base, { ...ctx, now: '2024-10-31T23:59:59.000Z' })).toBe('not_started');
    expect(whyIneligible(base, { ...ctx, now: window.startsAt })).toBeNull();
    expect(whyIneligible(base, { ...ctx, now: window.endsAt })).toBe('over');
    expect(whyIneligible({ ...base, status: 'ended' }, ctx)).toBe('ended');
  });

  it('checks the budget: spent in full means no more offers; no budget means no limit', () => {
    expect(whyIneligible({ ...base, budgetCents: 1000 }, { ...ctx, spentCents: 999 })).toBeNull();
    expect(whyIneligible({ ...base, budgetCents: 1000 }, { ...ctx, spentCents: 1000 })).toBe('budget_spent');
    expect(whyIneligible({ ...base, budgetCents: 0 }, ctx)).toBe('budget_spent');
    expect(whyIneligible(base, { ...ctx, spentCents: 10 ** 9 })).toBeNull();
  });

  it('checks the target: segment (case-insensitive), customer list, category and all', () => {
    const seg = { ...base, target: { kind: 'segment' as const, segment: 'loyal' } };
    expect(whyIneligible(seg, ctx)).toBeNull();
    expect(whyIneligible(seg, { ...ctx, segment: 'At risk' })).toBe('not_targeted');
    expect(whyIneligible(seg, { ...ctx, segment: undefined })).toBe('not_targeted');
    const list = { ...base, target: { kind: 'customers' as const, customerIds: [4, 5] } };
    expect(whyIneligible(list, ctx)).toBeNull();
    expect(whyIneligible(list, { ...ctx, customerId: 6 })).toBe('not_targeted');
    const cat = { ...base, target: { kind: 'category' as const, category: 'Kitchen' } };
    expect(whyIneligible(cat, { ...ctx, customerId: 99, segment: undefined })).toBeNull();
  });

  it('anonymous users: only all and category promotions, never a control group', () => {
    const anon = { customerId: null, now: NOW, spentCents: 0 };
    expect(whyIneligible({ ...base, controlShare: 0.99 }, anon)).toBeNull();
    expect(whyIneligible({ ...base, target: { kind: 'category', category: 'Kitchen' } }, anon)).toBeNull();
    expect(whyIneligible({ ...base, target: { kind: 'segment', segment: 'Loyal' } }, anon)).toBe('not_targeted');
    expect(whyIneligible({ ...base, target: { kind: 'customers', customerIds: [1] } }, anon)).toBe('not_targeted');
  });
});

describe('offersFor eligibility', () => {
  it('offers each customer only what targets them, by segment, list and category', () => {
    const store = makeStore();
    const segments = new Map([[store.ada, 'Loyal'], [store.bob, 'At risk']]);
    const promos = promotions(store, { segmentOf: (id) => segments.get(id) });
    const common = { ...window, controlShare: 0 };
    const loyal = promos.create({ kind: 'percent_off', params: { percent: 10 }, target: { kind: 'segment', segment: 'Loyal' }, ...common }, 's');
    const list = promos.create({ kind: 'free_shipping', target: { kind: 'customers', customerIds: [store.bob] }, ...common }, 's');
    const garden = promos.create({ kind: 'percent_off', params: { percent: 15 }, target: { kind: 'category', category: 'Garden' }, ...common }, 's');
    const offered = (c: number | null) => promos.offersFor(c).map((o) => o.promotionId).sort();
    expect(offered(store.ada)).toEqual([loyal, garden].sort());
    expect(offered(store.bob)).toEqual([list, garden].sort());
    expect(offered(store.cy)).toEqual([garden]);
    expect(offered(null)).toEqual([garden]);
  });

  it('without a segmentOf function nobody gets segment promotions', () => {
    const store = makeStore();
    const promos = promotions(store);
    promos.create({ kind: 'percent_off', params: { percent: 10 }, target: { kind: 'segment', segment: 'Loyal' }, ...window, controlShare: 0 }, 's');
    expect(promos.offersFor(store.ada)).toEqual([]);
  });

  it('follows the schedule (`now` option) and stops when the budget is spent', () => {
    const store = makeStore();
    const promos = promotions(store);
    const id = promos.create({ kind: 'spend_save', params: { thresholdCents: 3000, saveCents: 500 }, target: { kind: 'all' }, ...window, budgetCents: 1000, controlShare: 0 }, 's');
    expect(promos.offersFor(store.ada).map((o) => o.promotionId)).toEqual([id]);
    expect(promos.offersFor(store.ada, { now: new Date('2024-10-30T00:00:00Z') })).toEqual([]);
    expect(promos.offersFor(store.ada, { now: new Date('2024-12-01T00:00:00Z') })).toEqual([]);
    const order = store.orders.create({ orderNo: 'X1', customerId: store.bob, placedAt: NOW, lines: [{ productId: store.ids.pan, quantity: 1, unitPriceCents: 4000 }] });
    promos.recordRedemption(id, order, store.bob, 600);
    expect(promos.offersFor(store.ada)).toHaveLength(1);
    const order2 = store.orders.create({ orderNo: 'X2', customerId: store.bob, placedAt: NOW, lines: [{ productId: store.ids.pan, quantity: 1, unitPriceCents: 4000 }] });
    promos.recordRedemption(id, order2, store.bob, 400);
    expect(promos.offersFor(store.ada)).toEqual([]);
    expect(promos.list({ activeOnly: true })).toEqual([]);
    expect(promos.get(id)).toMatchObject({ redemptions: 2, redeemedCents: 1000, budgetRemainingCents: 0, live: false });
  });

  it('an ended promotion is no longer offered', () => {
    const store = makeStore();
    const promos = promotions(store);
    const id = promos.create({ kind: 'percent_off', params: { percent: 10 }, target: { kind: 'all' }, ...window, controlShare: 0 }, 's');
    expect(promos.offersFor(store.cy)).toHaveLength(1);
    promos.end(id, 'boss');
    expect(promos.offersFor(store.cy)).toEqual([]);
    expect(promos.get(id)).toMatchObject({ status: 'ended', endsAt: NOW });
  });
});
