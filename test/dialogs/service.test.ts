import { describe, expect, it } from 'vitest';
import { OrderRepo } from '../../src/engine/repos/orders';
import { dialogHarness, understood, words } from '../support/dialogHarness';

const table = {
  'where is my order': understood('order_status'),
  'where is SM2': understood('order_status', { orderId: 'SM2' }),
  'where is SM9': understood('order_status', { orderId: 'SM9' }),
  'cancel my order': understood('cancel_order'),
  'i want to return something': understood('return_refund'),
  'ann@example.com': understood('account_help', { email: 'ann@example.com' }),
  'bob@example.com': understood('account_help', { email: 'bob@example.com' }),
  'how long does delivery take': understood('shipping_info'),
  'can i pay with paypal': understood('payment'),
  'i cant log in': understood('account_help'),
  'i want to talk to a human': understood('human_agent'),
  'my mug arrived broken': understood('complaint', {}, { sentiment: { label: 'negative', score: -3 } }),
  'love this shop': understood('feedback', {}, { sentiment: { label: 'positive', score: 3 } }),
  'any deals': understood('deals'),
  yes: understood('out_of_scope'),
  no: understood('out_of_scope'),
  'wrong size': understood('out_of_scope'),
};

function withOrders() {
  const h = dialogHarness(table);
  const orders = new OrderRepo(h.db);
  const line = { productId: h.ids['KIT-1'], quantity: 1, unitPriceCents: 899 };
  orders.create({ orderNo: 'SM1', customerId: h.customers.ann, placedAt: '2025-02-27T09:00:00.000Z', lines: [line] });
  orders.create({ orderNo: 'SM2', customerId: h.customers.ann, placedAt: '2025-02-20T09:00:00.000Z', status: 'delivered', deliveredAt: '2025-02-22T09:00:00.000Z', lines: [line] });
  orders.create({ orderNo: 'SM9', customerId: h.customers.bob, placedAt: '2025-02-26T09:00:00.000Z', lines: [line] });
  return h;
}

async function signIn(h: ReturnType<typeof dialogHarness>, first: string, email = 'ann@example.com') {
  expect(words(await h.say(first))).toMatch(/email/);
  const code = words(await h.say(email)).match(/\*\*(\d{6})\*\*/)![1];
  return words(await h.say(code));
}

describe('order dialogs', () => {
  it('shows order status only after the chat is linked, then without asking again', async () => {
    const h = withOrders();
    const first = await signIn(h, 'where is my order');
    expect(first).toMatch(/signed in as Ann Lee/);
    expect(first).toMatch(/Order \*\*SM1\*\* was placed/);
    expect(words(await h.say('where is SM2'))).toMatch(/SM2\*\* was delivered/);
  });

  it("never discloses another customer's order", async () => {
    const h = withOrders();
    await signIn(h, 'where is my order');
    const reply = words(await h.say('where is SM9'));
    expect(reply).toMatch(/can't find order SM9/);
    expect(reply).not.toMatch(/placed on/);
  });

  it('cancels an unshipped order after a yes, and keeps it on a no', async () => {
    const h = withOrders();
    const prompt = await signIn(h, 'cancel my order');
    expect(prompt).toMatch(/SM1[\s\S]*Cancel this order\?/);
    expect(words(await h.say('no'))).toMatch(/left the order/);
    expect(h.engine.orders.get('SM1').status).toBe('placed');
    await h.say('cancel my order');
    expect(words(await h.say('yes'))).toMatch(/SM1 is cancelled/);
    expect(h.engine.orders.get('SM1').status).toBe('cancelled');
  });

  it('opens a return for a delivered order with the reason given', async () => {
    const h = withOrders();
    const prompt = await signIn(h, 'i want to return something');
    expect(prompt).toMatch(/Returning order SM2/);
    expect(words(await h.say('wrong size'))).toMatch(/Return #\d+ is open for order SM2.*£8\.99/);
    expect(h.db.prepare('SELECT reason FROM return_requests').get()).toEqual({ reason: 'wrong size' });
  });
});

describe('store information', () => {
  it('answers delivery, payment and account questions from the policy file', async () => {
    const h = dialogHarness(table);
    expect(words(await h.say('how long does delivery take'))).toMatch(/2-4 working days/);
    expect(words(await h.say('can i pay with paypal'))).toMatch(/PayPal/);
    const account = await h.say('i cant log in');
    expect(words(account)).toMatch(/Forgot password/);
    expect(account[0].suggestedActions!.actions[0]).toMatchObject({ title: 'Sign in', value: { action: 'sign_in' } });
  });

  it('says when there are no offers', async () => {
    const h = dialogHarness(table);
    expect(words(await h.say('any deals'))).toMatch(/no special offers/);
  });

  it('lists the offers the engine ranks for this customer', async () => {
    const h = dialogHarness(table, {
      offers: (engine) => ({
        offersFor: () => [{ promotionId: 1, name: 'Spring kitchen', kind: 'percent_off', terms: '20% off Kitchen until 31 Mar' }],
        priceFor: (id) => ({ priceCents: engine.products.get(id).priceCents }),
      }),
    });
    expect(words(await h.say('any deals'))).toMatch(/Spring kitchen\*\*: 20% off Kitchen/);
  });
});

describe('hand-off and feedback', () => {
  it('hands off on request: ticket with the transcript and a handoff.initiate event', async () => {
    const h = dialogHarness(table);
    const replies = await h.say('i want to talk to a human');
    const event = replies.find((r) => r.type === 'event');
    expect(event?.name).toBe('handoff.initiate');
    expect(words(replies)).toMatch(/ticket #\d+/);
    expect(h.engine.support.openTickets()).toHaveLength(1);
  });

  it('apologises for a complaint and opens a ticket only if the customer wants one', async () => {
    const h = dialogHarness(table);
    expect(words(await h.say('my mug arrived broken'))).toMatch(/sorry/i);
    expect(words(await h.say('no'))).toMatch(/noted/);
    expect(h.engine.support.openTickets()).toHaveLength(0);
    await h.say('my mug arrived broken');
    await h.say('yes');
    expect(h.engine.support.openTickets()[0].reason).toMatch(/complaint: my mug arrived broken/);
  });

  it('stores feedback with its sentiment', async () => {
    const h = dialogHarness(table);
    expect(words(await h.say('love this shop'))).toMatch(/lovely/);
    expect(h.db.prepare('SELECT text, sentiment FROM feedback').get()).toEqual({ text: 'love this shop', sentiment: 'positive' });
  });
});
