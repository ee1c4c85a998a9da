import { describe, expect, it } from 'vitest';
import { EngineError } from '../../../src/engine/errors';
import { AuditRepo } from '../../../src/engine/repos/audit';
import type { NewPromotion } from '../../../src/engine/promotions/types';
import { makeStore, NOW, promotions, window } from './fixture';

const valid: NewPromotion = { kind: 'percent_off', params: { percent: 20 }, target: { kind: 'all' }, ...window };

function invalidWith(fn: () => unknown, pattern: RegExp): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(EngineError);
    expect((e as EngineError).code).toBe('invalid');
    expect((e as Error).message).toMatch(pattern);
    return;
  }
  throw new Error('expected an invalid error');
}

describe('Promotions.create', () => {
  it('rejects bad terms, targets, schedules and budgets with EngineError invalid', () => {
    const store = makeStore();
    const p = promotions(store);
    const bad: [Partial<NewPromotion>, RegExp][] = [
      [{ params: { percent: 0 } }, /percent/],
      [{ params: { percent: 95 } }, /percent/],
      [{ params: {} }, /percent/],
      [{ kind: 'spend_save', params: { thresholdCents: 5000, saveCents: 5000 } }, /less than/],
      [{ kind: 'spend_save', params: { saveCents: 500 } }, /threshold/],
      [{ kind: 'spend_save', params: { thresholdCents: 5000 } }, /saving/],
      [{ kind: 'gift', params: { giftSku: 'NOPE' } }, /NOPE/],
      [{ kind: 'gift', params: {} }, /gift SKU/],
      [{ kind: 'bogus' as never }, /type/],
      [{ target: { kind: 'category', category: 'Nowhere' } }, /Nowhere/],
      [{ target: { kind: 'segment', segment: '  ' } }, /segment/],
      [{ target: { kind: 'customers', customerIds: [store.ada, 999] } }, /999/],
      [{ target: { kind: 'customers', customerIds: [] } }, /customer/],
      [{ target: { kind: 'nobody' } as never }, /target/],
      [{ startsAt: window.endsAt, endsAt: window.startsAt }, /start before/],
      [{ endsAt: 'someday' }, /not a date/],
      [{ budgetCents: -1 }, /budget/],
      [{ budgetCents: 10.5 }, /budget/],
      [{ controlShare: 1 }, /control/],
      [{ params: { percent: 10, category: 'Nowhere' } }, /Nowhere/],
    ];
    for (const [change, pattern] of bad) invalidWith(() => p.create({ ...valid, ...change }, 'staff'), pattern);
    expect(p.list()).toEqual([]);
  });

  it('validates segment names against the segmenter when one is wired in', () => {
    const store = makeStore();
    const p = promotions(store, { segmentNames: () => ['Loyal', 'At risk'] });
    invalidWith(() => p.create({ ...valid, target: { kind: 'segment', segment: 'Vampires' } }, 's'), /Vampires/);
    const id = p.create({ ...valid, target: { kind: 'segment', segment: 'at RISK' } }, 's');
    expect(p.get(id).target).toEqual({ kind: 'segment', segment: 'At risk' });
  });

  it('stores a valid promotion with a readable default name, normalised values and an audit row', () => {
    const store = makeStore();
    const p = promotions(store);
    const id = p.create({ ...valid, target: { kind: 'category', category: 'kitchen' }, budgetCents: 5000 }, 'alice');
    const got = p.get(id);
    expect(got).toMatchObject({
      id,
      name: '20% off Kitchen until 30 Nov',
      kind: 'percent_off',
      params: { percent: 20, category: 'Kitchen' },
      target: { kind: 'category', category: 'Kitchen' },
      budgetCents: 5000,
      controlShare: 0.1,
      status: 'active',
      createdBy: 'alice',
      live: true,
      redemptions: 0,
      budgetRemainingCents: 5000,
    });
    const gift = p.create({ name: ' Mug day ', kind: 'gift', params: { giftSku: 'mug', percent: 50 }, target: { kind: 'all' }, ...window }, 'alice');
    expect(p.get(gift)).toMatchObject({ name: 'Mug day', params: { giftSku: 'MUG' } });
    expect(p.get(gift).params.percent).toBeUndefined();
    const audit = new AuditRepo(store.db).recent();
    expect(audit.map((a) => a.action)).toEqual(['promo.create', 'promo.create']);
    expect(audit[1]).toMatchObject({ actor: 'alice', detail: { id } });
  });

  it('a segment target without a kind takes the segment strategy', () => {
    const store = makeStore();
    const p = promotions(store);
    const id = p.create({ target: { kind: 'segment', segment: 'At risk' }, ...window }, 's');
    expect(p.get(id)).toMatchObject({ kind: 'percent_off', params: { percent: 20 } });
    p.setStrategy('At risk', 'spend_save', { thresholdCents: 4000, saveCents: 800 }, 'boss');
    const id2 = p.create({ target: { kind: 'segment', segment: 'at risk' }, ...window }, 's');
    expect(p.get(id2)).toMatchObject({ kind: 'spend_save', params: { thresholdCents: 4000, saveCents: 800 } });
  });
});

describe('Promotions list, end and redemptions', () => {
  it('lists newest first, live ones with activeOnly; end cuts the window and refuses twice', () => {
    const store = makeStore();
    const p = promotions(store);
    const a = p.create(valid, 's');
    const b = p.create({ ...valid, startsAt: '2024-12-01T00:00:00.000Z', endsAt: '2024-12-31T00:00:00.000Z' }, 's');
    expect(p.list().map((x) => x.id)).toEqual([b, a]);
    expect(p.list({ activeOnly: true }).map((x) => x.id)).toEqual([a]);
    expect(p.end(a, 'boss')).toMatchObject({ status: 'ended', endsAt: NOW, live: false });
    expect(() => p.end(a, 'boss')).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(() => p.end(12345, 'boss')).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(p.end(b, 'boss').endsAt).toBe('2024-12-01T00:00:00.000Z'); // not started: the window shrinks to nothing
    expect(p.list({ activeOnly: true })).toEqual([]);
  });

  it('records a redemption once per order and counts it against the budget', () => {
    const store = makeStore();
    const p = promotions(store);
    const id = p.create({ ...valid, budgetCents: 10000 }, 's');
    const order = store.orders.create({ orderNo: 'R1', customerId: store.ada, placedAt: NOW, lines: [{ productId: store.ids.pan, quantity: 1, unitPriceCents: 4000 }] });
    p.recordRedemption(id, order, store.ada, 800);
    expect(() => p.recordRedemption(id, order, store.ada, 800)).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(() => p.recordRedemption(999, order, store.ada, 800)).toThrow(expect.objectContaining({ code: 'not_found' }));
    expect(() => p.recordRedemption(id, order, store.ada, -5)).toThrow(expect.objectContaining({ code: 'invalid' }));
    expect(p.get(id)).toMatchObject({ redemptions: 1, redeemedCents: 800, budgetRemainingCents: 9200 });
    expect(p.report(id).promotion.redemptions).toBe(1);
  });
});

describe('segment strategies', () => {
  it('seeds a default per segment, keeps staff overrides, and falls back for unknown segments', () => {
    const store = makeStore();
    const p = promotions(store);
    p.setStrategy('Champions', 'percent_off', { percent: 5 }, 'boss');
    const seeded = p.ensureDefaultStrategies(['Bargain hunters']);
    const by = new Map(seeded.map((s) => [s.segment, s]));
    expect(by.get('Champions')).toMatchObject({ kind: 'percent_off', params: { percent: 5 }, source: 'boss' });
    expect(by.get('Loyal')).toMatchObject({ kind: 'gift', source: 'default' });
    expect(by.get('Loyal')?.params.giftSku).toBeTruthy();
    expect(by.get("Can't lose")?.kind).toBe('spend_save');
    expect(by.get('At risk')?.kind).toBe('percent_off');
    expect(by.get('Bargain hunters')?.kind).toBe(p.strategyFor('*').kind);
    expect(p.strategyFor('loyal').kind).toBe('gift');
    const sx = p.strategyFor("can't lose").params;
    expect(sx.saveCents).toBeLessThan(sx.thresholdCents ?? 0);
    invalidWith(() => p.setStrategy('Loyal', 'percent_off', { percent: 120 }, 'boss'), /percent/);
    invalidWith(() => p.setStrategy(' ', 'percent_off', { percent: 10 }, 'boss'), /segment/);
    expect(new AuditRepo(store.db).recent().filter((a) => a.action === 'promo.strategy')).toHaveLength(1);
  });
});
