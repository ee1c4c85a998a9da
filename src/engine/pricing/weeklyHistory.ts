import type { Db } from '../db';

const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;
/** 1970-01-05 was a Monday: weeks run Monday to Sunday (UTC), like the demo store's price changes. */
const MONDAY_EPOCH = 4 * DAY_MS;

/** One product-week: units sold against the week's list price and how much of it was on promotion. */
export interface WeeklyPoint {
  productId: number;
  /** Monday of the week, YYYY-MM-DD. */
  week: string;
  units: number;
  /** Mean list price over the week's days, in cents (before any promotion). */
  listPriceCents: number;
  /** Share of the week covered by a percent-off promotion on the product (0..1). */
  promo: number;
  /** Mean price after percent-off promotions over the week, in cents (= list price without promotions). */
  paidPriceCents: number;
}

interface SaleRow {
  product_id: number;
  category: string;
  placed_at: string;
  quantity: number;
  unit_price_cents: number;
}

interface ChangeRow {
  product_id: number;
  old_price_cents: number;
  new_price_cents: number;
  changed_at: string;
  undone_at: string | null;
}

interface PromoRow {
  params: string;
  target_kind: string;
  target_value: string;
  starts_at: string;
  ends_at: string;
}

export const weekIndex = (t: number) => Math.floor((t - MONDAY_EPOCH) / WEEK_MS);
const weekStart = (w: number) => new Date(MONDAY_EPOCH + w * WEEK_MS).toISOString().slice(0, 10);

/**
 * Weekly units per product with the week's list price, for elasticity estimation. Every complete
 * week from a product's first to its last sale is a point, weeks without sales included (0 units).
 * The list price comes from the price-change log when the product has one (daily list prices
 * averaged over the week); otherwise from the sales: the week's most common unit price, grossed up
 * for percent-off promotions (ties go to the higher price, so quantity-tier discounts on big orders
 * do not count as price moves), carried forward into weeks without sales. The week the data ends in
 * is left out when incomplete.
 */
export function weeklyHistory(db: Db, productIds: number[], until?: Date): WeeklyPoint[] {
  const ids = JSON.stringify(productIds);
  const end = (until ?? new Date(8.64e15)).toISOString();
  const sales = db
    .prepare(
      `SELECT s.product_id, p.category, s.placed_at, s.quantity, s.unit_price_cents
       FROM sales s JOIN products p ON p.id = s.product_id
       WHERE s.product_id IN (SELECT value FROM json_each(?)) AND s.placed_at < ?`,
    )
    .all(ids, end) as SaleRow[];
  const last = db.prepare('SELECT MAX(placed_at) AS last FROM sales WHERE placed_at < ?').get(end) as { last: string | null };
  if (!last.last) return [];
  // The last complete week ends on the Sunday the data reaches to (whole days assumed).
  const lastDay = Math.floor(Date.parse(last.last) / DAY_MS);
  const lastWeek = weekIndex((lastDay + 1) * DAY_MS) - 1;
  const changes = db
    .prepare(
      `SELECT product_id, old_price_cents, new_price_cents, changed_at, undone_at FROM price_changes
       WHERE product_id IN (SELECT value FROM json_each(?)) ORDER BY changed_at, id`,
    )
    .all(ids) as ChangeRow[];
  const promos = (
    db.prepare(`SELECT params, target_kind, target_value, starts_at, ends_at FROM promotions WHERE kind = 'percent_off' AND target_kind IN ('all', 'category')`).all() as PromoRow[]
  ).map((p) => ({
    category: p.target_kind === 'category' ? p.target_value.toLowerCase() : undefined,
    start: Date.parse(p.starts_at),
    end: Date.parse(p.ends_at),
    off: Math.min(1, Math.max(0, Number((JSON.parse(p.params) as { percent?: number }).percent ?? 0) / 100)),
  }));
  const changesBy = groupBy(changes, (c) => c.product_id);
  const points: WeeklyPoint[] = [];
  for (const [productId, rows] of groupBy(sales, (s) => s.product_id)) {
    const listAt = listPriceFromLog(changesBy.get(productId) ?? []);
    const category = rows[0].category.toLowerCase();
    const mine = promos.filter((p) => p.category === undefined || p.category === category);
    /** The deepest percent-off covering the product on the day (0 = none), or -1 when none does. */
    const offOn = (day: number) => mine.reduce((best, p) => (p.start < day + DAY_MS && p.end > day ? Math.max(best, p.off) : best), -1);
    const byWeek = groupBy(rows, (r) => weekIndex(Date.parse(r.placed_at)));
    const weeks = [...byWeek.keys()];
    let carried = NaN;
    for (let week = Math.min(...weeks); week <= Math.min(Math.max(...weeks), lastWeek); week++) {
      const lines = byWeek.get(week) ?? [];
      const days = Array.from({ length: 7 }, (_, i) => (week * 7 + i) * DAY_MS + MONDAY_EPOCH);
      const fromLines = lines.length ? listFromLines(lines, offOn) : NaN;
      if (fromLines > 0) carried = fromLines;
      const dailyList = days.map((d) => (listAt ? listAt(d) : carried));
      const offs = days.map(offOn);
      const list = mean(dailyList);
      if (!(list > 0)) continue;
      points.push({
        productId,
        week: weekStart(week),
        units: lines.reduce((s, l) => s + l.quantity, 0),
        listPriceCents: list,
        promo: offs.filter((o) => o >= 0).length / 7,
        paidPriceCents: mean(dailyList.map((l, i) => l * (1 - Math.max(0, offs[i])))),
      });
    }
  }
  return points.sort((a, b) => a.productId - b.productId || a.week.localeCompare(b.week));
}

/** The list price at any time from the change log (undone changes count until their undo), or undefined without a log. */
function listPriceFromLog(changes: ChangeRow[]): ((t: number) => number) | undefined {
  if (changes.length === 0) return undefined;
  const events = changes.flatMap((c) => [
    { at: Date.parse(c.changed_at), from: c.old_price_cents, to: c.new_price_cents },
    ...(c.undone_at ? [{ at: Date.parse(c.undone_at), from: c.new_price_cents, to: c.old_price_cents }] : []),
  ]);
  events.sort((a, b) => a.at - b.at);
  return (t) => {
    let price = events[0].from;
    for (const e of events) {
      if (e.at > t) break;
      price = e.to;
    }
    return price;
  };
}

/**
 * The week's most common unit price (ties: the higher), each line's price grossed up by the
 * percent-off promotion covering its day, if any. Most lines of a product are small orders at the list
 * price, so quantity-tier discounts on a few big orders do not move it.
 */
function listFromLines(lines: SaleRow[], offOn: (dayStart: number) => number): number {
  const prices = lines.map((l) => {
    const off = offOn(Math.floor(Date.parse(l.placed_at) / DAY_MS) * DAY_MS);
    return off > 0 ? Math.round(l.unit_price_cents / (1 - off)) : l.unit_price_cents;
  });
  return prices.length ? mode(prices) : NaN;
}

function mode(values: number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = values[0];
  for (const [v, c] of counts) {
    const bc = counts.get(best) as number;
    if (c > bc || (c === bc && v > best)) best = v;
  }
  return best;
}

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;

function groupBy<T, K>(items: T[], key: (t: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
