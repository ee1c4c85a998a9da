import type { Engine } from '../engine';
import type { ShopEntities } from './entities';
import type { ShopSession } from './session';

/**
 * Which product the customer means: one named in the message (SKU or name), "the second one"
 * from the last list, the product we were just talking about, or the only one shown.
 */
export function resolveProduct(engine: Engine, session: ShopSession, e: ShopEntities): number | undefined {
  const named = e.products?.[0];
  if (named) {
    const product = engine.products.bySku(named.sku);
    if (product) return product.id;
  }
  if (e.ordinal !== undefined && session.shown?.length) return session.shown[e.ordinal - 1];
  if (session.focus !== undefined) return session.focus;
  if (session.shown?.length === 1) return session.shown[0];
  return undefined;
}

/** Several products: all named ones, else the first `n` shown. */
export function resolveProducts(engine: Engine, session: ShopSession, e: ShopEntities, n = 3): number[] {
  const named = (e.products ?? []).map((p) => engine.products.bySku(p.sku)?.id).filter((id): id is number => id !== undefined);
  if (named.length >= 2) return [...new Set(named)].slice(0, n);
  return (session.shown ?? []).slice(0, n);
}
