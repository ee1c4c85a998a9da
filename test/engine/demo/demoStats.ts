import type { Db } from '../../../src/engine/db';

/** Read-only statistics over a demo store, shared by the demo tests (and handy when tuning the generator). */

const DAY_MS = 86_400_000;
const dayOf = (iso: string, startMs: number) => Math.floor((Date.parse(iso) - startMs) / DAY_MS);

export function dailyOrderCounts(db: Db): Map<string, number> {
  const rows = db.prepare("SELECT substr(placed_at, 1, 10) AS day, COUNT(*) AS n FROM orders WHERE status <> 'cancelled' GROUP BY 1").all() as { day: string; n: number }[];
  return new Map(rows.map((r) => [r.day, r.n]));
}

interface Group {
  category: string;
  units: Float64Array;
  price: Float64Array;
  first: number;
  last: number;
}

/** Daily units and list price per variant group (colour variants share their price), from sales and price_changes. */
function groupSeries(db: Db, startMs: number, days: number, measure: 'units' | 'lines'): Map<string, Group> {
  const products = db.prepare("SELECT id, category, price_cents, json_extract(attributes, '$.group') AS grp FROM products").all() as { id: number; category: string; price_cents: number; grp: string }[];
  const changes = db.prepare('SELECT product_id, old_price_cents, new_price_cents, changed_at FROM price_changes ORDER BY changed_at, id').all() as { product_id: number; old_price_cents: number; new_price_cents: number; changed_at: string }[];
  const byProduct = new Map<number, typeof changes>();
  for (const c of changes) (byProduct.get(c.product_id) ?? byProduct.set(c.product_id, []).get(c.product_id)!).push(c);
  const groups = new Map<string, Group>();
  const groupOf = new Map<number, Group>();
  for (const p of products) {
    let g = groups.get(p.grp);
    if (!g) {
      const list = byProduct.get(p.id) ?? [];
      const price = new Float64Array(days).fill(list.length ? list[0].old_price_cents : p.price_cents);
      for (const c of list) price.fill(c.new_price_cents, Math.max(0, dayOf(c.changed_at, startMs)));
      g = { category: p.category, units: new Float64Array(days), price, first: days, last: -1 };
      groups.set(p.grp, g);
    }
    groupOf.set(p.id, g);
  }
  for (const s of db.prepare('SELECT product_id, placed_at, quantity FROM sales').iterate() as Iterable<{ product_id: number; placed_at: string; quantity: number }>) {
    const g = groupOf.get(s.product_id)!;
    const d = dayOf(s.placed_at, startMs);
    g.units[d] += measure === 'lines' ? 1 : s.quantity;
    g.first = Math.min(g.first, d);
    g.last = Math.max(g.last, d);
  }
  return groups;
}

function promotionDays(db: Db, category: string, startMs: number, days: number): Uint8Array {
  const promos = db.prepare("SELECT target_kind, target_value, starts_at, ends_at FROM promotions WHERE kind = 'percent_off'").all() as { target_kind: string; target_value: string; starts_at: string; ends_at: string }[];
  const flags = new Uint8Array(days);
  for (const pr of promos) {
    if (pr.target_kind === 'category' && pr.target_value !== category) continue;
    if (pr.target_kind !== 'category' && pr.target_kind !== 'all') continue;
    flags.fill(1, Math.max(0, dayOf(pr.starts_at, startMs)), Math.max(0, Math.min(days, dayOf(pr.ends_at, startMs))));
  }
  return flags;
}

/**
 * Time control for the regression: 'none' counts days; 'category' measures each group's exposure by
 * the rest of its category's units that day (absorbs season, trend and weekday from the data alone);
 * a function gives the expected demand multiplier of a category on a day (e.g. the ground truth).
 */
export type TimeControl = 'none' | 'category' | ((category: string, day: number) => number);

/**
 * Per-category log-log regression of units on list price, on days without a percent-off promotion
 * for the category, with a fixed effect per variant group. Days pool into cells (group, list price):
 * slope of log(units / exposure) on log(price) within groups, weighted by expected units in the cell.
 */
export function categoryElasticities(db: Db, startIso: string, days: number, control: TimeControl = 'category', measure: 'units' | 'lines' = 'units'): Map<string, { slope: number; cells: number }> {
  const startMs = Date.parse(startIso);
  const groups = [...groupSeries(db, startMs, days, measure).values()];
  const out = new Map<string, { slope: number; cells: number }>();
  for (const category of [...new Set(groups.map((g) => g.category))].sort()) {
    const promo = promotionDays(db, category, startMs, days);
    const members = groups.filter((g) => g.category === category);
    const total = new Float64Array(days);
    for (const g of members) for (let d = 0; d < days; d++) total[d] += g.units[d];
    let sxy = 0;
    let sxx = 0;
    let cells = 0;
    for (const g of members) {
      const byPrice = new Map<number, { units: number; exposure: number; days: number }>();
      for (let d = g.first; d <= g.last; d++) {
        if (promo[d]) continue;
        const cell = byPrice.get(g.price[d]) ?? byPrice.set(g.price[d], { units: 0, exposure: 0, days: 0 }).get(g.price[d])!;
        cell.units += g.units[d];
        cell.days += 1;
        cell.exposure += control === 'none' ? 1 : control === 'category' ? total[d] - g.units[d] : control(category, d);
      }
      const all = [...byPrice.values()];
      const meanRate = all.reduce((s, c) => s + c.units, 0) / all.reduce((s, c) => s + c.exposure, 0);
      // weight = expected units in the cell, the inverse variance of log(units) under Poisson noise
      const rows = [...byPrice.entries()].filter(([, c]) => c.days >= 14 && c.units > 0).map(([cents, c]) => ({ x: Math.log(cents), y: Math.log(c.units / c.exposure), w: c.exposure * meanRate }));
      if (rows.length < 2) continue;
      const W = rows.reduce((s, r) => s + r.w, 0);
      const mx = rows.reduce((s, r) => s + r.w * r.x, 0) / W;
      const my = rows.reduce((s, r) => s + r.w * r.y, 0) / W;
      for (const r of rows) {
        sxy += r.w * (r.x - mx) * (r.y - my);
        sxx += r.w * (r.x - mx) ** 2;
      }
      cells += rows.length;
    }
    out.set(category, { slope: sxx > 0 ? sxy / sxx : NaN, cells });
  }
  return out;
}
