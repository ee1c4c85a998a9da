import type { Rng } from './random';
import type { DemoProduct } from './catalogue';
import type { DemoCustomer } from './customers';
import type { DemoCalendar } from './calendar';

export type PromotionKind = 'percent_off' | 'spend_save' | 'gift' | 'free_shipping';

export interface DemoPromotion {
  index: number; // id - 1
  name: string;
  kind: PromotionKind;
  targetKind: 'all' | 'category' | 'customers';
  targetValue: string;
  startDay: number;
  endDay: number; // exclusive: the promotion ends at the start of this day
  createdDay: number;
  percent: number; // percent_off only
  thresholdCents: number;
  saveCents: number;
  giftProductIndex: number; // gift only, else -1
  categoryIndex: number; // category target, else -1
  customerIds: Set<number> | null; // customers target (ids), else null
  budgetCents: number | null;
}

export interface PromotionCalendar {
  promotions: DemoPromotion[];
  /** Per category, per day: fraction off list price from the best percent-off promotion (0 = none). */
  percentOff: Float32Array[];
  /** Per category, per day: index of that promotion, or -1. */
  percentPromo: Int16Array[];
  /** Per day: order-level promotions running (spend and save, free shipping, gift). */
  orderLevel: DemoPromotion[][];
}

type Draft = Omit<DemoPromotion, 'index' | 'createdDay' | 'percent' | 'thresholdCents' | 'saveCents' | 'giftProductIndex' | 'categoryIndex' | 'customerIds' | 'budgetCents'> & Partial<DemoPromotion>;

const pounds = (cents: number) => `£${(cents / 100).toFixed(cents % 100 ? 2 : 0)}`;

/** 4th Friday of November (Black Friday) of a year, as a day index. */
function blackFriday(cal: DemoCalendar, year: number): number {
  const nov1 = new Date(Date.UTC(year, 10, 1));
  const firstFriday = 1 + ((5 - nov1.getUTCDay() + 7) % 7);
  return cal.dayOf(new Date(Date.UTC(year, 10, firstFriday + 21)));
}

type Add = (d: Draft) => void;
const percentOff = (name: string, startDay: number, days: number, percent: number, category?: { name: string; index: number }): Draft => ({
  name, kind: 'percent_off', startDay, endDay: startDay + days, percent,
  targetKind: category ? 'category' : 'all', targetValue: category?.name ?? '', categoryIndex: category?.index ?? -1,
});
const spendSave = (startDay: number, days: number, threshold: number, save: number, budget: number): Draft => ({
  name: `Spend ${pounds(threshold)}, save ${pounds(save)}`, kind: 'spend_save', targetKind: 'all', targetValue: '',
  startDay, endDay: startDay + days, thresholdCents: threshold, saveCents: save, budgetCents: budget,
});

/** Past and current promotions: site-wide events, category sales, spend-and-save, free shipping, gifts, one targeted offer. */
export function buildPromotions(rng: Rng, cal: DemoCalendar, categories: string[], products: DemoProduct[], customers: DemoCustomer[]): PromotionCalendar {
  const D = cal.days;
  const drafts: Draft[] = [];
  const busy = categories.map(() => new Uint8Array(D + 60));
  const free = (c: number, s: number, e: number) => busy[c].subarray(Math.max(0, s), Math.max(0, e)).every((x) => x === 0);
  const occupy = (c: number, s: number, e: number) => busy[c].fill(1, Math.max(0, s), Math.max(0, e));
  const add: Add = (d) => {
    if (d.endDay > 0 && d.startDay < D) drafts.push(d);
  };
  for (let year = cal.start.getUTCFullYear(); year <= cal.end.getUTCFullYear(); year++) {
    const inPast = (day: number, days: number) => day + days > 0 && day < D - 21; // the last three weeks belong to the current offers
    const bf = blackFriday(cal, year);
    if (inPast(bf, 4)) add(percentOff(`Black Friday ${year}: 20% off everything`, bf, 4, 20));
    const jan = cal.dayOf(new Date(Date.UTC(year, 11, 27)));
    if (inPast(jan, 13)) add(percentOff(`January sale ${year + 1}: 15% off everything`, jan, 13, 15));
    const xmas = cal.dayOf(new Date(Date.UTC(year, 11, 1)));
    if (inPast(xmas, 14)) add({ name: `Free Christmas delivery ${year}`, kind: 'free_shipping', targetKind: 'all', targetValue: '', startDay: xmas, endDay: xmas + 14, thresholdCents: 0 });
  }
  for (const d of drafts) if (d.kind === 'percent_off') categories.forEach((_, c) => occupy(c, d.startDay - 3, d.endDay + 3));
  categories.forEach((name, index) => {
    const wanted = Math.max(1, Math.round(D / 120));
    for (let made = 0, tries = 0; made < wanted && tries < 200; tries++) {
      const length = rng.int(7, 14);
      const start = rng.int(0, Math.max(0, D - 28 - length));
      if (!free(index, start - 7, start + length + 7)) continue;
      const percent = rng.pick([10, 15, 20, 25, 30]);
      add(percentOff(`${name} sale: ${percent}% off`, start, length, percent, { name, index }));
      occupy(index, start, start + length);
      made++;
    }
  });
  const offers: [number, number][] = [[5000, 750], [6000, 1000], [7500, 1500]];
  for (let start = rng.int(20, 60); start < D - 40; start += rng.int(70, 110)) {
    const [threshold, save] = rng.pick(offers);
    add(spendSave(start, 10, threshold, save, 500_000));
  }
  addTargetedAndCurrent(rng, D, categories, products, customers, add, free);
  return calendarOf(drafts, categories.length, D, rng);
}

/** The cheapest established product of a category: what a gift-with-purchase gives away. */
function giftFor(products: DemoProduct[], c: number): number {
  const candidates = products.filter((p) => p.categoryIndex === c && p.lifecycle === 'established');
  candidates.sort((a, b) => a.basePriceCents - b.basePriceCents || a.index - b.index);
  return candidates.length ? candidates[0].index : -1;
}

function giftOffer(products: DemoProduct[], categories: string[], c: number, startDay: number, days: number, threshold: number): Draft | null {
  const gift = giftFor(products, c);
  if (gift < 0) return null;
  return {
    name: `Free ${products[gift].noun} with ${categories[c]} orders over ${pounds(threshold)}`, kind: 'gift',
    targetKind: 'category', targetValue: categories[c], categoryIndex: c,
    startDay, endDay: startDay + days, thresholdCents: threshold, giftProductIndex: gift,
  };
}

function addTargetedAndCurrent(rng: Rng, D: number, categories: string[], products: DemoProduct[], customers: DemoCustomer[], add: Add, free: (c: number, s: number, e: number) => boolean): void {
  const winback = Math.floor(D * 0.6);
  const occasional = customers.filter((c) => c.kind === 'occasional' && c.joinDay < winback).map((c) => c.index + 1);
  if (occasional.length) {
    add({
      ...spendSave(winback, 21, 2500, 500, 250_000),
      name: 'We miss you: £5 off orders over £25', targetKind: 'customers', targetValue: JSON.stringify(occasional), customerIds: new Set(occasional),
    });
  }
  const pastGift = giftOffer(products, categories, rng.int(0, categories.length - 1), Math.floor(D * 0.35), 14, 4000);
  if (pastGift) add(pastGift);
  // running now, so the bot has offers to show on a freshly built store
  const index = rng.int(0, categories.length - 1);
  const percent = rng.pick([15, 20, 25]);
  const saleStart = D - rng.int(2, 5);
  if (free(index, saleStart - 7, D)) add(percentOff(`${categories[index]} sale: ${percent}% off`, saleStart, 14, percent, { name: categories[index], index }));
  add(spendSave(D - 6, 14, 6000, 1000, 500_000));
  const gift = giftOffer(products, categories, Math.max(0, categories.indexOf('Beauty')), D - 10, 24, 3000);
  if (gift) add(gift);
}

function calendarOf(drafts: Draft[], categoryCount: number, D: number, rng: Rng): PromotionCalendar {
  drafts.sort((a, b) => a.startDay - b.startDay || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const promotions: DemoPromotion[] = drafts.map((d, index) => ({
    percent: 0,
    thresholdCents: 0,
    saveCents: 0,
    giftProductIndex: -1,
    categoryIndex: -1,
    customerIds: null,
    budgetCents: null,
    ...d,
    index,
    createdDay: d.startDay - rng.int(3, 14),
  }));
  const percentOff = Array.from({ length: categoryCount }, () => new Float32Array(D));
  const percentPromo = Array.from({ length: categoryCount }, () => new Int16Array(D).fill(-1));
  const orderLevel: DemoPromotion[][] = Array.from({ length: D }, () => []);
  for (const p of promotions) {
    for (let d = Math.max(0, p.startDay); d < Math.min(D, p.endDay); d++) {
      if (p.kind !== 'percent_off') {
        orderLevel[d].push(p);
        continue;
      }
      const cats = p.categoryIndex >= 0 ? [p.categoryIndex] : [...Array(categoryCount).keys()];
      for (const c of cats) {
        if (p.percent / 100 > percentOff[c][d]) {
          percentOff[c][d] = p.percent / 100;
          percentPromo[c][d] = p.index;
        }
      }
    }
  }
  return { promotions, percentOff, percentPromo, orderLevel };
}
