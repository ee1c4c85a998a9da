/**
 * The demo store's ground truth: the demand model the generator draws every order line from.
 * Later capabilities (pricing, forecast, promotions, segments) are tested against these numbers.
 *
 * Expected order lines of product p on day d:
 *   base_p × weekly(d) × yearly(category, d) × trend(d) × (price_pd / basePrice_p)^elasticity(category)
 *          × (promoLift if a percent-off promotion covers p on d) × lifecycle_p(d)
 * where price_pd is the price actually paid (list price after any percent-off promotion). The quantity
 * on a line does not depend on price, so units have the same elasticity as lines. Customers only decide
 * who buys a line (taste), never how many lines a product sells, so the elasticities hold exactly.
 */
export interface DemoGroundTruth {
  /** Own-price elasticity of demand per category (d log units / d log price). */
  elasticity: Record<string, number>;
  defaultElasticity: number;
  /** Day-of-week multipliers indexed by Date.getUTCDay() (0 = Sunday), mean 1. */
  weekly: readonly number[];
  /** Month multipliers (January first, mean 1), anchored mid-month and interpolated linearly by day. */
  yearly: { default: readonly number[]; byCategory: Record<string, readonly number[]> };
  /** Demand grows by this fraction per year (compounded daily). */
  trendPerYear: number;
  /** Extra demand multiplier of a percent-off promotion beyond its price effect (display, email). */
  promoLift: number;
  /** Order-level promotions (spend and save, free shipping, gift) change no product's demand. */
  orderPromoLift: number;
  /** Hour-of-day weights (UTC) for order times. */
  hourly: readonly number[];
  /** List-price multipliers a product moves between; changes happen on Mondays. */
  priceLevels: readonly number[];
  /** Mean weeks between two list-price changes of one product. */
  meanWeeksBetweenPriceChanges: number;
  /** Products in a consumable line are bought again: after a first purchase the buyer's weight for it is multiplied by this. */
  repeatBoost: number;
  /** Durable products are rarely bought twice: after a purchase the buyer's weight for it is multiplied by this. */
  durableRepeatFactor: number;
  /** Weight of the style match (taste · product vector) in a customer's choice utility. */
  tasteScale: number;
  /** Shares of customer kinds; heavy/regular/occasional differ in rate, lapsed stop buying, new join late. */
  customerKinds: Record<CustomerKind, { share: number; rate: number }>;
}

export type CustomerKind = 'loyal' | 'regular' | 'occasional' | 'lapsed' | 'new';

const normalise = (xs: number[]) => {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  return Object.freeze(xs.map((x) => x / mean));
};

export const DEMO_GROUND_TRUTH: DemoGroundTruth = Object.freeze({
  elasticity: Object.freeze({
    Kitchen: -1.8,
    'Home decor': -1.6,
    Bedding: -1.5,
    Bath: -1.4,
    Clothing: -2.0,
    Shoes: -2.2,
    Sports: -1.9,
    'Outdoor & garden': -1.7,
    Toys: -2.1,
    Electronics: -2.5,
    Beauty: -1.2,
    Stationery: -0.8, // inelastic on purpose: no profit-maximising price exists, pricing must cap or refuse
  }),
  defaultElasticity: -1.5,
  //                Sun   Mon   Tue   Wed   Thu   Fri   Sat
  weekly: normalise([1.3, 0.92, 0.88, 0.9, 0.93, 0.97, 1.2]),
  yearly: Object.freeze({
    //                   Jan   Feb   Mar   Apr   May   Jun   Jul   Aug   Sep   Oct   Nov   Dec
    default: normalise([0.85, 0.8, 0.88, 0.9, 0.92, 0.92, 0.92, 0.92, 0.95, 1.0, 1.3, 1.65]),
    byCategory: Object.freeze({
      'Outdoor & garden': normalise([0.5, 0.6, 0.95, 1.35, 1.65, 1.7, 1.5, 1.2, 0.9, 0.7, 0.65, 0.8]),
      Sports: normalise([1.35, 1.05, 0.95, 1.0, 1.1, 1.2, 1.2, 1.1, 1.0, 0.9, 0.95, 1.15]),
      Toys: normalise([0.7, 0.7, 0.75, 0.8, 0.8, 0.8, 0.8, 0.85, 0.9, 1.1, 1.65, 2.4]),
      Electronics: normalise([0.8, 0.75, 0.8, 0.8, 0.85, 0.85, 0.85, 0.9, 0.95, 1.0, 1.65, 1.95]),
      Bedding: normalise([1.25, 0.9, 0.9, 0.9, 0.85, 0.85, 0.85, 0.9, 1.0, 1.1, 1.2, 1.3]),
      Beauty: normalise([0.9, 1.15, 1.0, 0.95, 0.95, 0.95, 0.95, 0.95, 0.95, 1.0, 1.2, 1.6]),
      Clothing: normalise([1.0, 0.8, 0.9, 1.0, 1.05, 1.0, 0.95, 0.9, 1.05, 1.05, 1.15, 1.3]),
      Shoes: normalise([1.0, 0.8, 0.95, 1.05, 1.05, 1.0, 0.95, 0.95, 1.1, 1.0, 1.1, 1.2]),
    }),
  }),
  trendPerYear: 0.2,
  promoLift: 1.35,
  orderPromoLift: 1,
  //               0    1    2    3    4    5    6    7    8    9   10   11   12   13   14   15   16   17   18   19   20   21   22   23
  hourly: Object.freeze([0.6, 0.3, 0.2, 0.15, 0.15, 0.2, 0.5, 1.2, 2.0, 2.4, 2.6, 2.8, 3.2, 3.2, 2.8, 2.7, 2.8, 3.0, 3.4, 4.0, 4.4, 4.0, 2.8, 1.5]),
  priceLevels: Object.freeze([0.75, 0.8, 0.85, 0.9, 0.95, 1.0, 1.05, 1.1, 1.15, 1.2, 1.25]),
  meanWeeksBetweenPriceChanges: 3,
  repeatBoost: 6,
  durableRepeatFactor: 0.15,
  tasteScale: 1.4,
  customerKinds: Object.freeze({
    loyal: { share: 0.1, rate: 5 },
    regular: { share: 0.3, rate: 1.8 },
    occasional: { share: 0.35, rate: 0.5 },
    lapsed: { share: 0.15, rate: 1.8 },
    new: { share: 0.1, rate: 2.2 },
  }),
});

const DAY_MS = 86_400_000;

export function elasticityOf(category: string, truth: DemoGroundTruth = DEMO_GROUND_TRUTH): number {
  return truth.elasticity[category] ?? truth.defaultElasticity;
}

export function weeklyFactor(date: Date, truth: DemoGroundTruth = DEMO_GROUND_TRUTH): number {
  return truth.weekly[date.getUTCDay()];
}

/** Month profile of a category, interpolated linearly between mid-month anchors (wrapping December to January). */
export function yearlyFactor(category: string, date: Date, truth: DemoGroundTruth = DEMO_GROUND_TRUTH): number {
  const months = truth.yearly.byCategory[category] ?? truth.yearly.default;
  const year = date.getUTCFullYear();
  const yearStart = Date.UTC(year, 0, 1);
  const yearDays = (Date.UTC(year + 1, 0, 1) - yearStart) / DAY_MS;
  const position = (12 * (date.getTime() - yearStart)) / (yearDays * DAY_MS) - 0.5; // 0 = mid-January
  const lo = Math.floor(position);
  const frac = position - lo;
  const a = months[(lo + 12) % 12];
  const b = months[(lo + 13) % 12];
  return a + (b - a) * frac;
}

/** Growth since the first day of the history. */
export function trendFactor(date: Date, start: Date, truth: DemoGroundTruth = DEMO_GROUND_TRUTH): number {
  return Math.pow(1 + truth.trendPerYear, (date.getTime() - start.getTime()) / (365 * DAY_MS));
}
