import type { Catalog } from './interactions';
import type { History } from './dataset';
import { cosine, type TfidfVectors } from './models/contentTfidf';
import type { Neighbours } from './models/neighbours';
import type { PartName } from './params';

/** What the explanations may look at: the catalogue, co-purchase neighbours and product text. */
export interface ExplainContext {
  catalog: Catalog;
  coPurchase: Neighbours;
  vectors?: TfidfVectors;
}

/** Similarity of i to j from i's co-purchase neighbour list (0 when j is not a neighbour). */
export function coPurchaseSim(nb: Neighbours, i: number, j: number): number {
  for (let p = nb.ptr[i]; p < nb.ptr[i + 1]; p++) if (nb.item[p] === j && i !== j) return nb.sim[p];
  return 0;
}

/**
 * The item among `anchors` most related to `item`: the first anchor in the item's own co-purchase
 * neighbour list (sorted best first), else the anchor with the most similar text.
 */
export function bestAnchor(ctx: ExplainContext, anchors: ArrayLike<number>, item: number, byText = false): { anchor: number; how: 'bought' | 'text' } | undefined {
  const nb = ctx.coPurchase;
  if (!byText && item < nb.ptr.length - 1) {
    const set = new Set(Array.from(anchors));
    for (let p = nb.ptr[item]; p < nb.ptr[item + 1]; p++) if (set.has(nb.item[p]) && nb.item[p] !== item) return { anchor: nb.item[p], how: 'bought' };
  }
  if (!ctx.vectors) return undefined;
  let best = -1;
  let bestSim = 0;
  for (let x = 0; x < anchors.length; x++) {
    if (anchors[x] === item) continue;
    const s = cosine(ctx.vectors, anchors[x], item);
    if (s > bestSim) [best, bestSim] = [anchors[x], s];
  }
  return best >= 0 ? { anchor: best, how: 'text' } : undefined;
}

const popular = (ctx: ExplainContext, item: number) =>
  ctx.catalog.category[item] ? `Popular in ${ctx.catalog.category[item]} this week` : 'Popular this week';

/** A short human reason for a personalised recommendation, from the part that contributed most. */
export function explainForCustomer(ctx: ExplainContext, part: PartName, item: number, h: History): string {
  const name = (i: number) => ctx.catalog.name[i];
  if (part === 'popularity' || h.items.length === 0) return popular(ctx, item);
  if (part === 'buy_again' || part === 'buy_again_count') {
    let times = 0;
    for (const i of h.items) if (i === item) times++;
    return times > 1 ? `Buy it again: you have ordered it ${times} times` : 'Buy it again: you ordered it before';
  }
  const distinct = Int32Array.from(new Set(h.items));
  const a = bestAnchor(ctx, distinct, item, part === 'content_tfidf');
  if (!a) return part === 'user_knn' ? 'Customers with baskets like yours bought this' : popular(ctx, item);
  return a.how === 'bought' ? `Because you bought ${name(a.anchor)}` : `Similar to ${name(a.anchor)} you bought`;
}
