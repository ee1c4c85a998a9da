import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/engine/db';
import { ProductRepo } from '../../src/engine/repos/products';
import { activity, post, startBot, startCallbackServer, tempDir, type RunningBot } from '../support/botServer';

describe('one conversation, many messages at once', () => {
  let dir: string;
  let bot: RunningBot;
  let channel: Awaited<ReturnType<typeof startCallbackServer>>;
  let productId: number;

  beforeAll(async () => {
    dir = tempDir();
    const dbPath = path.join(dir, 'shop.db');
    const db = openDatabase(dbPath);
    productId = new ProductRepo(db).insert({ sku: 'MUG-1', name: 'Red enamel mug', category: 'Kitchen', priceCents: 500, stock: 100, createdAt: '2025-01-01T00:00:00.000Z' });
    db.close();
    channel = await startCallbackServer();
    bot = await startBot({ DB_PATH: dbPath, RATE_LIMIT_CONVERSATION_BURST: '50' });
  });

  afterAll(async () => {
    await bot?.stop();
    await channel?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('processes 20 concurrent messages one after another in arrival order, losing no update', async () => {
    const messages = Array.from({ length: 20 }, () =>
      activity(channel.url, 'conv-burst', { type: 'message', text: 'add to cart', value: { action: 'add_to_cart', productId } }),
    );
    const statuses = await Promise.all(messages.map((m) => post(bot.url, m)));
    expect(statuses.map((s) => s.status)).toEqual(messages.map(() => 200));
    const replies = channel.received.filter((r) => r.conversationId === 'conv-burst' && r.activity.type === 'message');
    expect(replies).toHaveLength(20);
    // Each reply shows the cart after its own message: 1, 2, … 20 items, in order.
    const counts = replies.map((r) => Number(String(r.activity.text).match(/Your cart \((\d+) items?\)/)![1]));
    expect(counts).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const db = openDatabase(path.join(dir, 'shop.db'));
    expect(db.prepare("SELECT quantity FROM cart_items WHERE user_id = 'user-1'").get()).toEqual({ quantity: 20 });
    const inbound = db.prepare("SELECT COUNT(*) AS n FROM transcripts WHERE conversation_id = 'conv-burst' AND direction = 'in'").get();
    expect(inbound).toEqual({ n: 20 });
    db.close();
  });

  it('tells a conversation that floods the bot to slow down, and keeps serving others', async () => {
    const flood = Array.from({ length: 80 }, () => activity(channel.url, 'conv-flood', { type: 'message', text: 'hello' }));
    await Promise.all(flood.map((m) => post(bot.url, m)));
    const texts = channel.received.filter((r) => r.conversationId === 'conv-flood').map((r) => String(r.activity.text));
    expect(texts.some((t) => /faster than I can read/.test(t))).toBe(true);
    await post(bot.url, activity(channel.url, 'conv-calm', { type: 'message', text: 'hello' }));
    const calm = await channel.waitFor((r) => r.conversationId === 'conv-calm');
    expect(calm.activity.text).not.toMatch(/faster than I can read/);
  });
});
