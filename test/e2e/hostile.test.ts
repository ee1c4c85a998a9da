import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/engine/db';
import { buildDemoStore } from '../../src/engine/demo';
import { activity, post, startBot, startCallbackServer, tempDir, type RunningBot } from '../support/botServer';
import { badBodies, HOSTILE_TEXTS, HOSTILE_VALUES, ODD_ACTIVITIES, unhelpful } from './hostileCorpus';

/** What must not change when strangers type strange things: orders, accounts, catalogue, prices, promotions. */
const SNAPSHOT_SQL = `SELECT
  (SELECT COUNT(*) FROM orders) AS orders, (SELECT COUNT(*) FROM order_items) AS orderItems,
  (SELECT COUNT(*) FROM customers) AS customers, (SELECT COUNT(*) FROM products) AS products,
  (SELECT SUM(price_cents) FROM products) AS prices, (SELECT SUM(stock) FROM products) AS stock,
  (SELECT COUNT(*) FROM promotions) AS promotions, (SELECT COUNT(*) FROM price_changes) AS priceChanges,
  (SELECT COUNT(*) FROM reviews) AS reviews, (SELECT COUNT(*) FROM redemptions) AS redemptions`;

describe('hostile input over HTTP and chat', () => {
  let dir: string;
  let dbPath: string;
  let bot: RunningBot;
  let channel: Awaited<ReturnType<typeof startCallbackServer>>;
  let before: Record<string, number>;
  let someoneElsesOrder: { orderNo: string; email: string; name: string };
  const caseOf = new Map<string, string>();

  beforeAll(async () => {
    dir = tempDir();
    dbPath = path.join(dir, 'shop.db');
    const db = openDatabase(dbPath);
    buildDemoStore(db, { seed: 3, customers: 200, targetLines: 3000 });
    before = db.prepare(SNAPSHOT_SQL).get() as Record<string, number>;
    someoneElsesOrder = db.prepare('SELECT o.order_no AS orderNo, c.email, c.name FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY o.id DESC LIMIT 1').get() as typeof someoneElsesOrder;
    db.close();
    channel = await startCallbackServer();
    // One conversation below sends the whole corpus in a row: the per-conversation limit is not what this test is about.
    bot = await startBot({ DB_PATH: dbPath, RATE_LIMIT_CONVERSATION_PER_S: '1000', RATE_LIMIT_CONVERSATION_BURST: '1000' });
  });

  afterAll(async () => {
    await bot?.stop();
    await channel?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  let n = 0;
  /**
   * Posts one activity in its own conversation (unless given one) and returns the status and the
   * replies. `name` is "group: case", so errors in the server's log can be traced back to the case.
   */
  async function send(name: string, fields: Record<string, unknown>, opts: { conversation?: string; raw?: string; omit?: string[] } = {}) {
    const conversationId = opts.conversation ?? `hostile-${++n}`;
    const body: Record<string, unknown> = activity(channel.url, conversationId, { from: { id: `${conversationId}-user`, name: 'Stranger' }, ...fields });
    for (const key of opts.omit ?? []) delete body[key];
    const effective = String((body.conversation as { id?: unknown } | undefined)?.id ?? conversationId);
    if (!caseOf.has(effective)) caseOf.set(effective, opts.conversation ? name.split(':')[0] : name);
    let json = JSON.stringify(body);
    if (opts.raw !== undefined) json = json.replace('"PLACEHOLDER"', opts.raw);
    const seen = channel.received.length;
    const { status } = await post(bot.url, json);
    const replies = channel.received.slice(seen).filter((r) => r.conversationId === effective);
    return { status, replies };
  }

  /** Turns that ended in onTurnError, as "group: case: error", for the cases of a group (read from the server's log). */
  function turnErrors(group: string): string[] {
    return bot
      .output()
      .split('\n')
      .filter((line) => line.includes('unhandled error in turn'))
      .map((line) => {
        const entry = JSON.parse(line) as { conversation?: string; err?: { message?: string } };
        return `${caseOf.get(entry.conversation ?? '') ?? entry.conversation}: ${entry.err?.message?.slice(0, 160)}`;
      })
      .filter((e) => e.startsWith(`${group}:`));
  }

  it('answers every request that is not a usable activity with a 4xx', async () => {
    const failures: string[] = [];
    for (const [name, body, headers] of badBodies(channel.url)) {
      const { status } = await post(bot.url, body as string | object, headers);
      if (status < 400 || status >= 500) failures.push(`${name}: ${status}`);
    }
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const { status } = await fetch(`${bot.url}/api/messages`, { method });
      if (status < 400 || status >= 500) failures.push(`${method} /api/messages: ${status}`);
    }
    expect(failures).toEqual([]);
  });

  it('gives every hostile text a helpful reply, each in its own conversation', async () => {
    const failures: string[] = [];
    for (const [name, text] of HOSTILE_TEXTS) {
      const { status, replies } = await send(`text: ${name}`, { type: 'message', text });
      const problem = status === 200 ? unhelpful(replies, text) : `status ${status}`;
      if (problem) failures.push(`${name}: ${problem}`);
    }
    expect([...failures, ...turnErrors('text')]).toEqual([]);
  });

  it('gives every hostile card value a helpful reply', async () => {
    const failures: string[] = [];
    for (const { name, value, raw } of HOSTILE_VALUES) {
      const { status, replies } = await send(`value: ${name}`, { type: 'message', text: 'add to cart', value });
      const rawStatus = raw ? await sendRaw(name, value, raw) : undefined;
      const problem = status === 200 ? unhelpful(replies, 'add to cart') : `status ${status}`;
      if (problem) failures.push(`${name}: ${problem}`);
      if (rawStatus) failures.push(`${name} (raw ${raw}): ${rawStatus}`);
    }
    expect([...failures, ...turnErrors('value')]).toEqual([]);
  });

  /** The same value with a number JSON.stringify cannot write (1e309, 30 digits). */
  async function sendRaw(name: string, value: unknown, raw: string): Promise<string | undefined> {
    const json = JSON.stringify(value).replace('12345', raw);
    const { status, replies } = await send(`value: ${name} (raw)`, { type: 'message', text: 'add to cart', value: 'PLACEHOLDER' }, { raw: json });
    return status === 200 ? unhelpful(replies, 'add to cart') : `status ${status}`;
  }

  it('never answers an odd activity with a 5xx or an error in the turn', async () => {
    const failures: string[] = [];
    for (const odd of ODD_ACTIVITIES) {
      const { status, replies } = await send(`odd: ${odd.name}`, odd.fields, { raw: odd.raw, omit: odd.omit });
      if (status >= 500) failures.push(`${odd.name}: status ${status}`);
      else if (status < 300 && odd.fields.type === 'message') {
        const problem = unhelpful(replies, String(odd.fields.text));
        if (problem) failures.push(`${odd.name}: ${problem}`);
      }
    }
    expect([...failures, ...turnErrors('odd')]).toEqual([]);
  });

  it('keeps answering helpfully when one conversation sends the whole corpus in a row', async () => {
    const failures: string[] = [];
    for (const [name, text] of [...HOSTILE_TEXTS, ...HOSTILE_TEXTS.slice().reverse()]) {
      const { status, replies } = await send(`in a row: ${name}`, { type: 'message', text }, { conversation: 'hostile-in-a-row' });
      const problem = status === 200 ? unhelpful(replies, text) : `status ${status}`;
      if (problem) failures.push(`${name}: ${problem}`);
    }
    expect([...failures, ...turnErrors('in a row')]).toEqual([]);
  });

  it("shows no one else's order to a stranger who knows its number", async () => {
    const { status, replies } = await send('privacy: someone else’s order', { type: 'message', text: `where is my order ${someoneElsesOrder.orderNo}?` });
    expect(status).toBe(200);
    const said = replies.map((r) => JSON.stringify(r.activity)).join('\n');
    expect(said).toMatch(/email/i);
    expect(said).not.toContain(someoneElsesOrder.email);
    expect(said).not.toContain(someoneElsesOrder.name);
  });

  it('leaves orders, accounts, catalogue, prices and promotions unchanged, carts sane, and stays healthy', async () => {
    const db = openDatabase(dbPath, { readonly: true });
    const after = db.prepare(SNAPSHOT_SQL).get();
    const badCart = db.prepare('SELECT COUNT(*) AS n FROM cart_items WHERE quantity < 1 OR quantity > 999').get() as { n: number };
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
    expect(after).toEqual(before);
    expect(badCart.n).toBe(0);

    const health = await fetch(`${bot.url}/healthz`);
    expect(health.status).toBe(200);
    const { status, replies } = await send('after: the corpus', { type: 'message', text: 'show me mugs' });
    expect(status).toBe(200);
    expect(replies.flatMap((r) => r.activity.attachments ?? []).length).toBeGreaterThan(0);
  });
});
