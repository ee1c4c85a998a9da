import type { Db } from '../db';
import { systemClock, type Clock } from '../clock';
import { emptyHistory } from './dataset';
import { DEFAULT_DIVERSITY, diversify, type DiversityOptions } from './diversity';
import { bestAnchor, explainForCustomer } from './explain';
import { fitInWorker, type BackgroundFitter } from './fitInWorker';
import { fitModels, serve, type Fitted } from './fitModels';
import { MAX_EVENTS, normaliseMax } from './hybrid';
import { cosine, type ContentTfidf } from './models/contentTfidf';
import type { Setting } from './models/model';
import type { Sar } from './models/sar';
import { DEFAULT_PARAMS, HYBRID_PARTS, type PartName, type RecommendParams } from './params';
import { StoreReader, type LiveProduct, type StoreStamp } from './storeReader';
import { savedParams, tuneOnStore } from './tuneStore';
import { topK } from './topK';

export interface Recommendation {
  productId: number;
  score: number;
  /** "Because you bought Red enamel mug", "Popular in Kitchen this week", … */
  reason: string;
  /** The model that contributed most. */
  source: string;
}

export interface RecommendOptions {
  k?: number;
  category?: string;
  minPriceCents?: number;
  maxPriceCents?: number;
  inStockOnly?: boolean;
  /** Product ids to leave out (e.g. dismissed in this conversation). */
  exclude?: number[];
  /** Only products the customer has not bought before. */
  newOnly?: boolean;
}

export interface RecommenderOptions {
  clock?: Clock;
  params?: RecommendParams;
  diversity?: DiversityOptions;
  /** refreshIfStale refits after this many new orders… */
  minNewOrders?: number;
  /** …or when anything changed and the fit is older than this. */
  maxAgeMs?: number;
  /** Never refit more often than this (keeps chat turns flowing on a busy store). */
  minIntervalMs?: number;
  /** Dismissals older than this no longer hide a product. */
  dismissalDays?: number;
  /** How refreshInBackground() fits (default: a worker thread reading the store file). */
  fitter?: BackgroundFitter;
}

/** Candidates checked against the live catalogue (more when filters remove too many). */
const CANDIDATES = 40;

/**
 * The recommendations the bot serves: the tuned hybrid for a customer, "similar to this" and
 * "frequently bought together", filtered, diversified and explained. refresh() fits on this thread
 * (start-up, tests, tools); refreshInBackgroundIfStale() is cheap to call on a timer and refits in a
 * worker thread while the current models keep answering, then swaps them in one assignment.
 */
export class Recommender {
  private fitted?: Fitted;
  private readonly reader: StoreReader;
  private readonly clock: Clock;
  private params: RecommendParams;
  private readonly opts: Required<Omit<RecommenderOptions, 'clock' | 'params' | 'fitter'>>;
  private readonly fitter: BackgroundFitter;
  private refitting?: Promise<boolean>;

  constructor(
    private readonly db: Db,
    options: RecommenderOptions = {},
  ) {
    this.reader = new StoreReader(db);
    this.clock = options.clock ?? systemClock;
    this.params = options.params ?? savedParams(db) ?? DEFAULT_PARAMS;
    this.opts = {
      diversity: options.diversity ?? DEFAULT_DIVERSITY,
      minNewOrders: options.minNewOrders ?? 50,
      maxAgeMs: options.maxAgeMs ?? 15 * 60_000,
      minIntervalMs: options.minIntervalMs ?? 60_000,
      dismissalDays: options.dismissalDays ?? 30,
    };
    this.fitter = options.fitter ?? fitInWorker;
  }

  /** (Re)fits every model from the sales view, on this thread. */
  refresh(): void {
    const at = this.clock.now().getTime();
    this.fitted = serve(fitModels(this.db, this.params), this.params, at);
  }

  /**
   * Refits off the main thread (a worker opens the store file read-only) and swaps the served
   * models when the new ones are ready; until then the current ones answer. Resolves true once
   * swapped (false when refresh() or tune() replaced the models meanwhile); rejects when the fit
   * failed, keeping the current models. One refit at a time: a call during a refit gets that
   * refit's promise. An in-memory store has no file for a worker to open: it refits here.
   */
  refreshInBackground(): Promise<boolean> {
    if (this.refitting) return this.refitting;
    const file = this.db.memory ? '' : this.db.name;
    if (!file) {
      this.refresh();
      return Promise.resolve(true);
    }
    const params = this.params;
    const at = this.clock.now().getTime();
    const current = this.fitted;
    this.refitting = this.fitter(file, params)
      .then((m) => {
        if (this.fitted !== current) return false; // refresh() or tune() fitted newer data meanwhile
        this.fitted = serve(m, params, at);
        return true;
      })
      .finally(() => (this.refitting = undefined));
    return this.refitting;
  }

  /** refreshIfStale()'s check with the refit in the background; resolves true when it swapped models. */
  async refreshInBackgroundIfStale(): Promise<boolean> {
    if (this.refitting || (this.fitted && !this.isStale())) return false;
    return this.refreshInBackground();
  }

  /**
   * Re-tunes the parameters on this store's own sales (see tuneOnStore: slow, run it offline),
   * saves them in the store's meta table for the next start, and refits.
   */
  tune(log?: (msg: string) => void): RecommendParams {
    this.params = tuneOnStore(this.db, { save: true, log });
    this.refresh();
    return this.params;
  }

  /** Refits (on this thread) when enough new orders arrived, or anything changed and the fit is old; true if it did. */
  refreshIfStale(): boolean {
    if (this.fitted && !this.isStale()) return false;
    this.refresh();
    return true;
  }

  /** True when enough new orders arrived, the catalogue changed, or anything changed and the fit is old. */
  private isStale(): boolean {
    const f = this.fitted;
    if (!f) return true;
    const now = this.clock.now().getTime();
    if (now - f.at < this.opts.minIntervalMs) return false;
    const old = now - f.at >= this.opts.maxAgeMs;
    const s = this.reader.stamp(old); // cancellations are only looked for once the fit is old
    const changed = (Object.keys(s) as (keyof StoreStamp)[]).some((key) => s[key] !== f.stamp[key] && (key !== 'cancelled' || old));
    if (!changed) return false;
    const catalogueChanged = s.maxProductId !== f.stamp.maxProductId || s.products !== f.stamp.products;
    return catalogueChanged || s.maxOrderId - f.stamp.maxOrderId >= this.opts.minNewOrders || old;
  }

  /** When the models were fitted, how long it took and on how much. */
  get status(): { fittedAt: string | null; fitMs: number; customers: number; products: number; purchases: number } {
    const f = this.fitted;
    return {
      fittedAt: f ? new Date(f.at).toISOString() : null,
      fitMs: f ? Math.round(f.ms) : 0,
      customers: f?.ds.nUsers ?? 0,
      products: f?.catalog.size ?? 0,
      purchases: f?.ds.evItem.length ?? 0,
    };
  }

  /** Personalised top-k (popularity for unknown customers or customers without purchases). */
  forCustomer(customerId: number | null, opts: RecommendOptions = {}): Recommendation[] {
    const f = this.ensureFitted();
    const h = customerId === null ? emptyHistory : this.reader.history(customerId, f.catalog.index, MAX_EVENTS);
    const setting: Setting = opts.newOnly ? 'new' : 'all';
    const dismissed = customerId === null ? [] : this.reader.dismissed(customerId, this.dismissalCutoff());
    const self = customerId === null ? undefined : f.ds.userIndex.get(customerId);
    // "new": everything bought before, from the fitted data (all of it) and the live latest events
    const bought = setting === 'new' ? [...h.items, ...(self === undefined ? [] : f.ds.uItem.subarray(f.ds.uPtr[self], f.ds.uPtr[self + 1]))] : [];
    const skip = this.skipMask(f, [...(opts.exclude ?? []), ...dismissed], bought);
    const scores = new Float32Array(f.catalog.size);
    if (h.items.length === 0) {
      f.parts.popularity.score(h, scores);
      normaliseMax(scores, skip);
    } else f.hybrid.score(h, scores, self, { setting, skip });
    const picked = this.pick(f, scores, skip, opts);
    const partScores = h.items.length === 0 ? [] : f.hybrid.partScores();
    const weights = f.hybrid.weights[setting];
    return picked.map((item) => {
      let part: PartName = 'popularity';
      let best = 0;
      partScores.forEach((s, x) => {
        if (weights[x] * s[item] > best) [best, part] = [weights[x] * s[item], HYBRID_PARTS[x]];
      });
      return this.result(f, item, scores[item], explainForCustomer(f.explain, part, item, h), part);
    });
  }

  /** Products like this one: text similarity first, co-purchases second. */
  similarTo(productId: number, opts: RecommendOptions = {}): Recommendation[] {
    return this.itemBased([productId], opts, 'similar');
  }

  /** "Frequently bought together" for the products in a cart. */
  forCart(productIds: number[], opts: RecommendOptions = {}): Recommendation[] {
    return this.itemBased(productIds, opts, 'together');
  }

  private itemBased(productIds: number[], opts: RecommendOptions, mode: 'similar' | 'together'): Recommendation[] {
    const f = this.ensureFitted();
    const anchors = Int32Array.from(productIds.flatMap((id) => (f.catalog.index.has(id) ? [f.catalog.index.get(id)!] : [])));
    if (anchors.length === 0) return [];
    const skip = this.skipMask(f, [...(opts.exclude ?? []), ...productIds], []);
    const co = new Float32Array(f.catalog.size);
    const text = new Float32Array(f.catalog.size);
    (f.parts.sar as Sar).similar(anchors, co);
    (f.parts.content_tfidf as ContentTfidf).similar(anchors, text);
    normaliseMax(co, skip);
    normaliseMax(text, skip);
    const [wCo, wText] = mode === 'similar' ? [0.5, 1] : [1, 0.1];
    const scores = co.map((c, i) => wCo * c + wText * text[i]);
    return this.pick(f, scores, skip, opts).map((item) => {
      const byText = wText * text[item] > wCo * co[item];
      const a = bestAnchor(f.explain, anchors, item, byText) ?? { anchor: anchors[0], how: byText ? 'text' : 'bought' };
      const anchorName = f.catalog.name[a.anchor];
      const reason = a.how === 'text' ? `Similar to ${anchorName}` : mode === 'together' ? `Often bought with ${anchorName}` : `Customers who bought ${anchorName} also bought this`;
      return this.result(f, item, scores[item], reason, byText ? 'content_tfidf' : 'sar');
    });
  }

  /** Candidates best first, checked against live price, stock and category, then diversified. */
  private pick(f: Fitted, scores: Float32Array, skip: Uint8Array, opts: RecommendOptions): number[] {
    const k = opts.k ?? 10;
    this.prefilter(f, skip, opts);
    let ok: number[] = [];
    for (const n of [Math.max(CANDIDATES, 4 * k), 10 * CANDIDATES]) {
      const candidates = Array.from(topK(scores, n, skip));
      const live = this.reader.products(candidates.map((i) => f.catalog.productId[i]));
      ok = candidates.filter((i) => {
        const p = live.get(f.catalog.productId[i]);
        return p !== undefined && this.passes(p, opts);
      });
      if (ok.length >= 2 * k || candidates.length < n) break;
    }
    const vectors = f.explain.vectors;
    const sim = vectors ? (a: number, b: number) => cosine(vectors, a, b) : () => 0;
    return diversify(ok, k, sim, (i) => f.catalog.category[i], this.opts.diversity);
  }

  /** Filters on the fitted catalogue snapshot first (cheap); pick() re-checks the live rows. */
  private prefilter(f: Fitted, skip: Uint8Array, opts: RecommendOptions): void {
    const c = f.catalog;
    const category = opts.category?.toLowerCase();
    for (let i = 0; i < c.size; i++) {
      if (category && c.category[i].toLowerCase() !== category) skip[i] = 1;
      else if (opts.minPriceCents !== undefined && c.priceCents[i] < opts.minPriceCents) skip[i] = 1;
      else if (opts.maxPriceCents !== undefined && c.priceCents[i] > opts.maxPriceCents) skip[i] = 1;
    }
  }

  private passes(p: LiveProduct, opts: RecommendOptions): boolean {
    if (p.active !== 1) return false;
    if (opts.category && p.category.toLowerCase() !== opts.category.toLowerCase()) return false;
    if (opts.minPriceCents !== undefined && p.price_cents < opts.minPriceCents) return false;
    if (opts.maxPriceCents !== undefined && p.price_cents > opts.maxPriceCents) return false;
    return !(opts.inStockOnly && p.stock <= 0);
  }

  private skipMask(f: Fitted, productIds: number[], items: ArrayLike<number>): Uint8Array {
    const skip = new Uint8Array(f.catalog.size);
    for (let i = 0; i < f.catalog.size; i++) if (!f.catalog.active[i]) skip[i] = 1;
    for (const id of productIds) {
      const i = f.catalog.index.get(id);
      if (i !== undefined) skip[i] = 1;
    }
    for (let x = 0; x < items.length; x++) skip[items[x]] = 1;
    return skip;
  }

  private result(f: Fitted, item: number, score: number, reason: string, source: string): Recommendation {
    return { productId: f.catalog.productId[item], score: Number(score.toFixed(4)), reason, source };
  }

  private dismissalCutoff(): string {
    return new Date(this.clock.now().getTime() - this.opts.dismissalDays * 86_400_000).toISOString();
  }

  private ensureFitted(): Fitted {
    if (!this.fitted) this.refresh();
    return this.fitted!;
  }
}
