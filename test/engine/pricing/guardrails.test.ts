import { describe, expect, it } from 'vitest';
import { applyGuardrails, charmPrice } from '../../../src/engine/pricing/guardrails';

const base = { currentCents: 10_000, costCents: 5_000, minMargin: 0.2, maxStep: 0.1, rounding: false };

describe('applyGuardrails', () => {
  it('runs the rules in the fixed order and records each', () => {
    const r = applyGuardrails({ ...base, targetCents: 10_500, ceilingCents: 20_000, mapCents: 1_000, rounding: true });
    expect(r.steps.map((s) => s.rule)).toEqual(['target', 'max_step', 'ceiling', 'map', 'margin_floor', 'rounding']);
  });

  it('does not re-round a price that no rule moved', () => {
    const r = applyGuardrails({ ...base, currentCents: 10_123, rounding: true });
    expect(r.priceCents).toBe(10_123);
    expect(r.steps.map((s) => s.rule)).not.toContain('rounding');
  });

  it('lets the target bind when nothing clamps it', () => {
    const r = applyGuardrails({ ...base, targetCents: 10_500 });
    expect(r.priceCents).toBe(10_500);
    expect(r.binding).toBe('target');
  });

  it('reports none when there is no target and nothing moves the price', () => {
    const r = applyGuardrails({ ...base });
    expect(r.priceCents).toBe(10_000);
    expect(r.binding).toBe('none');
  });

  it('limits the step to ±10% of the current price', () => {
    expect(applyGuardrails({ ...base, targetCents: 20_000 })).toMatchObject({ priceCents: 11_000, binding: 'max_step' });
    expect(applyGuardrails({ ...base, targetCents: 7_000, costCents: 1_000 })).toMatchObject({ priceCents: 9_000, binding: 'max_step' });
  });

  it('applies the ceiling after the step', () => {
    const r = applyGuardrails({ ...base, targetCents: 20_000, ceilingCents: 10_400 });
    expect(r).toMatchObject({ priceCents: 10_400, binding: 'ceiling' });
    expect(r.steps.find((s) => s.rule === 'max_step')?.changed).toBe(true);
  });

  it('applies MAP after the ceiling, so MAP wins over the ceiling', () => {
    const r = applyGuardrails({ ...base, targetCents: 9_000, costCents: 1_000, ceilingCents: 9_500, mapCents: 9_800 });
    expect(r).toMatchObject({ priceCents: 9_800, binding: 'map' });
  });

  it('applies the margin floor last, so it wins over everything', () => {
    // floor = 8000 / 0.8 = 10000... cost 9000 -> floor 11250, beyond the step and the ceiling
    const r = applyGuardrails({ ...base, costCents: 9_000, targetCents: 9_500, ceilingCents: 10_000, mapCents: 9_000 });
    expect(r.floorCents).toBe(11_250);
    expect(r).toMatchObject({ priceCents: 11_250, binding: 'margin_floor' });
  });

  it('floor binds even with no target when the current price is below it', () => {
    const r = applyGuardrails({ ...base, currentCents: 5_000, costCents: 4_500 });
    expect(r).toMatchObject({ priceCents: Math.ceil(4_500 / 0.8), binding: 'margin_floor' });
  });

  it('rounds to a price ending without crossing the floor', () => {
    // floor 11250; the nearest .49/.99 ending of 112.50 is 112.49, below the floor -> 112.99
    const r = applyGuardrails({ ...base, costCents: 9_000, targetCents: 9_500, rounding: true });
    expect(r.priceCents).toBe(11_299);
    expect(r.priceCents).toBeGreaterThanOrEqual(r.floorCents);
    expect(r.binding).toBe('margin_floor');
    expect(r.steps.at(-1)).toMatchObject({ rule: 'rounding', changed: true });
  });

  it('rounds to the nearest ending when the floor allows it', () => {
    const r = applyGuardrails({ ...base, targetCents: 10_520, rounding: true });
    expect(r.priceCents).toBe(10_499);
    expect(r.binding).toBe('target');
  });

  it('names rounding when it takes a small move back to the current price', () => {
    const r = applyGuardrails({ currentCents: 179, targetCents: 175, costCents: 50, minMargin: 0.2, rounding: true });
    expect(r.priceCents).toBe(179);
    expect(r.binding).toBe('rounding');
  });

  it('keeps the rounded price inside the step band when it can', () => {
    // step floor 8.10; the .49/.99 neighbours are 7.99 (outside) and 8.49 (far): the 10-cent grid gives 8.19
    const r = applyGuardrails({ currentCents: 899, targetCents: 654, costCents: 364, minMargin: 0.2, maxStep: 0.1, rounding: true });
    expect(r.priceCents).toBe(819);
    expect(r.binding).toBe('max_step');
  });

  it('rounds under the ceiling when it binds', () => {
    const r = applyGuardrails({ ...base, costCents: 1_000, targetCents: 10_800, ceilingCents: 10_450, rounding: true });
    expect(r.binding).toBe('ceiling');
    expect(r.priceCents).toBeLessThanOrEqual(10_450);
    expect(r.priceCents % 10).toBe(9);
  });
});

describe('charmPrice', () => {
  it('uses a grid that fits the price', () => {
    expect(charmPrice(237)).toBe(239);
    expect(charmPrice(1234)).toBe(1249);
    expect(charmPrice(1299)).toBe(1299);
    expect(charmPrice(12_340)).toBe(12_299);
    expect(charmPrice(123_400)).toBe(123_499);
  });
  it('never goes below the lower bound and stays under the upper bound when it can', () => {
    for (let cents = 100; cents < 30_000; cents += 37) {
      const lower = cents - 13;
      expect(charmPrice(cents, lower)).toBeGreaterThanOrEqual(lower);
      const upped = charmPrice(cents, lower, cents + 5);
      expect(upped).toBeGreaterThanOrEqual(lower);
    }
    expect(charmPrice(1240, 0, 1245)).toBe(1239);
  });
});
