/**
 * Buttons on cards send a messageBack whose value names an action; these are the ones the bot
 * understands. Anything else in `value` is ignored.
 */
export type CardActionValue =
  | { action: 'add_to_cart'; productId: number; quantity?: number }
  | { action: 'remove_from_cart'; productId: number }
  | { action: 'details'; productId: number }
  | { action: 'similar'; productId: number }
  | { action: 'not_interested'; productId: number }
  | { action: 'checkout' }
  | { action: 'view_cart' }
  | { action: 'sign_in' }
  | { action: 'handoff' };

const WITH_PRODUCT = new Set(['add_to_cart', 'remove_from_cart', 'details', 'similar', 'not_interested']);
const WITHOUT = new Set(['checkout', 'view_cart', 'sign_in', 'handoff']);

export function readAction(value: unknown): CardActionValue | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  if (typeof v.action !== 'string') return undefined;
  if (WITHOUT.has(v.action)) return { action: v.action } as CardActionValue;
  if (!WITH_PRODUCT.has(v.action)) return undefined;
  const productId = Number(v.productId);
  if (!Number.isSafeInteger(productId) || productId <= 0) return undefined;
  const quantity = v.quantity === undefined ? undefined : Number(v.quantity);
  if (quantity !== undefined && (!Number.isInteger(quantity) || quantity < 1 || quantity > 999)) return undefined;
  return { action: v.action, productId, ...(quantity ? { quantity } : {}) } as CardActionValue;
}
