import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/engine/db';
import { buildDemoStore } from '../../src/engine/demo';
import { activity, post, startBot, startCallbackServer, tempDir, type RunningBot } from '../support/botServer';

/** A whole purchase over real HTTP with the real NLU: search, add from a card, sign in, check out, track. */
describe('a customer buys something end to end', () => {
  let dir: string;
  let dbPath: string;
  let bot: RunningBot;
  let channel: Awaited<ReturnType<typeof startCallbackServer>>;
  let email: string;

  beforeAll(async () => {
    dir = tempDir();
    dbPath = path.join(dir, 'shop.db');
    const db = openDatabase(dbPath);
    buildDemoStore(db, { seed: 3, customers: 200, targetLines: 3000 });
    email = (db.prepare('SELECT email FROM customers ORDER BY id LIMIT 1').get() as { email: string }).email;
    db.close();
    channel = await startCallbackServer();
    bot = await startBot({ DB_PATH: dbPath });
  });

  afterAll(async () => {
    await bot?.stop();
    await channel?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  let turn = 0;
  async function say(fields: Record<string, unknown>) {
    const before = channel.received.length;
    const message = activity(channel.url, 'conv-buy', { type: 'message', from: { id: 'shopper-1', name: 'Shopper' }, ...fields, id: `buy-${++turn}` });
    expect((await post(bot.url, message)).status).toBe(200);
    return channel.received.slice(before).map((r) => r.activity);
  }
  const texts = (replies: Record<string, any>[]) => replies.map((r) => [r.text, ...(r.attachments ?? []).map((a: any) => JSON.stringify(a.content))].join(' ')).join('\n');

  it('goes from a plain-words search to a confirmed order the customer can track', async () => {
    const found = await say({ text: 'do you have any mugs?' });
    const cards = found.flatMap((r) => r.attachments ?? []).map((a: any) => a.content);
    expect(cards.length).toBeGreaterThan(0);
    expect(cards[0].title).toMatch(/mug/i);
    const add = cards[0].buttons.find((b: any) => b.title === 'Add to cart');

    expect(texts(await say({ text: 'add to cart', value: add.value }))).toMatch(/Added .* to your cart/);
    expect(texts(await say({ text: 'checkout' }))).toMatch(/email/);
    const code = texts(await say({ text: email })).match(/\*\*(\d{6})\*\*/)![1];
    expect(texts(await say({ text: code }))).toMatch(/Place this order for £\d+\.\d\d\?/);
    const placed = texts(await say({ text: 'yes' }));
    const orderNo = placed.match(/\*\*(SM\d+)\*\*/)![1];

    const db = openDatabase(dbPath, { readonly: true });
    const order = db.prepare('SELECT o.status, c.email FROM orders o JOIN customers c ON c.id = o.customer_id WHERE order_no = ?').get(orderNo);
    db.close();
    expect(order).toEqual({ status: 'placed', email });

    expect(texts(await say({ text: `where is my order ${orderNo}?` }))).toMatch(new RegExp(`${orderNo}\\*\\* was placed`));
  });
});
