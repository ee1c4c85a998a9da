import type { OrderWithNames } from '../engine/customerOrders';
import { formatMoney } from '../engine/money';

const day = (iso: string | null) =>
  iso ? new Date(iso).toLocaleDateString('en-GB', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }) : '';

/** One order in words: number, status with dates, items, total. */
export function orderSummary(o: OrderWithNames, currency: string): string {
  const status: Record<string, string> = {
    placed: `placed on ${day(o.placedAt)} and being prepared${o.expectedDelivery ? `; expected by ${day(o.expectedDelivery)}` : ''}`,
    shipped: `shipped on ${day(o.shippedAt)}${o.expectedDelivery ? `; expected by ${day(o.expectedDelivery)}` : ''}`,
    delivered: `delivered on ${day(o.deliveredAt)}`,
    cancelled: 'cancelled',
    returned: 'returned',
  };
  const items = o.lineNames.slice(0, 5).join(', ') + (o.lineNames.length > 5 ? ` and ${o.lineNames.length - 5} more` : '');
  return `Order **${o.orderNo}** was ${status[o.status]}. Items: ${items}. Total ${formatMoney(o.totalCents, currency)}.`;
}
