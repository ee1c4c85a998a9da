import { buildDesign, dropAllZeroLevels } from './elasticityDesign';
import { ols } from './ols';
import { poissonRegression } from './poisson';

/** Price/quantity observations (e.g. one per product-week). Pure data: no database here. */
export interface ElasticityData {
  price: number[];
  quantity: number[];
  /** Promotion intensity per observation (0 = none, 1 = on promotion the whole period). */
  promo?: number[];
  /** Product per observation: pooled estimates get one fixed effect per product. */
  group?: (string | number)[];
  /** Further controls per observation (e.g. a trend), one array per control. */
  controls?: number[][];
  /**
   * Period per observation (e.g. the week) for period fixed effects, which absorb seasons, trend and
   * store-wide events; a promotion share that is the same for every product in a period is then
   * absorbed too and left out. Only useful when pooling several products.
   */
  period?: (string | number)[];
}

export interface ElasticityOptions {
  minObservations?: number;
  /** Distinct prices needed: 1 + the sum over products of (distinct prices - 1). */
  minDistinctPrices?: number;
  /** Minimum within-product standard deviation of log price (0.02 = about 2%). */
  minPriceVariation?: number;
  /** Widest acceptable confidence interval for the elasticity. */
  maxCiWidth?: number;
  level?: number;
  /**
   * 'ols': log-log least squares on observations with sales (large volumes, e.g. a market series).
   * 'poisson': the same log-log model fitted by Poisson pseudo-likelihood, keeping zero and small
   * counts (a shop's product-weeks: the log of a count of 0, 1 or 2 biases OLS towards zero).
   * 'auto' (default): poisson when any quantity is zero or the median is under 20, else ols.
   */
  method?: 'auto' | 'ols' | 'poisson';
}

export type RefusalCode = 'too_few_observations' | 'too_few_prices' | 'price_variation' | 'singular' | 'positive_slope' | 'too_uncertain';

export interface ElasticityEstimate {
  ok: true;
  method: 'ols' | 'poisson';
  elasticity: number;
  se: number;
  ci: [number, number];
  n: number;
  /** Observations dropped: non-positive price, or (OLS) non-positive quantity whose log is undefined. */
  dropped: number;
  distinctPrices: number;
  priceVariation: number;
  /** Log-point effect of being on promotion for the whole period, when promotions varied. */
  promoEffect?: number;
  groups: number;
  r2: number;
}

export interface ElasticityRefusal {
  ok: false;
  code: RefusalCode;
  reason: string;
  n: number;
  elasticity?: number;
  ci?: [number, number];
}

export type Elasticity = ElasticityEstimate | ElasticityRefusal;

export const ELASTICITY_DEFAULTS: Required<ElasticityOptions> = {
  minObservations: 12,
  minDistinctPrices: 3,
  minPriceVariation: 0.02,
  maxCiWidth: 2,
  level: 0.95,
  method: 'auto',
};

/**
 * Own-price elasticity from the log-log model ln E[q] = a + e ln p + b promo + product effects + controls,
 * by OLS on ln q or by Poisson pseudo-likelihood (see `method`), with a t-based confidence interval.
 * Refuses, with a reason, when the data cannot identify e: too few observations or distinct prices,
 * prices that barely move, a slope >= 0 (no downward-sloping demand in this history) or a CI wider
 * than `maxCiWidth`.
 */
export function estimateElasticity(data: ElasticityData, options: ElasticityOptions = {}): Elasticity {
  const o = { ...ELASTICITY_DEFAULTS, ...options };
  const method = o.method === 'auto' ? autoMethod(data.quantity) : o.method;
  const usable = (q: number) => Number.isFinite(q) && (method === 'poisson' ? q >= 0 : q > 0);
  const usableIdx = data.price.flatMap((p, i) => (p > 0 && Number.isFinite(p) && usable(data.quantity[i]) ? [i] : []));
  // Poisson: a product or period that never sells is fitted perfectly by its own effect (-inf): leave it out.
  const idx = method === 'poisson' ? dropAllZeroLevels(usableIdx, data) : usableIdx;
  const n = idx.length;
  const refuse = (code: RefusalCode, reason: string, extra: Partial<ElasticityRefusal> = {}): ElasticityRefusal => ({ ok: false, code, reason, n, ...extra });
  const withSales = idx.filter((i) => data.quantity[i] > 0).length;
  if (n < o.minObservations || withSales < Math.ceil(o.minObservations / 2)) {
    return refuse('too_few_observations', `too few observations (${n}, ${withSales} with sales; need ${o.minObservations})`);
  }

  const groups = idx.map((i) => String(data.group?.[i] ?? ''));
  const logP = idx.map((i) => Math.log(data.price[i]));
  const distinct = distinctPrices(idx.map((i) => data.price[i]), groups);
  if (distinct < o.minDistinctPrices) return refuse('too_few_prices', `too few distinct prices (${distinct}, need ${o.minDistinctPrices}): the price never moved enough to see demand respond`);
  const variation = withinSd(logP, groups);
  if (variation < o.minPriceVariation) return refuse('price_variation', `prices barely vary (sd of log price ${variation.toFixed(3)} < ${o.minPriceVariation})`);

  const design = buildDesign(idx, logP, groups, data);
  const q = idx.map((i) => data.quantity[i]);
  const fit = method === 'poisson' ? poissonRegression(design.design, q, o.level) : ols(design.design, q.map(Math.log), o.level);
  if (!fit) return refuse('singular', 'the model cannot be fitted: price moves together with the other regressors (promotions, products, seasons) or sales are too sparse');
  const e = fit.coef[1];
  const ci: [number, number] = [e - fit.tCrit * fit.se[1], e + fit.tCrit * fit.se[1]];
  if (e >= 0) return refuse('positive_slope', `positive slope (${e.toFixed(2)}): sales rose with price here, so this history shows no demand curve (prices likely follow demand or supply)`, { elasticity: e, ci });
  if (ci[1] - ci[0] > o.maxCiWidth) return refuse('too_uncertain', `too uncertain: 95% interval [${ci[0].toFixed(2)}, ${ci[1].toFixed(2)}] is wider than ${o.maxCiWidth}`, { elasticity: e, ci });
  return {
    ok: true,
    method,
    elasticity: e,
    se: fit.se[1],
    ci,
    n,
    dropped: data.price.length - n,
    distinctPrices: distinct,
    priceVariation: variation,
    ...(design.promoColumn !== undefined && { promoEffect: fit.coef[design.promoColumn] }),
    groups: new Set(groups).size,
    r2: 'r2' in fit ? fit.r2 : fit.pseudoR2,
  };
}

function autoMethod(quantity: number[]): 'ols' | 'poisson' {
  const valid = quantity.filter((q) => Number.isFinite(q) && q >= 0).sort((a, b) => a - b);
  if (valid.length === 0) return 'ols';
  return valid[0] === 0 || valid[Math.floor(valid.length / 2)] < 20 ? 'poisson' : 'ols';
}

function distinctPrices(prices: number[], groups: string[]): number {
  const byGroup = new Map<string, Set<number>>();
  prices.forEach((p, i) => {
    const set = byGroup.get(groups[i]) ?? new Set<number>();
    set.add(Math.round(p * 1e6) / 1e6);
    byGroup.set(groups[i], set);
  });
  return 1 + [...byGroup.values()].reduce((s, set) => s + set.size - 1, 0);
}

/** Standard deviation of x after removing each group's mean. */
function withinSd(x: number[], groups: string[]): number {
  const sums = new Map<string, { s: number; n: number }>();
  x.forEach((v, i) => {
    const g = sums.get(groups[i]) ?? { s: 0, n: 0 };
    g.s += v;
    g.n += 1;
    sums.set(groups[i], g);
  });
  const ss = x.reduce((acc, v, i) => {
    const g = sums.get(groups[i]) as { s: number; n: number };
    return acc + (v - g.s / g.n) ** 2;
  }, 0);
  return Math.sqrt(ss / x.length);
}
