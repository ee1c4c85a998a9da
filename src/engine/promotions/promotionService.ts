import type { Clock } from '../clock';
import type { Db } from '../db';
import { getMeta } from '../db';
import { EngineError, invalid, notFound } from '../errors';
import { AuditRepo } from '../repos/audit';
import { Catalog } from './catalog';
import { budgetRemaining, whyIneligible } from './eligibility';
import { applyPromotion, baseShipping, inScope, percentOffPrice, type Application, type PricingOptions } from './pricing';
import { PromotionRepo } from './promotionRepo';
import { EMPTY_PROFILE, expectedValue, type StoreStats } from './ranking';
import { StatsReader } from './storeStats';
import { NO_SEGMENT } from './strategies';
import { StrategyBook } from './strategyBook';
import { describeApplied, describeTerms, type TermsFormat } from './terms';
import { compareGroups } from './uplift';
import { draftPromotion } from './draft';
import { loadOutcomes } from './upliftData';
import type {
  CartInputLine,
  CartOutcome,
  NewPromotion,
  Offer,
  Promotion,
  PromotionKind,
  PromotionParams,
  PromotionSummary,
  Strategy,
  UpliftResult,
} from './types';
import type { Lookups } from './validate';

export interface PromotionsOptions {
  /** Promotions never take a price below cost × (1 + minMarginRate). Default 0.1. */
  minMarginRate?: number;
  /** Cost as a share of price when unknown. Default 0.6. */
  assumedCostRatio?: number;
  /** Standard delivery fee. Default 395 (£3.95). */
  shippingCents?: number;
  /** Store policy: delivery is free from this subtotal (e.g. 5000). Default: never without a promotion. */
  freeShippingFromCents?: number;
  /** The customer's segment name (e.g. from Segmenter.segmentOf(id)?.segment). */
  segmentOf?: (customerId: number) => string | undefined;
  /** Known segment names, to validate segment targets. */
  segmentNames?: () => string[];
  /** Offers of the kind the customer's segment strategy prefers get this multiplier. Default 1.25. */
  strategyBoost?: number;
  /** How long store-wide statistics are reused. Default 10 minutes. */
  statsTtlMs?: number;
  currency?: string;
  locale?: string;
}

interface Candidate {
  promotion: Promotion;
  spentCents: number;
}

/** Promotions: creation, per-customer offers, cart pricing, redemptions, uplift and segment strategies. */
export class Promotions {
  private readonly repo: PromotionRepo;
  private readonly catalog: Catalog;
  private readonly statsReader: StatsReader;
  private readonly audit: AuditRepo;
  private readonly pricing: PricingOptions;
  private readonly format: TermsFormat;
  private readonly book: StrategyBook;
  private cachedStats: { at: number; stats: StoreStats } | undefined;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly options: PromotionsOptions = {},
  ) {
    this.repo = new PromotionRepo(db);
    this.catalog = new Catalog(db);
    this.statsReader = new StatsReader(db);
    this.audit = new AuditRepo(db);
    this.pricing = {
      minMarginRate: options.minMarginRate ?? 0.1,
      assumedCostRatio: options.assumedCostRatio ?? 0.6,
      shippingCents: options.shippingCents ?? 395,
      freeShippingFromCents: options.freeShippingFromCents,
    };
    this.format = {
      currency: options.currency ?? getMeta(db, 'currency') ?? 'GBP',
      locale: options.locale ?? 'en-GB',
      giftName: (sku) => this.catalog.gift(sku)?.name,
    };
    this.book = new StrategyBook(db, this.catalog, this.audit, () => this.storeStats().avgOrderCents, this.pricing.assumedCostRatio);
  }

  /** Validates and stores a promotion; returns its id. A segment target without a kind uses the segment's strategy. */
  create(input: NewPromotion, actor: string): number {
    const lookups = { ...bind(this.catalog), segmentNames: this.options.segmentNames };
    const nowIso = this.clock.now().toISOString();
    const draft = draftPromotion(input, lookups, (s) => this.strategyFor(s), actor, nowIso);
    const name = input.name?.trim() || describeTerms({ ...draft, id: 0, name: '', status: 'active' }, this.format);
    return this.db.transaction(() => {
      const id = this.repo.insert({ ...draft, name });
      const { kind, params, target, startsAt, endsAt, budgetCents, controlShare } = draft;
      this.audit.record(nowIso, actor, 'promo.create', { id, name, kind, params, target, startsAt, endsAt, budgetCents, controlShare }, 'ok');
      return id;
    })();
  }

  get(id: number): PromotionSummary {
    const p = this.repo.byId(id);
    if (!p) throw notFound(`promotion ${id}`);
    return this.summarise(p, this.repo.spent(id));
  }

  /** Newest first; `activeOnly`: live now (active, in its window, budget left). */
  list(options: { activeOnly?: boolean } = {}): PromotionSummary[] {
    const spent = this.repo.spentByPromotion();
    const all = this.repo.all().map((p) => this.summarise(p, spent.get(p.id) ?? { redemptions: 0, cents: 0 }));
    return options.activeOnly ? all.filter((p) => p.live) : all;
  }

  /** Ends a promotion now (its window is cut to now for the uplift report). */
  end(id: number, actor: string): PromotionSummary {
    const p = this.get(id);
    if (p.status === 'ended') throw new EngineError('conflict', `promotion ${id} has already ended`);
    const nowIso = this.clock.now().toISOString();
    this.db.transaction(() => {
      this.repo.end(id, nowIso);
      this.audit.record(nowIso, actor, 'promo.end', { id, name: p.name }, 'ok');
    })();
    return this.get(id);
  }

  /**
   * The offers this customer may see now, best expected value first. Control-group members do not
   * see the promotion. `customerId` null (anonymous): only 'all' and 'category' promotions, no
   * control assignment, ranked with the store's average customer. Of several offers of the same
   * kind on the same scope (e.g. two free-delivery offers) only the best is listed.
   */
  offersFor(customerId: number | null, options: { now?: Date } = {}): Offer[] {
    const now = (options.now ?? this.clock.now()).toISOString();
    const store = this.storeStats();
    const profile = customerId === null ? EMPTY_PROFILE : this.statsReader.customer(customerId);
    const preferred = this.strategyFor(this.segmentOf(customerId) ?? NO_SEGMENT).kind;
    const offers: Offer[] = [];
    for (const { promotion: p } of this.eligible(customerId, now)) {
      const ev = expectedValue(p, profile, store, this.pricing, this.catalog.gift(p.params.giftSku));
      if (ev === null) continue;
      const boost = p.kind === preferred ? (this.options.strategyBoost ?? 1.25) : 1;
      offers.push({
        promotionId: p.id,
        name: p.name,
        kind: p.kind,
        terms: describeTerms(p, this.format),
        expectedValueCents: Math.round(ev * boost),
        category: p.params.category,
        endsAt: p.endsAt,
      });
    }
    offers.sort((a, b) => b.expectedValueCents - a.expectedValueCents || a.promotionId - b.promotionId);
    const seen = new Set<string>();
    return offers.filter((o) => {
      const key = `${o.kind}|${(o.category ?? '').toLowerCase()}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
  }

  /** A product card's price: the lowest percent-off price this customer is offered, above the margin floor. */
  priceFor(productId: number, customerId: number | null): { priceCents: number; promoPriceCents?: number; promotionId?: number } {
    const product = this.catalog.product(productId);
    if (!product) throw notFound(`product ${productId}`);
    let best: { promoPriceCents: number; promotionId: number } | undefined;
    for (const { promotion: p } of this.eligible(customerId, this.clock.now().toISOString())) {
      if (p.kind !== 'percent_off' || !inScope(p, product.category)) continue;
      const price = percentOffPrice(product.price_cents, product.cost_cents, p.params.percent ?? 0, this.pricing);
      if (price < (best?.promoPriceCents ?? product.price_cents)) best = { promoPriceCents: price, promotionId: p.id };
    }
    return { priceCents: product.price_cents, ...best };
  }

  /** Prices a cart with the eligible promotion that saves the customer most (one per order). */
  applyToCart(lines: CartInputLine[], customerId: number | null): CartOutcome {
    const priced = this.catalog.pricedLines(lines);
    const subtotalCents = priced.reduce((s, l) => s + l.quantity * l.unitPriceCents, 0);
    const shippingCents = baseShipping(subtotalCents, this.pricing);
    let best: { p: Promotion; a: Application } | undefined;
    for (const { promotion: p, spentCents } of this.eligible(customerId, this.clock.now().toISOString())) {
      const a = applyPromotion(p, priced, budgetRemaining(p, spentCents), this.pricing, this.catalog.gift(p.params.giftSku));
      if (a && (!best || better(a, best.a))) best = { p, a };
    }
    if (!best) return { subtotalCents, discountCents: 0, shippingCents, redemptionCents: 0, description: '' };
    const { p, a } = best;
    return {
      subtotalCents,
      discountCents: a.discountCents,
      shippingCents: a.shippingCents,
      promotionId: p.id,
      redemptionCents: a.redemptionCents,
      description: describeApplied(p.name, a, this.format),
      ...(a.gift ? { gift: { productId: a.gift.productId, sku: a.gift.sku, name: a.gift.name } } : {}),
    };
  }

  /** `CartPricer` for the lead's Carts: the same as applyToCart. */
  priceCart(lines: CartInputLine[], customerId: number | null): CartOutcome {
    return this.applyToCart(lines, customerId);
  }

  /**
   * Records that an order used a promotion; call inside the checkout transaction. `discountCents` is
   * what it cost the store (CartOutcome.redemptionCents: discount, waived delivery or the gift's cost).
   */
  recordRedemption(promotionId: number, orderId: number, customerId: number | null, discountCents: number): number {
    if (!Number.isInteger(discountCents) || discountCents < 0) throw invalid('a redemption costs a whole number of cents, 0 or more');
    if (!this.repo.byId(promotionId)) throw notFound(`promotion ${promotionId}`);
    try {
      return this.repo.redeem(promotionId, orderId, customerId, discountCents, this.clock.now().toISOString());
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'SQLITE_CONSTRAINT_UNIQUE') throw new EngineError('conflict', `order ${orderId} already redeemed promotion ${promotionId}`, { cause: e });
      if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw notFound(`order ${orderId} or customer ${customerId}`);
      throw e;
    }
  }

  /** Treated vs control over the promotion's window so far (to its end, or now if earlier). */
  uplift(promotionId: number): UpliftResult {
    const p = this.get(promotionId);
    const nowIso = this.clock.now().toISOString();
    const to = p.endsAt < nowIso ? p.endsAt : nowIso;
    const { treated, control } = loadOutcomes(this.db, p, to, this.options.segmentOf);
    return { promotionId, window: { from: p.startsAt, to }, ...compareGroups(treated, control) };
  }

  /** What `/promo report` shows: the promotion, its redemptions and budget, and the uplift. */
  report(promotionId: number): { promotion: PromotionSummary; uplift: UpliftResult } {
    return { promotion: this.get(promotionId), uplift: this.uplift(promotionId) };
  }

  ensureDefaultStrategies(segments: string[] = []): Strategy[] {
    return this.book.ensureDefaults(segments, this.clock.now().toISOString());
  }

  strategyFor(segment: string): Strategy {
    return this.book.strategyFor(segment);
  }

  setStrategy(segment: string, kind: PromotionKind, params: PromotionParams, actor: string): Strategy {
    return this.book.set(segment, kind, params, actor, this.clock.now().toISOString());
  }

  /** Forgets cached store statistics (after an import or a big batch of orders). */
  refresh(): void {
    this.cachedStats = undefined;
  }

  private segmentOf(customerId: number | null): string | undefined {
    return customerId === null ? undefined : this.options.segmentOf?.(customerId);
  }

  /** Live promotions this customer can be shown now (not in their control group, budget left). */
  private eligible(customerId: number | null, now: string): Candidate[] {
    const segment = this.segmentOf(customerId);
    const out: Candidate[] = [];
    for (const p of this.repo.live(now)) {
      const spentCents = p.budgetCents === null ? 0 : this.repo.spent(p.id).cents;
      if (whyIneligible(p, { customerId, segment, now, spentCents }) === null) out.push({ promotion: p, spentCents });
    }
    return out;
  }

  private storeStats(): StoreStats {
    const now = this.clock.now().getTime();
    const ttl = this.options.statsTtlMs ?? 10 * 60_000;
    if (!this.cachedStats || Math.abs(now - this.cachedStats.at) > ttl) {
      const stats = this.statsReader.store(this.pricing.assumedCostRatio);
      if (!(stats.avgOrderCents > 0)) stats.avgOrderCents = 5000;
      this.cachedStats = { at: now, stats };
    }
    return this.cachedStats.stats;
  }

  private summarise(p: Promotion, spent: { redemptions: number; cents: number }): PromotionSummary {
    const now = this.clock.now().toISOString();
    const remaining = p.budgetCents === null ? null : Math.max(0, p.budgetCents - spent.cents);
    const live = p.status === 'active' && p.startsAt <= now && now < p.endsAt && remaining !== 0;
    return { ...p, redemptions: spent.redemptions, redeemedCents: spent.cents, budgetRemainingCents: remaining, live };
  }
}

/** More saving for the customer wins; on a tie, the cheaper one for the store. */
function better(a: Application, b: Application): boolean {
  return a.customerValueCents > b.customerValueCents || (a.customerValueCents === b.customerValueCents && a.redemptionCents < b.redemptionCents);
}

function bind(c: Catalog): Lookups {
  return { productSku: (s) => c.productSku(s), category: (n) => c.category(n), missingCustomers: (ids) => c.missingCustomers(ids) };
}
