import type { Db } from '../db';
import type { Promotion, PromotionKind, PromotionParams, Target, TargetKind } from './types';

interface Row {
  id: number;
  name: string;
  kind: PromotionKind;
  params: string;
  target_kind: TargetKind;
  target_value: string;
  starts_at: string;
  ends_at: string;
  budget_cents: number | null;
  control_share: number;
  status: 'active' | 'ended';
  created_by: string;
  created_at: string;
}

interface StoredParams {
  percent?: number;
  threshold_cents?: number;
  save_cents?: number;
  gift_sku?: string;
  category?: string;
}

export function paramsToJson(p: PromotionParams): string {
  const stored: StoredParams = {
    percent: p.percent,
    threshold_cents: p.thresholdCents,
    save_cents: p.saveCents,
    gift_sku: p.giftSku,
    category: p.category,
  };
  return JSON.stringify(stored);
}

export function paramsFromJson(json: string): PromotionParams {
  const s = JSON.parse(json) as StoredParams;
  const p: PromotionParams = {};
  if (typeof s.percent === 'number') p.percent = s.percent;
  if (typeof s.threshold_cents === 'number') p.thresholdCents = s.threshold_cents;
  if (typeof s.save_cents === 'number') p.saveCents = s.save_cents;
  if (typeof s.gift_sku === 'string') p.giftSku = s.gift_sku;
  if (typeof s.category === 'string') p.category = s.category;
  return p;
}

function targetOf(kind: TargetKind, value: string): Target {
  switch (kind) {
    case 'segment':
      return { kind, segment: value };
    case 'category':
      return { kind, category: value };
    case 'customers':
      return { kind, customerIds: value ? (JSON.parse(value) as number[]) : [] };
    default:
      return { kind: 'all' };
  }
}

export function targetValue(t: Target): string {
  if (t.kind === 'segment') return t.segment;
  if (t.kind === 'category') return t.category;
  if (t.kind === 'customers') return JSON.stringify(t.customerIds);
  return '';
}

function toPromotion(r: Row): Promotion {
  const target = targetOf(r.target_kind, r.target_value);
  const params = paramsFromJson(r.params);
  if (target.kind === 'category') params.category = target.category;
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    params,
    target,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    budgetCents: r.budget_cents,
    controlShare: r.control_share,
    status: r.status,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

/**
 * SQL for promotions and redemptions, statements prepared once. Every product card asks which
 * promotions are live and what their budgets have spent, so both are kept in memory until they
 * change: a write through this repo, or a commit by another connection (PRAGMA data_version).
 */
export class PromotionRepo {
  private readonly dataVersionStmt;
  private readonly activeStmt;
  private checked = false;
  private cache?: { dataVersion: number; active?: Promotion[]; spent: Map<number, { redemptions: number; cents: number }> };
  private readonly insertStmt;
  private readonly byIdStmt;
  private readonly allStmt;
  private readonly endStmt;
  private readonly spentStmt;
  private readonly spentAllStmt;
  private readonly redeemStmt;

  constructor(private readonly db: Db) {
    this.dataVersionStmt = db.prepare('PRAGMA data_version').pluck();
    this.activeStmt = db.prepare("SELECT * FROM promotions WHERE status = 'active' ORDER BY id");
    this.insertStmt = db.prepare(`INSERT INTO promotions
      (name, kind, params, target_kind, target_value, starts_at, ends_at, budget_cents, control_share, status, created_by, created_at)
      VALUES (@name, @kind, @params, @targetKind, @targetValue, @startsAt, @endsAt, @budgetCents, @controlShare, 'active', @createdBy, @createdAt)`);
    this.byIdStmt = db.prepare('SELECT * FROM promotions WHERE id = ?');
    this.allStmt = db.prepare('SELECT * FROM promotions ORDER BY id DESC');
    this.endStmt = db.prepare("UPDATE promotions SET status = 'ended', ends_at = MAX(starts_at, MIN(ends_at, ?)) WHERE id = ?");
    this.spentStmt = db.prepare('SELECT COUNT(*) AS n, COALESCE(SUM(discount_cents), 0) AS cents FROM redemptions WHERE promotion_id = ?');
    this.spentAllStmt = db.prepare('SELECT promotion_id AS id, COUNT(*) AS n, SUM(discount_cents) AS cents FROM redemptions GROUP BY promotion_id');
    this.redeemStmt = db.prepare(`INSERT INTO redemptions (promotion_id, order_id, customer_id, discount_cents, created_at)
      VALUES (?, ?, ?, ?, ?)`);
  }

  insert(p: Omit<Promotion, 'id' | 'status'>): number {
    const params = { ...p.params };
    if (p.target.kind === 'category') delete params.category;
    const info = this.insertStmt.run({
      name: p.name,
      kind: p.kind,
      params: paramsToJson(params),
      targetKind: p.target.kind,
      targetValue: targetValue(p.target),
      startsAt: p.startsAt,
      endsAt: p.endsAt,
      budgetCents: p.budgetCents,
      controlShare: p.controlShare,
      createdBy: p.createdBy,
      createdAt: p.createdAt,
    });
    this.cache = undefined;
    return Number(info.lastInsertRowid);
  }

  byId(id: number): Promotion | undefined {
    const row = this.byIdStmt.get(id) as Row | undefined;
    return row && toPromotion(row);
  }

  /** Active promotions whose window contains `at`. */
  live(at: string): Promotion[] {
    const cache = this.fresh();
    cache.active ??= (this.activeStmt.all() as Row[]).map(toPromotion);
    return cache.active.filter((p) => p.startsAt <= at && p.endsAt > at);
  }


  all(): Promotion[] {
    return (this.allStmt.all() as Row[]).map(toPromotion);
  }

  /** Marks ended and cuts the window at `at` if it would run longer. */
  end(id: number, at: string): void {
    this.cache = undefined;
    this.endStmt.run(at, id);
  }

  spent(id: number): { redemptions: number; cents: number } {
    const cache = this.fresh();
    let spent = cache.spent.get(id);
    if (!spent) {
      const r = this.spentStmt.get(id) as { n: number; cents: number };
      cache.spent.set(id, (spent = { redemptions: r.n, cents: r.cents }));
    }
    return { ...spent };
  }

  spentByPromotion(): Map<number, { redemptions: number; cents: number }> {
    const rows = this.spentAllStmt.all() as { id: number; n: number; cents: number }[];
    return new Map(rows.map((r) => [r.id, { redemptions: r.n, cents: r.cents }]));
  }

  redeem(promotionId: number, orderId: number, customerId: number | null, cents: number, at: string): number {
    this.cache = undefined;
    return Number(this.redeemStmt.run(promotionId, orderId, customerId, cents, at).lastInsertRowid);
  }

  /**
   * The cache, emptied first if another connection has committed since it was filled (checked at
   * most once per synchronous stretch of work: a turn prices every card in one go). Inside a
   * transaction reads bypass it (a throwaway one), so nothing that may roll back is remembered.
   */
  private fresh() {
    if (this.db.inTransaction) return { dataVersion: -1, active: undefined as Promotion[] | undefined, spent: new Map<number, { redemptions: number; cents: number }>() };
    if (this.cache && this.checked) return this.cache;
    const dataVersion = this.dataVersionStmt.get() as number;
    if (this.cache?.dataVersion !== dataVersion) this.cache = { dataVersion, spent: new Map() };
    this.checked = true;
    queueMicrotask(() => (this.checked = false));
    return this.cache;
  }
}
