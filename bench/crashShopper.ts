import { sendTurn, type Target } from './load';

/** What the bot confirmed to shoppers: order numbers, conversations whose feedback it thanked for. */
export interface Confirmed {
  orders: string[];
  feedback: string[];
  unexpected: string[];
}

const text = (replies: { activity: Record<string, any> }[]) => replies.map((r) => String(r.activity.text ?? '')).join('\n');

/**
 * One shopper, one new conversation and a new account: add a product from its card, check out,
 * sign in with email and code, confirm, then leave feedback. Stops quietly when the server goes
 * away (`killed`); a reply that is not what the flow expects is recorded as unexpected.
 */
export async function confirmedShopping(target: Target, id: string, productId: number, confirmed: Confirmed, killed: () => boolean): Promise<void> {
  const userId = `${id}-user`;
  const steps: [Record<string, unknown>, RegExp][] = [
    [{ text: 'add to cart', value: { action: 'add_to_cart', productId } }, /Added .* to your cart/],
    [{ text: 'checkout' }, /email address/],
    [{ text: `${id.replace(/-/g, '.')}@example.com` }, /\*\*(\d{6})\*\*/],
  ];
  let last = '';
  for (const [fields, expected] of steps) {
    const r = await step(target, id, userId, fields, expected, confirmed, killed);
    if (r === undefined) return;
    last = r;
  }
  const code = last.match(/\*\*(\d{6})\*\*/)![1];
  if ((await step(target, id, userId, { text: code }, /Place this order/, confirmed, killed)) === undefined) return;
  const placed = await step(target, id, userId, { text: 'yes' }, /Your order \*\*(SM\d+)\*\* is placed/, confirmed, killed);
  if (placed === undefined) return;
  confirmed.orders.push(placed.match(/Your order \*\*(SM\d+)\*\* is placed/)![1]);
  const thanked = await step(target, id, userId, { text: 'I love this shop, great service' }, /passed it on to the team/, confirmed, killed);
  if (thanked !== undefined) confirmed.feedback.push(id);
}

async function step(
  target: Target,
  conversationId: string,
  userId: string,
  fields: Record<string, unknown>,
  expected: RegExp,
  confirmed: Confirmed,
  killed: () => boolean,
): Promise<string | undefined> {
  if (killed()) return undefined;
  const turn = await sendTurn(target, conversationId, userId, fields);
  const replies = text(turn.replies);
  // A reply that arrived counts even if the connection then dropped: the shopper has seen it.
  if (expected.test(replies)) return replies;
  if (!killed() && !turn.error) confirmed.unexpected.push(`${JSON.stringify(fields)} -> ${replies.slice(0, 120)}`);
  if (!killed() && turn.error) confirmed.unexpected.push(`${JSON.stringify(fields)} -> ${turn.error}`);
  return undefined;
}
