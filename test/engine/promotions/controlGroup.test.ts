import { describe, expect, it } from 'vitest';
import { controlDraw, inControlGroup } from '../../../src/engine/promotions/controlGroup';
import { makeStore, promotions, window } from './fixture';

describe('control group assignment', () => {
  it('is stable per customer and promotion', () => {
    for (let c = 1; c <= 200; c++) {
      expect(inControlGroup(7, c, 0.3)).toBe(inControlGroup(7, c, 0.3));
      expect(controlDraw(7, c)).toBe(controlDraw(7, c));
    }
  });

  it('draws are uniform: the control share is close to the configured share over many customers', () => {
    for (const share of [0.1, 0.25, 0.5]) {
      let control = 0;
      const n = 20_000;
      for (let c = 1; c <= n; c++) if (inControlGroup(3, c, share)) control++;
      const sd = Math.sqrt((share * (1 - share)) / n);
      expect(Math.abs(control / n - share)).toBeLessThan(5 * sd);
    }
  });

  it('is independent across promotions (a customer is not in every control group)', () => {
    const n = 10_000;
    let both = 0;
    for (let c = 1; c <= n; c++) if (inControlGroup(1, c, 0.5) && inControlGroup(2, c, 0.5)) both++;
    expect(Math.abs(both / n - 0.25)).toBeLessThan(0.025);
  });

  it('a share of 0 holds nobody out; draws lie in [0, 1)', () => {
    for (let c = 1; c <= 1000; c++) {
      expect(inControlGroup(9, c, 0)).toBe(false);
      const u = controlDraw(9, c);
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
    }
  });

  it('customers in the control group are not offered the promotion; the same ones every time', () => {
    const store = makeStore();
    const promos = promotions(store);
    const ids: number[] = [];
    for (let i = 0; i < 60; i++) ids.push(store.customers.insert({ name: `C${i}`, createdAt: '2024-01-01T00:00:00.000Z' }));
    const id = promos.create({ kind: 'percent_off', params: { percent: 10 }, target: { kind: 'all' }, ...window, controlShare: 0.4 }, 'staff');
    const shown = (c: number) => promos.offersFor(c).some((o) => o.promotionId === id);
    const first = ids.map(shown);
    expect(ids.map(shown)).toEqual(first);
    const restarted = promotions(store); // a new process over the same database sees the same split
    expect(ids.map((c) => restarted.offersFor(c).some((o) => o.promotionId === id))).toEqual(first);
    ids.forEach((c, i) => expect(first[i]).toBe(!inControlGroup(id, c, 0.4)));
    expect(first.filter((s) => !s).length).toBeGreaterThan(0);
    expect(first.filter((s) => s).length).toBeGreaterThan(0);
  });

  it('anonymous users get no control assignment: they always see an all-customer promotion', () => {
    const store = makeStore();
    const promos = promotions(store);
    const id = promos.create({ kind: 'percent_off', params: { percent: 10 }, target: { kind: 'all' }, ...window, controlShare: 0.99 }, 'staff');
    expect(promos.offersFor(null).map((o) => o.promotionId)).toContain(id);
  });
});
