import type { Clock } from '../clock';
import type { Db } from '../db';
import { EngineError, invalid, notFound } from '../errors';
import { toProduct, type Product } from '../repos/products';
import { estimateElasticity, type Elasticity, type ElasticityData, type ElasticityEstimate, type RefusalCode } from './elasticity';
import { pricingConfig, type PricingConfig } from './pricingConfig';
import { recommendPrice, type PriceRecommendation } from './recommendPrice';
import { weeklyHistory, type WeeklyPoint } from './weeklyHistory';

export type RepriceOutcome =
  | ({ ok: true; sku: string; productId: number; name: string; pooled: boolean } & PriceRecommendation)
  | { ok: false; sku: string; productId: number; name: string; refused: string; code: RefusalCode; elasticity?: number; ci?: [number, number]; n: number };

export interface CategoryReprice {
  category: string;
  estimate: Elasticity;
  products: RepriceOutcome[];
}

export interface AppliedChange {
  changeId: number;
  sku: string;
  oldCents: number;
  newCents: number;
}

/** Refusals that more data from sibling products can cure (a positive slope cannot). */
const POOLABLE: RefusalCode[] = ['too_few_observations', 'too_few_prices', 'price_variation', 'too_uncertain', 'singular'];

/** Estimates elasticities from the store's weekly sales, recommends guarded prices, applies and undoes them with audit. */
export class Repricer {
  readonly config: PricingConfig;
  private readonly bySkuStmt;
  private readonly categoryStmt;
  private readonly changeStmt;
  private readonly priceStmt;
  private readonly setPriceStmt;
  private readonly insertChangeStmt;
  private readonly undoneStmt;
  private readonly auditStmt;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    config: Partial<PricingConfig> = {},
  ) {
    this.config = pricingConfig(config);
    this.bySkuStmt = db.prepare('SELECT * FROM products WHERE sku = ? COLLATE NOCASE');
    this.categoryStmt = db.prepare('SELECT * FROM products WHERE category = ? COLLATE NOCASE ORDER BY id');
    this.changeStmt = db.prepare('SELECT c.*, p.sku, p.price_cents FROM price_changes c JOIN products p ON p.id = c.product_id WHERE c.id = ?');
    this.priceStmt = db.prepare('SELECT price_cents FROM products WHERE id = ?');
    this.setPriceStmt = db.prepare('UPDATE products SET price_cents = ? WHERE id = ?');
    this.insertChangeStmt = db.prepare(
      'INSERT INTO price_changes (product_id, old_price_cents, new_price_cents, reason, changed_by, changed_at) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.undoneStmt = db.prepare('UPDATE price_changes SET undone_at = ? WHERE id = ?');
    this.auditStmt = db.prepare('INSERT INTO audit_log (at, actor, action, detail, result) VALUES (?, ?, ?, ?, ?)');
  }

  /** A SKU, else a category name, else not found. */
  resolve(target: string): { kind: 'sku'; product: Product } | { kind: 'category'; category: string; products: Product[] } {
    const row = this.bySkuStmt.get(target.trim());
    if (row) return { kind: 'sku', product: toProduct(row as Parameters<typeof toProduct>[0]) };
    const products = (this.categoryStmt.all(target.trim()) as Parameters<typeof toProduct>[0][]).map(toProduct);
    if (products.length) return { kind: 'category', category: products[0].category, products };
    throw notFound(`product or category "${target}"`);
  }

  /** One product: its own weekly history, pooled with its category (product fixed effects) when its own cannot identify e. */
  recommend(sku: string): RepriceOutcome {
    const target = this.resolve(sku);
    if (target.kind !== 'sku') throw invalid(`"${sku}" is a category; use recommendCategory`);
    const p = target.product;
    const own = this.estimate([p.id]);
    if (own.ok) return this.priced(p, own, false);
    if (POOLABLE.includes(own.code)) {
      const siblings = (this.categoryStmt.all(p.category) as { id: number }[]).map((r) => r.id);
      if (siblings.length > 1) {
        const pooled = this.estimate(siblings);
        if (pooled.ok) {
          const outcome = this.priced(p, pooled, true);
          if (outcome.ok) outcome.notes.unshift(`own history: ${own.reason}; elasticity pooled over ${pooled.groups} products in ${p.category} with product fixed effects`);
          return outcome;
        }
        return this.refused(p, own, `; pooled over ${p.category}: ${pooled.reason}`);
      }
    }
    return this.refused(p, own);
  }

  /** Every product of a category priced with one pooled elasticity (product fixed effects). */
  recommendCategory(category: string): CategoryReprice {
    const target = this.resolve(category);
    if (target.kind !== 'category') throw invalid(`"${category}" is a product; use recommend`);
    const estimate = this.estimate(target.products.map((p) => p.id));
    const products = target.products
      .filter((p) => p.active)
      .map((p) => (estimate.ok ? this.priced(p, estimate, true) : this.refused(p, estimate)));
    return { category: target.category, estimate, products };
  }

  /** Weekly history of these products -> elasticity (pooled with product and week effects when several). */
  estimate(productIds: number[]): Elasticity {
    const points = weeklyHistory(this.db, productIds, this.clock.now());
    const pooled = productIds.length > 1 ? poolable(points, this.config.maxPooledProducts) : points;
    return estimateElasticity(toData(pooled), this.config.elasticity);
  }

  /** Recomputes the recommendation and writes it: product price, price_changes row and audit row in one transaction. */
  apply(sku: string, actor: string): AppliedChange {
    const rec = this.recommend(sku);
    if (!rec.ok) throw invalid(`not repriced: ${rec.refused}`);
    if (rec.recommendedCents === rec.currentCents) throw invalid(`not repriced: the recommended price equals the current price (${rec.binding})`);
    return this.write(rec, actor);
  }

  /** Applies every product of a category whose recommendation differs from its price, in one transaction. */
  applyCategory(category: string, actor: string): AppliedChange[] {
    const result = this.recommendCategory(category);
    if (!result.estimate.ok) throw invalid(`not repriced: ${result.estimate.reason}`);
    const changes = result.products.filter((r): r is Extract<RepriceOutcome, { ok: true }> => r.ok && r.recommendedCents !== r.currentCents);
    return this.db.transaction(() => changes.map((r) => this.write(r, actor)))();
  }

  /** Restores the old price of a change if the product still has that change's new price. */
  undo(changeId: number, actor: string): AppliedChange {
    return this.db.transaction(() => {
      const row = this.changeStmt.get(changeId) as { product_id: number; old_price_cents: number; new_price_cents: number; undone_at: string | null; sku: string; price_cents: number } | undefined;
      if (!row) throw notFound(`price change ${changeId}`);
      if (row.undone_at) throw new EngineError('conflict', `price change ${changeId} was already undone at ${row.undone_at}`);
      if (row.price_cents !== row.new_price_cents) {
        throw new EngineError('conflict', `the price of ${row.sku} has changed since change ${changeId} (now ${row.price_cents} cents, not ${row.new_price_cents}); not undone`);
      }
      const at = this.clock.now().toISOString();
      this.setPriceStmt.run(row.old_price_cents, row.product_id);
      this.undoneStmt.run(at, changeId);
      this.audit(at, actor, 'price.undo', { change_id: changeId, sku: row.sku, from_cents: row.new_price_cents, to_cents: row.old_price_cents });
      return { changeId, sku: row.sku, oldCents: row.new_price_cents, newCents: row.old_price_cents };
    })();
  }

  private write(rec: Extract<RepriceOutcome, { ok: true }>, actor: string): AppliedChange {
    return this.db.transaction(() => {
      const now = this.priceStmt.get(rec.productId) as { price_cents: number };
      if (now.price_cents !== rec.currentCents) throw new EngineError('conflict', `the price of ${rec.sku} changed while repricing; try again`);
      const at = this.clock.now().toISOString();
      const reason = `elasticity ${rec.elasticity.toFixed(2)} [${rec.ci[0].toFixed(2)}, ${rec.ci[1].toFixed(2)}], binding ${rec.binding}${rec.costAssumed ? ', cost assumed' : ''}`;
      const changeId = Number(this.insertChangeStmt.run(rec.productId, rec.currentCents, rec.recommendedCents, reason, actor, at).lastInsertRowid);
      this.setPriceStmt.run(rec.recommendedCents, rec.productId);
      this.audit(at, actor, 'price.apply', {
        change_id: changeId, sku: rec.sku, from_cents: rec.currentCents, to_cents: rec.recommendedCents,
        elasticity: rec.elasticity, ci: rec.ci, binding_rule: rec.binding, cost_assumed: rec.costAssumed,
      });
      return { changeId, sku: rec.sku, oldCents: rec.currentCents, newCents: rec.recommendedCents };
    })();
  }

  private audit(at: string, actor: string, action: string, detail: Record<string, unknown>): void {
    this.auditStmt.run(at, actor, action, JSON.stringify(detail), 'ok');
  }

  private priced(p: Product, estimate: ElasticityEstimate, pooled: boolean): RepriceOutcome {
    const attr = (key: string) => (typeof p.attributes[key] === 'number' ? (p.attributes[key] as number) : undefined);
    const rec = recommendPrice(estimate, { currentCents: p.priceCents, costCents: p.costCents, ceilingCents: attr('ceiling_cents'), mapCents: attr('map_cents') }, this.config);
    return { ok: true, sku: p.sku, productId: p.id, name: p.name, pooled, ...rec };
  }

  private refused(p: Product, e: Extract<Elasticity, { ok: false }>, suffix = ''): RepriceOutcome {
    return { ok: false, sku: p.sku, productId: p.id, name: p.name, refused: e.reason + suffix, code: e.code, elasticity: e.elasticity, ci: e.ci, n: e.n };
  }
}

/**
 * The products of a pool that can say something about price: at least 8 weeks with sales and at least
 * two list prices; the `max` best sellers among them (each adds a fixed effect to the fit).
 */
export function poolable(points: WeeklyPoint[], max: number): WeeklyPoint[] {
  const byProduct = new Map<number, WeeklyPoint[]>();
  for (const p of points) byProduct.set(p.productId, [...(byProduct.get(p.productId) ?? []), p]);
  const units = (ps: WeeklyPoint[]) => ps.reduce((s, p) => s + p.units, 0);
  const keep = [...byProduct.values()]
    .filter((ps) => ps.filter((p) => p.units > 0).length >= 8 && new Set(ps.map((p) => Math.round(p.listPriceCents))).size >= 2)
    .sort((a, b) => units(b) - units(a))
    .slice(0, max);
  return keep.flat();
}

/**
 * Weekly points -> estimator input: units against the week's list price, promotion share as a control.
 * One product: a yearly trend and (with a year of data) two annual harmonics absorb growth and
 * seasons (smooth, so a month without sales cannot break the fit). Several products (pooled):
 * product fixed effects and week fixed effects, which absorb seasons, trend and the category-wide
 * promotions all at once.
 */
export function toData(points: WeeklyPoint[]): ElasticityData {
  const data = {
    price: points.map((p) => p.listPriceCents / 100),
    quantity: points.map((p) => p.units),
    promo: points.map((p) => p.promo),
    group: points.map((p) => p.productId),
  };
  if (new Set(data.group).size > 1) return { ...data, period: points.map((p) => p.week) };
  const YEAR = 365.25 * 86_400_000;
  const times = points.map((p) => Date.parse(p.week));
  const t0 = Math.min(...times);
  const trend = times.map((t) => (t - t0) / YEAR);
  if (points.length < 52) return { ...data, controls: [trend] };
  const phase = times.map((t) => (2 * Math.PI * (t - Date.UTC(new Date(t).getUTCFullYear(), 0, 1))) / YEAR);
  const harmonics = [1, 2].flatMap((h) => [phase.map((x) => Math.sin(h * x)), phase.map((x) => Math.cos(h * x))]);
  return { ...data, controls: [trend, ...harmonics] };
}
