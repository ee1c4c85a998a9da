import type { Db } from '../db';
import type { AuditRepo } from '../repos/audit';
import type { Catalog } from './catalog';
import { DEFAULT_STRATEGY_SEGMENTS, defaultStrategy, NO_SEGMENT, StrategyStore } from './strategies';
import type { PromotionKind, PromotionParams, Strategy } from './types';
import { validateKind, validateParams } from './validate';
import { invalid } from '../errors';

/** Segment strategies: stored overrides first, else the seed strategy made concrete for this store. */
export class StrategyBook {
  private readonly store: StrategyStore;

  constructor(
    private readonly db: Db,
    private readonly catalog: Catalog,
    private readonly audit: AuditRepo,
    private readonly avgOrderCents: () => number,
    private readonly assumedCostRatio: number,
  ) {
    this.store = new StrategyStore(db);
  }

  /** The stored strategy for the segment, or its seed default (not stored). */
  strategyFor(segment: string): Strategy {
    const name = segment.trim() || NO_SEGMENT;
    return this.store.get(name) ?? this.defaultFor(name);
  }

  /** Stores the seed strategy of every known segment (and these extra names) that has none yet. */
  ensureDefaults(extraSegments: string[], at: string): Strategy[] {
    const names = [...new Set([...DEFAULT_STRATEGY_SEGMENTS, ...extraSegments.map((s) => s.trim()).filter(Boolean)])];
    this.db.transaction(() => {
      for (const name of names) this.store.seed(this.defaultFor(name), at);
    })();
    return this.store.all();
  }

  /** A staff override for one segment, validated like a promotion's terms and audited. */
  set(segment: string, kind: PromotionKind, params: PromotionParams, actor: string, at: string): Strategy {
    const name = segment.trim();
    if (!name) throw invalid('a strategy needs the segment name');
    const k = validateKind(kind);
    const strategy: Strategy = { segment: name, kind: k, params: validateParams(k, params, this.catalog), source: actor };
    this.db.transaction(() => {
      this.store.set(strategy, at);
      this.audit.record(at, actor, 'promo.strategy', { segment: name, kind: k, params: strategy.params }, 'ok');
    })();
    return strategy;
  }

  private defaultFor(segment: string): Strategy {
    return defaultStrategy(segment, this.avgOrderCents(), (threshold) => this.catalog.pickGift(threshold, this.assumedCostRatio));
  }
}
