import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/engine/db';
import { activity, post, startBot, startCallbackServer, tempDir, type RunningBot } from '../support/botServer';

/** End to end over real HTTP, exactly as the Emulator talks to the bot. */
describe('bot server over the Bot Framework protocol', () => {
  let dir: string;
  let dbPath: string;
  let bot: RunningBot;
  let channel: Awaited<ReturnType<typeof startCallbackServer>>;

  beforeAll(async () => {
    dir = tempDir();
    dbPath = path.join(dir, 'shop.db');
    openDatabase(dbPath).close(); // an existing (empty) store: no demo build in this test
    channel = await startCallbackServer();
    bot = await startBot({ DB_PATH: dbPath });
  });

  afterAll(async () => {
    await bot?.stop();
    await channel?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('greets a new member with what it can do, as suggested actions', async () => {
    const update = activity(channel.url, 'conv-greet', {
      type: 'conversationUpdate',
      membersAdded: [{ id: 'user-1', name: 'User' }, { id: 'bot', name: 'Bot' }],
    });
    const res = await post(bot.url, update);
    expect(res.status).toBeLessThan(300);
    const reply = await channel.waitFor((r) => r.conversationId === 'conv-greet');
    expect(reply.activity.type).toBe('message');
    expect(reply.activity.text).toMatch(/assistant/i);
    expect(reply.activity.suggestedActions.actions.map((a: { title: string }) => a.title)).toContain('Help');
    expect(reply.activity.conversation.id).toBe('conv-greet');
    expect(reply.activity.recipient.id).toBe('user-1');
  });

  it('answers a message in the same conversation, replying to it', async () => {
    const message = activity(channel.url, 'conv-msg', { type: 'message', text: 'help' });
    const res = await post(bot.url, message);
    expect(res.status).toBe(200);
    const reply = await channel.waitFor((r) => r.conversationId === 'conv-msg');
    expect(reply.replyToId).toBe(message.id);
    expect(reply.activity.replyToId).toBe(message.id);
    expect(reply.activity.text).toMatch(/search/i);
  });

  it('rejects malformed requests with a 4xx and keeps serving', async () => {
    const cases: [string, () => Promise<{ status: number }>][] = [
      ['not JSON', () => post(bot.url, '{"type": "message", ')],
      ['wrong content type', () => post(bot.url, 'hello', { 'content-type': 'text/plain' })],
      ['a JSON array', () => post(bot.url, [1, 2, 3])],
      ['missing conversation', () => post(bot.url, { type: 'message', text: 'hi', serviceUrl: channel.url, from: { id: 'u' } })],
      ['missing type', () => post(bot.url, { conversation: { id: 'c' }, serviceUrl: channel.url })],
      ['wrong types', () => post(bot.url, { type: 42, conversation: { id: ['x'] }, serviceUrl: 7 })],
      ['message without serviceUrl', () => post(bot.url, { type: 'message', text: 'hi', conversation: { id: 'c' } })],
      ['oversized body', () => post(bot.url, activity(channel.url, 'conv-big', { type: 'message', text: 'x'.repeat(2_000_000) }))],
    ];
    for (const [name, send] of cases) {
      const { status } = await send();
      expect(status, name).toBeGreaterThanOrEqual(400);
      expect(status, name).toBeLessThan(500);
    }
    expect((await fetch(`${bot.url}/api/messages`)).status).toBeGreaterThanOrEqual(400);
    const health = await fetch(`${bot.url}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: true });
    const ok = activity(channel.url, 'conv-after', { type: 'message', text: 'hello' });
    expect((await post(bot.url, ok)).status).toBe(200);
    await channel.waitFor((r) => r.conversationId === 'conv-after');
  });
});

describe('restart', () => {
  it('continues with the state the previous server process wrote to the same file', async () => {
    const dir = tempDir();
    const dbPath = path.join(dir, 'shop.db');
    openDatabase(dbPath).close();
    const channel = await startCallbackServer();
    const join = (conversationId: string) =>
      activity(channel.url, conversationId, { type: 'conversationUpdate', from: { id: 'user-9' }, membersAdded: [{ id: 'user-9', name: 'Ann' }] });
    try {
      const first = await startBot({ DB_PATH: dbPath });
      await post(first.url, join('conv-a'));
      const hello = await channel.waitFor((r) => r.conversationId === 'conv-a');
      expect(hello.activity.text).not.toMatch(/welcome back/i);
      expect(await first.stop('SIGTERM')).toBe(0); // graceful: exits cleanly

      const second = await startBot({ DB_PATH: dbPath });
      await post(second.url, join('conv-b'));
      const again = await channel.waitFor((r) => r.conversationId === 'conv-b');
      expect(again.activity.text).toMatch(/welcome back/i);
      await second.stop();
    } finally {
      await channel.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
