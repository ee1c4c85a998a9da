import type { Design, SparseRow } from './design';
import type { ElasticityData } from './elasticity';

/**
 * The regression design for the kept observations `idx`: intercept, ln p, promotion share (if it
 * varies and is not absorbed by period effects), controls (likewise), one dummy per product and per
 * period but the first. Sparse, so hundreds of fixed effects stay cheap.
 */
export function buildDesign(idx: number[], logP: number[], groups: string[], data: ElasticityData): { design: Design; promoColumn?: number } {
  const varies = (xs: number[]) => xs.some((x) => x !== xs[0]);
  const periods = data.period ? idx.map((i) => String(data.period?.[i])) : undefined;
  const promo = data.promo ? idx.map((i) => data.promo?.[i] ?? 0) : undefined;
  const usePromo = promo !== undefined && varies(promo) && !(periods && constantWithin(promo, periods));
  const controls = (data.controls ?? []).map((c) => idx.map((i) => c[i])).filter((c) => varies(c) && !(periods && constantWithin(c, periods)));
  const dense = 2 + (usePromo ? 1 : 0) + controls.length;
  const groupCol = levelColumns(groups, dense);
  const periodCol = periods ? levelColumns(periods, dense + groupCol.size) : new Map<string, number>();
  const rows = idx.map((_, r): SparseRow => {
    const cols = [0, 1];
    const vals = [1, logP[r]];
    if (usePromo && promo[r] !== 0) cols.push(2), vals.push(promo[r]);
    controls.forEach((c, k) => c[r] !== 0 && (cols.push(2 + (usePromo ? 1 : 0) + k), vals.push(c[r])));
    const g = groupCol.get(groups[r]);
    if (g !== undefined) cols.push(g), vals.push(1);
    const t = periods ? periodCol.get(periods[r]) : undefined;
    if (t !== undefined) cols.push(t), vals.push(1);
    return { cols, vals };
  });
  return { design: { p: dense + groupCol.size + periodCol.size, rows }, promoColumn: usePromo ? 2 : undefined };
}

/** Column per level, the first level (the baseline) left out. */
function levelColumns(keys: string[], first: number): Map<string, number> {
  const levels = [...new Set(keys)].slice(1);
  return new Map(levels.map((level, k) => [level, first + k]));
}

function constantWithin(values: number[], keys: string[]): boolean {
  const seen = new Map<string, number>();
  return values.every((v, i) => {
    const first = seen.get(keys[i]);
    if (first === undefined) seen.set(keys[i], v);
    return first === undefined || Math.abs(first - v) < 1e-12;
  });
}

/** Drops observations of products or periods whose total quantity is 0, until none is left. */
export function dropAllZeroLevels(idx: number[], data: ElasticityData): number[] {
  let kept = idx;
  for (;;) {
    const zero = (keyOf: ((i: number) => string) | undefined) => {
      if (!keyOf) return new Set<string>();
      const totals = new Map<string, number>();
      for (const i of kept) totals.set(keyOf(i), (totals.get(keyOf(i)) ?? 0) + data.quantity[i]);
      return new Set([...totals].filter(([, t]) => t === 0).map(([k]) => k));
    };
    const groupOf = data.group ? (i: number) => String(data.group?.[i]) : undefined;
    const periodOf = data.period ? (i: number) => String(data.period?.[i]) : undefined;
    const zg = zero(groupOf);
    const zp = zero(periodOf);
    if (zg.size === 0 && zp.size === 0) return kept;
    kept = kept.filter((i) => !(groupOf && zg.has(groupOf(i))) && !(periodOf && zp.has(periodOf(i))));
  }
}
