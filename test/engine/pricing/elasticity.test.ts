import { describe, expect, it } from 'vitest';
import { estimateElasticity } from '../../../src/engine/pricing/elasticity';
import { tCritical } from '../../../src/engine/pricing/studentT';

function rng(seed: number) {
  let a = seed >>> 0;
  const u = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  return { u, gauss: () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u()) };
}

/** Weekly series from q = A · p^e · lift^promo · noise. */
function series(e: number, n: number, seed: number, opts: { noise?: number; promoLift?: number; promoCut?: number; base?: number } = {}) {
  const r = rng(seed);
  const price: number[] = [];
  const quantity: number[] = [];
  const promo: number[] = [];
  for (let i = 0; i < n; i++) {
    const onPromo = opts.promoCut !== undefined && r.u() < 0.25 ? 1 : 0;
    const list = (opts.base ?? 10) * [0.8, 0.9, 1, 1.1, 1.2][Math.floor(r.u() * 5)];
    const paid = onPromo ? list * (1 - (opts.promoCut ?? 0)) : list;
    price.push(paid);
    promo.push(onPromo);
    quantity.push(200 * paid ** e * (onPromo ? (opts.promoLift ?? 1) : 1) * Math.exp((opts.noise ?? 0.1) * r.gauss()));
  }
  return { price, quantity, promo };
}

describe('estimateElasticity', () => {
  it('recovers a known slope from noisy data, inside its confidence interval', () => {
    for (const [e, seed] of [[-1.8, 1], [-0.7, 2], [-3, 3]] as const) {
      const r = estimateElasticity(series(e, 104, seed, { noise: 0.15 }), { method: 'ols' });
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(Math.abs(r.elasticity - e)).toBeLessThan(0.15);
      expect(r.ci[0]).toBeLessThan(e);
      expect(r.ci[1]).toBeGreaterThan(e);
      expect(r.n).toBe(104);
    }
  });

  it('is exact on noiseless data, with a t-based interval', () => {
    const price = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];
    const quantity = price.map((p, i) => 100 * p ** -2 * Math.exp(i % 2 ? 0.01 : -0.01));
    const r = estimateElasticity({ price, quantity }, { method: 'ols' });
    expect(r.ok && r.method).toBe('ols');
    expect(r.ok && r.elasticity).toBeCloseTo(-2, 2);
    if (r.ok) expect((r.ci[1] - r.ci[0]) / 2).toBeCloseTo(tCritical(0.95, 10) * r.se, 10);
  });

  it('controls for promotions that come with price cuts', () => {
    const data = series(-1.5, 156, 4, { promoCut: 0.25, promoLift: 2.5, noise: 0.1 });
    const naive = estimateElasticity({ price: data.price, quantity: data.quantity });
    const controlled = estimateElasticity(data);
    expect(naive.ok && controlled.ok).toBe(true);
    if (!naive.ok || !controlled.ok) return;
    expect(Math.abs(naive.elasticity - -1.5)).toBeGreaterThan(0.5); // the lift is read as price response
    expect(Math.abs(controlled.elasticity - -1.5)).toBeLessThan(0.15);
    expect(controlled.promoEffect).toBeCloseTo(Math.log(2.5), 1);
  });

  it('fits small counts with zeros by Poisson pseudo-likelihood where log-OLS is attenuated', () => {
    const r = rng(11);
    // Poisson counts with mean 1 at the middle price: a third of the weeks sell nothing
    const price = Array.from({ length: 4000 }, () => 10 * [0.8, 0.9, 1, 1.1, 1.2][Math.floor(r.u() * 5)]);
    const quantity = price.map((p) => {
      let k = 0;
      for (let t = -Math.log(r.u()); t < (p / 10) ** -2; t -= Math.log(r.u())) k++;
      return k;
    });
    expect(quantity.filter((q) => q === 0).length).toBeGreaterThan(1000);
    const auto = estimateElasticity({ price, quantity });
    const logOls = estimateElasticity({ price, quantity }, { method: 'ols' });
    expect(auto.ok && auto.method).toBe('poisson');
    expect(auto.ok && Math.abs(auto.elasticity + 2)).toBeLessThan(0.3);
    expect(auto.ok && auto.ci[0] < -2 && auto.ci[1] > -2).toBe(true);
    expect(logOls.ok && Math.abs(logOls.elasticity + 2)).toBeGreaterThan(0.5);
  });

  it('absorbs seasons with period effects when pooling', () => {
    const r = rng(12);
    const price: number[] = [];
    const quantity: number[] = [];
    const group: string[] = [];
    const period: number[] = [];
    for (let w = 0; w < 60; w++) {
      const season = w % 10 < 3 ? 3 : 1; // busy weeks, when both products happen to be dearer
      for (const g of ['a', 'b']) {
        const p = 10 * (season > 1 ? 1.2 : [0.8, 0.9, 1, 1.1][Math.floor(r.u() * 4)]) * (g === 'b' ? r.u() * 0.2 + 0.9 : 1);
        price.push(p);
        quantity.push(500 * season * p ** -1.5 * Math.exp(0.05 * r.gauss()));
        group.push(g);
        period.push(w);
      }
    }
    const naive = estimateElasticity({ price, quantity, group }, { method: 'ols' });
    const withPeriods = estimateElasticity({ price, quantity, group, period }, { method: 'ols' });
    expect(naive).toMatchObject({ ok: false, code: 'positive_slope' }); // seasons read as demand rising with price
    expect(withPeriods.ok).toBe(true);
    if (withPeriods.ok) expect(Math.abs(withPeriods.elasticity + 1.5)).toBeLessThan(0.1);
  });

  it('pools products with fixed effects for their different levels', () => {
    const a = series(-2, 60, 5, { base: 5 });
    const b = series(-2, 60, 6, { base: 50 });
    const bBig = b.quantity.map((q) => q * 40);
    const pooled = estimateElasticity({
      price: [...a.price, ...b.price],
      quantity: [...a.quantity, ...bBig],
      group: [...a.price.map(() => 'a'), ...b.price.map(() => 'b')],
    });
    expect(pooled.ok).toBe(true);
    if (pooled.ok) {
      expect(pooled.groups).toBe(2);
      expect(Math.abs(pooled.elasticity - -2)).toBeLessThan(0.1);
    }
  });

  it('refuses a positive slope with the reason', () => {
    const price = Array.from({ length: 30 }, (_, i) => 1 + (i % 6) * 0.1);
    const quantity = price.map((p, i) => 100 * p ** 0.8 * (1 + 0.02 * (i % 3)));
    const r = estimateElasticity({ price, quantity });
    expect(r).toMatchObject({ ok: false, code: 'positive_slope' });
    if (!r.ok) expect(r.reason).toMatch(/positive slope/);
  });

  it('refuses a single price, too few distinct prices and too few observations', () => {
    expect(estimateElasticity({ price: Array(20).fill(5), quantity: Array.from({ length: 20 }, (_, i) => 10 + i) })).toMatchObject({ ok: false, code: 'too_few_prices' });
    expect(estimateElasticity({ price: Array.from({ length: 20 }, (_, i) => (i % 2 ? 5 : 6)), quantity: Array.from({ length: 20 }, (_, i) => 10 + i) })).toMatchObject({ ok: false, code: 'too_few_prices' });
    expect(estimateElasticity({ price: [1, 2, 3, 4], quantity: [4, 3, 2, 1] })).toMatchObject({ ok: false, code: 'too_few_observations' });
  });

  it('refuses prices that barely vary and intervals that are too wide', () => {
    const price = Array.from({ length: 40 }, (_, i) => 10 + (i % 3) * 0.01);
    expect(estimateElasticity({ price, quantity: price.map((_, i) => 50 + i) })).toMatchObject({ ok: false, code: 'price_variation' });
    const noisy = series(-3, 14, 7, { noise: 0.4 });
    expect(estimateElasticity(noisy, { maxCiWidth: 0.5 })).toMatchObject({ ok: false, code: 'too_uncertain' });
  });

  it('drops non-positive quantities (log undefined) and counts them', () => {
    const data = series(-2, 40, 8);
    data.quantity[3] = 0;
    const r = estimateElasticity(data, { method: 'ols' });
    expect(r.ok && r.dropped).toBe(1);
    expect(r.n).toBe(39);
  });
});
