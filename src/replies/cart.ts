import { ActionTypes, MessageFactory, type Activity, type CardAction } from 'botbuilder';
import type { CartView } from '../engine/carts';
import { formatMoney } from '../engine/money';
import { shorten } from './products';

/** The cart as a message: lines, promotion, shipping, total; buttons to check out or remove a line. */
export function cartReply(cart: CartView, currency: string, heading?: string): Partial<Activity> {
  if (cart.lines.length === 0) {
    return MessageFactory.suggestedActions(['Find a product', 'Recommend something'], `${heading ? `${heading}\n\n` : ''}Your cart is empty.`);
  }
  const money = (c: number) => formatMoney(c, currency);
  const lines = cart.lines.map((l) => `- ${l.quantity} × ${l.product.name}: ${money(l.lineCents)}`);
  const totals = [
    `Subtotal: ${money(cart.subtotalCents)}`,
    ...(cart.discountCents > 0 ? [`${cart.description ?? 'Promotion'}: −${money(cart.discountCents)}`] : []),
    `Delivery: ${cart.shippingCents === 0 ? 'free' : money(cart.shippingCents)}`,
    `**Total: ${money(cart.totalCents)}**`,
  ];
  const text = [heading, `Your cart (${cart.items} item${cart.items === 1 ? '' : 's'}):`, ...lines, '', ...totals].filter((x) => x !== undefined).join('\n');
  const actions: CardAction[] = [
    { type: ActionTypes.MessageBack, title: 'Checkout', text: 'checkout', displayText: 'Checkout', value: { action: 'checkout' } },
    { type: ActionTypes.ImBack, title: 'Keep shopping', value: 'Recommend something' },
    ...cart.lines.slice(0, 3).map((l) => ({
      type: ActionTypes.MessageBack,
      title: `Remove ${shorten(l.product.name, 24)}`,
      text: `remove ${l.product.name}`,
      displayText: `Remove ${l.product.name}`,
      value: { action: 'remove_from_cart', productId: l.product.id },
    })),
  ];
  const reply = MessageFactory.text(text);
  reply.suggestedActions = { actions, to: [] };
  return reply;
}
