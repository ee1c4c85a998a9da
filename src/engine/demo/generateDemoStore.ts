import type { Db } from '../db';
import { setMeta } from '../db';
import { EngineError } from '../errors';
import { systemClock, type Clock } from '../clock';
import { Rng } from './random';
import { loadDemoInputs, DEFAULT_DEMO_DATA_DIR, type DemoInputs } from './inputs';
import { buildCatalogue, type DemoProduct } from './catalogue';
import { buildCustomers, type DemoCustomer } from './customers';
import { demoCalendar, type DemoCalendar } from './calendar';
import { buildPriceHistory, type PriceHistory } from './prices';
import { buildPromotions, type PromotionCalendar } from './promotions';
import { planDemand, type DemandPlan } from './demand';
import { affinityMatrix } from './affinity';
import { generateOrders } from './orders';
import { ReviewWriter } from './reviews';
import { StoreWriter } from './storeWriter';

export interface DemoOptions {
  seed?: number;
  /** The instant the history ends (default: the clock's now). Orders fill the whole days before it. */
  end?: Date;
  clock?: Clock;
  onProgress?: (message: string) => void;
  /** Size knobs; the defaults make the store the issue asks for. Tests shrink them. */
  products?: number;
  customers?: number;
  days?: number;
  targetLines?: number;
  reviewRate?: number;
  dataDir?: string;
}

export interface DemoSummary {
  seed: number;
  start: string;
  end: string;
  days: number;
  categories: number;
  products: number;
  customers: number;
  orders: number;
  orderLines: number;
  units: number;
  revenueCents: number;
  priceChanges: number;
  promotions: number;
  activePromotions: number;
  redemptions: number;
  reviews: number;
  ms: number;
}

export const DEMO_DEFAULTS = Object.freeze({ seed: 42, products: 500, customers: 3000, days: 730, targetLines: 125_000, reviewRate: 0.04 });

function stockLevel(rng: Rng, p: DemoProduct, recentUnits: number): number {
  if (p.lifecycle === 'discontinued') return 0;
  if (p.lifecycle === 'new') return rng.int(20, 80);
  const r = rng.next();
  if (r < 0.06) return 0; // sold out
  const perDay = recentUnits / 28;
  if (perDay === 0) return rng.int(0, 15);
  const cover = r < 0.16 ? rng.uniform(1, 7) : rng.logNormal(Math.log(45), 0.5);
  return Math.max(1, Math.round(perDay * cover));
}

/** Everything the generator decides before writing a row: deterministic for (seed, end, sizes). Tests read the latent parts. */
export interface DemoWorld {
  seed: number;
  days: number;
  end: Date;
  reviewRate: number;
  inputs: DemoInputs;
  cal: DemoCalendar;
  categories: string[];
  products: DemoProduct[];
  customers: DemoCustomer[];
  prices: PriceHistory;
  promos: PromotionCalendar;
  demand: DemandPlan;
  affinity: Float32Array;
  streams: Record<'orders' | 'reviews' | 'stock', Rng>;
}

export function planDemoWorld(options: DemoOptions = {}): DemoWorld {
  const o = { ...DEMO_DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) } as typeof DEMO_DEFAULTS & DemoOptions;
  const end = options.end ?? (options.clock ?? systemClock).now();
  if (Number.isNaN(end.getTime())) throw new EngineError('invalid', 'demo end is not a valid date');
  if (!(o.days >= 28 && o.products >= 12 && o.customers >= 10)) throw new EngineError('invalid', 'the demo store needs at least 28 days, 12 products and 10 customers');
  const inputs = loadDemoInputs(o.dataDir ?? DEFAULT_DEMO_DATA_DIR);
  const root = new Rng(o.seed);
  const forks = ['catalogue', 'customers', 'prices', 'promotions', 'orders', 'reviews', 'stock'].map((label) => root.fork(label));
  const [catalogueRng, customersRng, pricesRng, promosRng, orders, reviews, stock] = forks;
  const cal = demoCalendar(end, o.days);
  const categories = inputs.catalogue.categories.map((c) => c.name);
  const products = buildCatalogue(catalogueRng, inputs.catalogue, o.products, o.days);
  const customers = buildCustomers(customersRng, inputs.people, o.customers, o.days, inputs.catalogue.styles.length + 1, categories);
  const prices = buildPriceHistory(pricesRng, products, o.days, cal.isMonday);
  const promos = buildPromotions(promosRng, cal, categories, products, customers);
  const demand = planDemand(products, categories, cal, prices, promos, o.targetLines);
  const affinity = affinityMatrix(customers, products, categories.length);
  return {
    seed: o.seed, days: o.days, end, reviewRate: o.reviewRate, inputs, cal, categories,
    products, customers, prices, promos, demand, affinity, streams: { orders, reviews, stock },
  };
}

function emptySummary(world: DemoWorld): DemoSummary {
  return {
    seed: world.seed,
    start: world.cal.start.toISOString(),
    end: world.end.toISOString(),
    days: world.days,
    categories: world.categories.length,
    products: world.products.length,
    customers: world.customers.length,
    orders: 0,
    orderLines: 0,
    units: 0,
    revenueCents: 0,
    priceChanges: world.prices.changes.length,
    promotions: world.promos.promotions.length,
    activePromotions: 0,
    redemptions: 0,
    reviews: 0,
    ms: 0,
  };
}

/** Generates and inserts the orders day by day; counts into the summary; returns units sold per product in the last 28 days. */
function writeOrders(world: DemoWorld, w: StoreWriter, reviews: ReviewWriter, summary: DemoSummary, say: (m: string) => void): Float64Array {
  const { cal, products, customers, days } = world;
  const recentUnits = new Float64Array(products.length);
  const reportEvery = Math.max(1, Math.floor(days / 4));
  const input = { rng: world.streams.orders, cal, products, customers, affinity: world.affinity, demand: world.demand, promos: world.promos };
  generateOrders(input, (orders, day) => {
    for (const order of orders) {
      summary.redemptions += w.orderWithLines(order);
      summary.orders++;
      summary.orderLines += order.lines.length;
      if (order.status === 'cancelled') continue;
      for (const l of order.lines) {
        if (l.cancelled) continue;
        summary.units += l.quantity;
        summary.revenueCents += l.quantity * l.unitPriceCents;
        if (day >= days - 28) recentUnits[l.productIndex] += l.quantity;
      }
      reviews.consider(order);
    }
    if ((day + 1) % reportEvery === 0) say(`orders: up to ${cal.dateOf(day).toISOString().slice(0, 10)}, ${summary.orders} so far`);
  });
  return recentUnits;
}

/**
 * Fills an EMPTY, migrated database with a deterministic demo shop: catalogue, customers with latent
 * taste, about two years of orders driven by the ground truth in groundTruth.ts, price changes,
 * promotions with redemptions, and reviews, in one transaction. Same (seed, end, sizes) -> same rows.
 */
export function buildDemoStore(db: Db, options: DemoOptions = {}): DemoSummary {
  const t0 = Date.now();
  const existing = (db.prepare('SELECT COUNT(*) AS n FROM products').get() as { n: number }).n;
  if (existing > 0) throw new EngineError('conflict', `the database already has ${existing} products; the demo store needs an empty one`);
  const say = options.onProgress ?? (() => {});
  const world = planDemoWorld(options);
  const { cal, products, prices, promos, days } = world;
  const summary = emptySummary(world);
  say(`catalogue: ${products.length} products in ${summary.categories} categories; ${summary.customers} customers; ${summary.priceChanges} price changes; ${summary.promotions} promotions`);
  const reviews = new ReviewWriter(world.streams.reviews, products, world.inputs.reviews, world.reviewRate, world.end.getTime());
  db.transaction(() => {
    const w = new StoreWriter(db, cal);
    w.customers(world.customers);
    const finalPrice = (p: DemoProduct) => prices.list[p.index][p.lifecycle === 'discontinued' ? p.lastDay : days - 1];
    w.products(products, finalPrice, (p) => (p.index * 7919) % 86_400);
    summary.activePromotions = w.promotions(promos.promotions, products);
    w.priceChanges(prices.changes);
    const recentUnits = writeOrders(world, w, reviews, summary, say);
    for (const p of products) w.stock(p.index, stockLevel(world.streams.stock, p, recentUnits[p.index]));
    const written = reviews.sorted();
    w.reviews(written);
    summary.reviews = written.length;
    setMeta(db, 'store_name', 'Shopmate Demo Store');
    setMeta(db, 'currency', 'GBP');
    setMeta(db, 'demo_seed', String(world.seed));
    setMeta(db, 'demo_start', cal.start.toISOString());
    setMeta(db, 'demo_end', world.end.toISOString());
  })();
  summary.ms = Date.now() - t0;
  say(`done: ${summary.orders} orders, ${summary.orderLines} lines, ${summary.reviews} reviews in ${(summary.ms / 1000).toFixed(1)} s`);
  return summary;
}
