import type { Rng } from './random';
import { retailCents, type DemoProduct } from './catalogue';
import { DEMO_GROUND_TRUTH, type DemoGroundTruth } from './groundTruth';

export interface PriceChange {
  productIndex: number;
  day: number;
  oldCents: number;
  newCents: number;
}

export interface PriceHistory {
  /** List price (before promotions) of each product on each day of the history. */
  list: Int32Array[];
  changes: PriceChange[];
}

/**
 * List prices over the history: each base item (colour variants together) moves between a few levels
 * around its base price, changing on Mondays about every `meanWeeksBetweenPriceChanges` weeks
 * (bigger moves more likely than small ones),
 * at random and independently of the season, so demand identifies the elasticity.
 */
export function buildPriceHistory(rng: Rng, products: DemoProduct[], days: number, isMonday: (day: number) => boolean, truth: DemoGroundTruth = DEMO_GROUND_TRUTH): PriceHistory {
  const levels = truth.priceLevels;
  const levelPaths = new Map<number, Uint8Array>();
  const pChange = 1 / truth.meanWeeksBetweenPriceChanges;
  const neutral = Math.max(0, levels.indexOf(1));
  // a change is more often a big move than a small one (the distance in log price weighs the next level)
  const jumpWeights = levels.map((from) => levels.map((to) => Math.abs(Math.log(to / from))));
  for (const p of products) {
    if (levelPaths.has(p.group)) continue;
    const path = new Uint8Array(days);
    let level = rng.chance(0.4) ? neutral : rng.int(0, levels.length - 1);
    for (let d = 0; d < days; d++) {
      if (d > 0 && isMonday(d) && rng.chance(pChange)) level = rng.weightedIndex(jumpWeights[level]);
      path[d] = level;
    }
    levelPaths.set(p.group, path);
  }
  const centsByLevel = (p: DemoProduct) => levels.map((m) => (m === 1 ? p.basePriceCents : retailCents((p.basePriceCents * m) / 100)));
  const list: Int32Array[] = [];
  const changes: PriceChange[] = [];
  for (const p of products) {
    const path = levelPaths.get(p.group)!;
    const cents = centsByLevel(p);
    const series = new Int32Array(days);
    for (let d = 0; d < days; d++) series[d] = cents[path[d]];
    list.push(series);
    const from = Math.max(1, p.createdDay + 1);
    const to = Math.min(days - 1, p.lifecycle === 'discontinued' ? p.lastDay : days - 1);
    for (let d = from; d <= to; d++) {
      if (series[d] !== series[d - 1]) changes.push({ productIndex: p.index, day: d, oldCents: series[d - 1], newCents: series[d] });
    }
  }
  changes.sort((a, b) => a.day - b.day || a.productIndex - b.productIndex);
  return { list, changes };
}
