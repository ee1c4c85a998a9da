import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isDay } from '../../../src/engine/forecast/dates';
import { lastSaleDay, manyProductSeries, productsSeries, storeSeries, topProducts, zeroFill } from '../../../src/engine/forecast/series';
import { storeWith } from './store';

describe('daily series', () => {
  it('does calendar arithmetic in UTC days', () => {
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(daysBetween('2024-12-30', '2025-01-02')).toBe(3);
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('yesterday')).toBe(false);
  });

  it('zero-fills from the first sale to the end day', () => {
    const s = zeroFill([{ day: '2024-01-03', units: 2 }, { day: '2024-01-06', units: 5 }], '2024-01-08');
    expect(s.start).toBe('2024-01-03');
    expect(s.values).toEqual([2, 0, 0, 5, 0, 0]);
    expect(zeroFill([], '2024-01-08').values).toEqual([]);
    expect(zeroFill([{ day: '2024-01-09', units: 1 }], '2024-01-08').values).toEqual([]);
  });

  it('keeps at most the given number of days', () => {
    const s = zeroFill([{ day: '2024-01-01', units: 1 }, { day: '2024-01-10', units: 4 }], '2024-01-10', 5);
    expect(s.start).toBe('2024-01-06');
    expect(s.values).toEqual([0, 0, 0, 0, 4]);
  });

  it('builds product, category and store series from the sales view', () => {
    const db = storeWith([
      { sku: 'A', category: 'Mugs', daily: [0, 3, 0, 1, 2] },
      { sku: 'B', category: 'Mugs', daily: [4, 0, 0, 0, 1] },
      { sku: 'C', category: 'Lamps', daily: [0, 0, 9] },
    ]);
    const end = lastSaleDay(db)!;
    expect(end).toBe('2024-01-05');
    const top = topProducts(db, 2);
    expect(top.map((t) => t.sku)).toEqual(['C', 'A']);
    const ids = top.map((t) => t.productId);
    const many = manyProductSeries(db, ids, end);
    expect(many.get(ids[0])!.values).toEqual([9, 0, 0]);
    expect(many.get(ids[1])!.values).toEqual([3, 0, 1, 2]);
    const a = many.get(ids[1])!;
    expect(productsSeries(db, [ids[1]], end)).toEqual(a);
    expect(storeSeries(db, end).values).toEqual([4, 3, 9, 1, 3]);
  });

  it('ignores cancelled orders', () => {
    const db = storeWith([{ sku: 'A', daily: [2, 2, 2] }]);
    db.prepare("UPDATE orders SET status = 'cancelled' WHERE order_no = 'O2'").run();
    expect(storeSeries(db, '2024-01-03').values).toEqual([2, 0, 2]);
  });
});
