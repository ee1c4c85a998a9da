import { describe, expect, it } from 'vitest';
import { cardsOf, dialogHarness, understood, words } from '../support/dialogHarness';

const table = {
  'red mugs under 10 pounds': understood('search_products', { query: 'mugs', colour: 'red', priceRange: { max: 10 } }),
  mugs: understood('search_products', { query: 'mugs' }),
  shoes: understood('search_products', { query: 'shoes' }),
  'in blue': understood('search_products', { colour: 'blue' }),
  cheaper: understood('search_products', { refinement: 'cheaper' }),
  'show more': understood('search_products', { refinement: 'more' }),
  kitchen: understood('search_products', { category: 'Kitchen' }),
  'the second one': understood('product_info', { ordinal: 2 }),
  'add the first one': understood('add_to_cart', { ordinal: 1 }),
  'add 2 of those': understood('add_to_cart', { quantity: 2 }),
  'show my cart': understood('view_cart'),
  checkout: understood('checkout'),
  'ann@example.com': understood('account_help', { email: 'ann@example.com' }),
  yes: understood('out_of_scope'),
  'unicorn saddles': understood('search_products', { query: 'unicorn saddles' }),
  'compare them': understood('compare'),
  'recommend something': understood('recommend'),
  'what goes with my cart': understood('recommend', { scope: 'cart' }),
};

const buttonValue = (replies: Awaited<ReturnType<ReturnType<typeof dialogHarness>['say']>>, title: string) =>
  cardsOf(replies).flatMap((c) => c.buttons ?? []).find((b) => b.title === title)?.value;

describe('search dialog', () => {
  it('shows product cards with price, stock and the three buttons', async () => {
    const h = dialogHarness(table);
    const replies = await h.say('red mugs under 10 pounds');
    const cards = cardsOf(replies);
    expect(cards.map((c) => c.title)).toEqual(['Red enamel mug']);
    expect(JSON.stringify(cards[0])).toMatch(/£8\.99/);
    expect(cards[0].buttons!.map((b) => b.title)).toEqual(['Add to cart', 'Similar', 'Details']);
    expect(replies[0].text).toMatch(/One match for red "mugs" under £10/);
  });

  it('refines the last search without repeating it: colour, cheaper, show more', async () => {
    const h = dialogHarness(table);
    await h.say('mugs');
    expect(cardsOf(await h.say('in blue')).map((c) => c.title)).toEqual(['Blue enamel mug']);
    expect(cardsOf(await h.say('shoes')).map((c) => c.title).sort()).toEqual(["Sprint women's running shoes", "Trailblazer men's running shoes"]);
    expect(cardsOf(await h.say('cheaper')).map((c) => c.title)).toEqual(["Sprint women's running shoes"]);
  });

  it('starts a new search when another category is named', async () => {
    const h = dialogHarness(table);
    await h.say('in blue'); // nothing to refine yet: a search for blue things
    await h.say('shoes');
    expect(cardsOf(await h.say('kitchen')).map((c) => c.title).sort()).toEqual(['Blue enamel mug', 'Red enamel mug', 'Stoneware teapot']);
  });

  it('pages with "show more" and says when there is nothing more', async () => {
    const h = dialogHarness(table);
    await h.say('kitchen');
    expect(words(await h.say('show more'))).toMatch(/everything I have/);
  });

  it('says plainly when nothing matches', async () => {
    const h = dialogHarness(table);
    expect(words(await h.say('unicorn saddles'))).toMatch(/couldn't find anything/);
  });

  it('resolves "the second one" against the last list', async () => {
    const h = dialogHarness(table);
    const listed = cardsOf(await h.say('kitchen')).map((c) => c.title);
    const details = words(await h.say('the second one'));
    expect(details).toContain(listed[1]);
    expect(details).toMatch(/No reviews yet|★/);
  });

  it('compares what was just shown side by side', async () => {
    const h = dialogHarness(table);
    await h.say('mugs');
    const reply = words(await h.say('compare them'));
    expect(reply).toMatch(/Comparing 2 products/);
    expect(reply).toMatch(/Red enamel mug/);
    expect(reply).toMatch(/Blue enamel mug/);
  });
});

describe('cart and checkout', () => {
  it('adds from a card button, shows the cart with totals, checks out after sign-in into a real order', async () => {
    const h = dialogHarness(table);
    const found = await h.say('red mugs under 10 pounds');
    const add = buttonValue(found, 'Add to cart');
    expect(add).toMatchObject({ action: 'add_to_cart' });
    expect(words(await h.say({ text: 'add to cart', value: add }))).toMatch(/Added Red enamel mug to your cart[\s\S]*Total: £12\.94/);
    expect(words(await h.say('add 2 of those'))).toMatch(/3 × Red enamel mug: £26\.97/);

    expect(words(await h.say('checkout'))).toMatch(/email/);
    const codeReply = words(await h.say('ann@example.com'));
    const code = codeReply.match(/\*\*(\d{6})\*\*/)![1];
    const confirm = words(await h.say(code));
    expect(confirm).toMatch(/signed in as Ann Lee/);
    expect(confirm).toMatch(/Place this order for £30\.92\?/); // £26.97 + £3.95 delivery: free only over £50
    expect(confirm).toMatch(/No payment is taken/);
    const placed = words(await h.say('yes'));
    const orderNo = placed.match(/\*\*(SM\d+)\*\*/)![1];
    const order = h.engine.orders.get(orderNo);
    expect(order.customerId).toBe(h.customers.ann);
    expect(order.lines).toEqual([expect.objectContaining({ quantity: 3, unitPriceCents: 899 })]);
    expect(words(await h.say('show my cart'))).toMatch(/empty/);
  });

  it('explains an empty cart at checkout and a wrong sign-in code', async () => {
    const h = dialogHarness(table);
    expect(words(await h.say('checkout'))).toMatch(/cart is empty/);
    await h.say('add the first one'); // nothing shown yet
    await h.say('mugs');
    await h.say('add the first one');
    await h.say('checkout');
    await h.say('ann@example.com');
    expect(words(await h.say('000000'))).toMatch(/isn't right|not right/);
  });

  it('removes a line from the cart with its button', async () => {
    const h = dialogHarness(table);
    await h.say('mugs');
    const cart = await h.say('add the first one');
    const remove = cart[0].suggestedActions!.actions.find((a) => a.title.startsWith('Remove'))!;
    expect(words(await h.say({ text: 'remove', value: remove.value }))).toMatch(/Removed[\s\S]*empty/);
  });
});

describe('recommend dialog', () => {
  it('recommends popular items to an anonymous customer with a reason and a not-interested button that is remembered', async () => {
    const h = dialogHarness(table);
    const replies = await h.say('recommend something');
    expect(replies[0].text).toMatch(/Popular right now/);
    const cards = cardsOf(replies);
    expect(JSON.stringify(cards[0])).toMatch(/Popular this week/);
    const dismiss = cards[0].buttons!.find((b) => b.title === 'Not interested')!.value as { productId: number };
    expect(words(await h.say({ text: 'not interested', value: dismiss }))).toMatch(/won't suggest/);
    const again = cardsOf(await h.say('recommend something'));
    expect(again.map((c) => c.title)).not.toContain(cards[0].title);
  });

  it('recommends for the cart and similar items from a card', async () => {
    const h = dialogHarness(table);
    const found = await h.say('mugs');
    await h.say({ text: 'similar', value: buttonValue(found, 'Similar') });
    await h.say('add the first one');
    await h.say('what goes with my cart');
    expect(h.recommendations.calls.some((c) => c.startsWith('similarTo:'))).toBe(true);
    expect(h.recommendations.calls.some((c) => c.startsWith('forCart:'))).toBe(true);
  });
});
