import type { Db } from '../db';
import { paramsFromJson, paramsToJson } from './promotionRepo';
import type { PromotionKind, PromotionParams, Strategy } from './types';

/** Key for customers without a segment (anonymous, no purchases yet). */
export const NO_SEGMENT = '*';

interface Template {
  kind: PromotionKind;
  percent?: number;
  /** Threshold as a multiple of the store's average order value. */
  thresholdAov?: number;
  /** Saving as a share of the threshold. */
  saveShare?: number;
}

/**
 * Seed strategies by segment (names as the segmenter gives them): gifts reward the loyal without
 * cheapening the brand, spend-X-save-Y stretches high spenders' baskets, a straight discount wins
 * back the price-sensitive and lapsing, free delivery lowers the bar for the dormant and unknown.
 */
const TEMPLATES: Record<string, Template> = {
  Champions: { kind: 'gift', thresholdAov: 1.2 },
  Loyal: { kind: 'gift', thresholdAov: 1 },
  'Potential loyalists': { kind: 'spend_save', thresholdAov: 1.25, saveShare: 0.15 },
  New: { kind: 'percent_off', percent: 10 },
  Promising: { kind: 'percent_off', percent: 10 },
  'Need attention': { kind: 'spend_save', thresholdAov: 1, saveShare: 0.15 },
  'About to sleep': { kind: 'percent_off', percent: 15 },
  'At risk': { kind: 'percent_off', percent: 20 },
  "Can't lose": { kind: 'spend_save', thresholdAov: 1.5, saveShare: 0.2 },
  Hibernating: { kind: 'free_shipping' },
  [NO_SEGMENT]: { kind: 'free_shipping', thresholdAov: 0.75 },
};
const BY_LOWER = new Map(Object.entries(TEMPLATES).map(([k, t]) => [k.toLowerCase(), t]));

export const DEFAULT_STRATEGY_SEGMENTS = Object.keys(TEMPLATES);

const roundTo = (cents: number, step: number) => Math.max(step, Math.round(cents / step) * step);

/**
 * The seed strategy for a segment, made concrete for this store: thresholds scale with the average
 * order value (rounded to 5 currency units). A gift needs a gift product; without one, spend-save.
 */
export function defaultStrategy(segment: string, avgOrderCents: number, pickGift: (thresholdCents: number) => string | undefined): Strategy {
  const t = BY_LOWER.get(segment.trim().toLowerCase()) ?? TEMPLATES[NO_SEGMENT];
  const threshold = t.thresholdAov !== undefined ? roundTo(avgOrderCents * t.thresholdAov, 500) : undefined;
  const params: PromotionParams = {};
  let kind = t.kind;
  if (kind === 'percent_off') params.percent = t.percent;
  if (kind === 'gift') {
    const sku = pickGift(threshold ?? 0);
    if (sku) params.giftSku = sku;
    else kind = 'spend_save';
  }
  if (threshold !== undefined) params.thresholdCents = threshold;
  if (kind === 'spend_save') {
    params.thresholdCents = threshold ?? roundTo(avgOrderCents, 500);
    const save = params.thresholdCents * (t.saveShare ?? 0.15);
    params.saveCents = roundTo(save, save >= 2000 ? 500 : 100);
  }
  return { segment, kind, params, source: 'default' };
}

interface Row {
  segment: string;
  kind: PromotionKind;
  params: string;
  source: string;
}

/** The `promotion_strategies` table (migration 050). */
export class StrategyStore {
  private readonly getStmt;
  private readonly upsertStmt;
  private readonly insertIfMissingStmt;
  private readonly allStmt;

  constructor(db: Db) {
    this.getStmt = db.prepare('SELECT * FROM promotion_strategies WHERE segment = ?');
    this.upsertStmt = db.prepare(`INSERT INTO promotion_strategies (segment, kind, params, source, updated_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(segment) DO UPDATE SET kind = excluded.kind, params = excluded.params, source = excluded.source, updated_at = excluded.updated_at`);
    this.insertIfMissingStmt = db.prepare(`INSERT INTO promotion_strategies (segment, kind, params, source, updated_at) VALUES (?, ?, ?, ?, ?)
      ON CONFLICT(segment) DO NOTHING`);
    this.allStmt = db.prepare('SELECT * FROM promotion_strategies ORDER BY segment');
  }

  get(segment: string): Strategy | undefined {
    const r = this.getStmt.get(segment.trim()) as Row | undefined;
    return r && toStrategy(r);
  }

  set(s: Strategy, at: string): void {
    this.upsertStmt.run(s.segment.trim(), s.kind, paramsToJson(s.params), s.source, at);
  }

  /** Stores the strategy unless one (perhaps a staff override) is already there; true if stored. */
  seed(s: Strategy, at: string): boolean {
    return this.insertIfMissingStmt.run(s.segment, s.kind, paramsToJson(s.params), s.source, at).changes > 0;
  }

  all(): Strategy[] {
    return (this.allStmt.all() as Row[]).map(toStrategy);
  }
}

const toStrategy = (r: Row): Strategy => ({ segment: r.segment, kind: r.kind, params: paramsFromJson(r.params), source: r.source });
