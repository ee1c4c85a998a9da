import { ActionTypes, CardFactory, MessageFactory, type Activity, type Attachment, type CardAction } from 'botbuilder';
import { formatMoney } from '../engine/money';
import type { Product } from '../engine/repos/products';
import type { CardActionValue } from '../bot/actions';

export interface CardPrice {
  priceCents: number;
  promoPriceCents?: number;
  promoName?: string;
}

export interface CardProduct extends Product {
  rating?: number | null;
  reviews?: number;
}

export function button(title: string, value: CardActionValue): CardAction {
  return { type: ActionTypes.MessageBack, title, text: title.toLowerCase(), displayText: title, value };
}

export function priceText(price: CardPrice, currency: string): string {
  const base = formatMoney(price.priceCents, currency);
  if (price.promoPriceCents === undefined || price.promoPriceCents >= price.priceCents) return base;
  return `~~${base}~~ **${formatMoney(price.promoPriceCents, currency)}**${price.promoName ? ` (${price.promoName})` : ''}`;
}

export function stockText(stock: number): string {
  if (stock <= 0) return 'Out of stock';
  if (stock < 5) return `Only ${stock} left`;
  return 'In stock';
}

export function ratingText(p: CardProduct): string | undefined {
  if (!p.rating || !p.reviews) return undefined;
  return `★ ${p.rating.toFixed(1)} (${p.reviews} review${p.reviews === 1 ? '' : 's'})`;
}

/** A product as a hero card: name, price (and promotional price), stock, rating; Add to cart / Similar / Details. */
export function productCard(p: CardProduct, price: CardPrice, currency: string, reason?: string): Attachment {
  const facts = [priceText(price, currency), stockText(p.stock), ratingText(p)].filter(Boolean).join(' · ');
  const details = [p.brand, p.colour, p.size].filter(Boolean).join(' · ');
  const text = [reason && `_${reason}_`, details, shorten(p.description, 140)].filter(Boolean).join('\n\n');
  const buttons = [
    ...(p.stock > 0 ? [button('Add to cart', { action: 'add_to_cart', productId: p.id })] : []),
    button('Similar', { action: 'similar', productId: p.id }),
    button('Details', { action: 'details', productId: p.id }),
  ];
  return CardFactory.heroCard(p.name, text, undefined, buttons, { subtitle: facts });
}

/** Suggested actions that may mix plain replies (strings) and action buttons. */
export function suggestions(items: (string | CardAction)[]) {
  return { actions: items.map((s) => (typeof s === 'string' ? { type: ActionTypes.ImBack, title: s, value: s } : s)), to: [] };
}

export function productCarousel(text: string, cards: Attachment[], extra: (string | CardAction)[] = []): Partial<Activity> {
  const reply = MessageFactory.carousel(cards, text);
  if (extra.length) reply.suggestedActions = suggestions(extra);
  return reply;
}

export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 20))}…`;
}
