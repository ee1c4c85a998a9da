import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { openDatabase } from '../../src/engine/db';
import { webChatBundlePath } from '../../src/directline/webPage';
import { startBot, tempDir, type RunningBot } from '../support/botServer';
import { call, client, newVisitor, pollUntilReply, type Client, type Reply } from '../support/directLineClient';

/** The Direct Line v3 subset over real HTTP against the real server process, as Web Chat speaks it. */

describe('Direct Line over HTTP', () => {
  let dir: string;
  let dbPath: string;
  let bot: RunningBot;
  let dl: Client;

  beforeAll(async () => {
    dir = tempDir();
    dbPath = path.join(dir, 'shop.db');
    openDatabase(dbPath).close(); // an existing (empty) store: no demo build needed for the protocol
    bot = await startBot({ DB_PATH: dbPath });
    dl = client(bot.url);
  });

  afterAll(async () => {
    await bot?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves the page and the Web Chat bundle from this server, compressed and cacheable', async () => {
    const page = await fetch(`${bot.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const html = await page.text();
    expect(html).toContain('<script src="/webchat/webchat.js"');
    expect(html).not.toMatch(/https?:\/\/(?!www\.w3)/); // nothing from a CDN

    const bundle = fs.readFileSync(webChatBundlePath());
    const gz = await fetch(`${bot.url}/webchat/webchat.js`, { headers: { 'accept-encoding': 'identity' } });
    expect(gz.status).toBe(200);
    expect(Buffer.from(await gz.arrayBuffer()).equals(bundle)).toBe(true);
    const raw = await new Promise<{ encoding?: string; body: Buffer; etag?: string }>((resolve, reject) => {
      // fetch() would decompress transparently; read the wire bytes with node:http instead.
      import('node:http').then(({ get }) =>
        get(`${bot.url}/webchat/webchat.js`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks), etag: res.headers.etag }));
        }).on('error', reject),
      );
    });
    expect(raw.encoding).toBe('gzip');
    expect(raw.body.length).toBeLessThan(bundle.length / 2);
    expect(zlib.gunzipSync(raw.body).equals(bundle)).toBe(true);
    const again = await fetch(`${bot.url}/webchat/webchat.js`, { headers: { 'if-none-match': raw.etag! } });
    expect(again.status).toBe(304);
    for (const asset of ['/webchat/main.js', '/webchat/style.css']) expect((await fetch(`${bot.url}${asset}`)).status).toBe(200);
  });

  it('runs a conversation: token, start (the bot greets), post, poll with the watermark, reply', async () => {
    const v = await newVisitor(dl);
    const first = await dl.activities(v.token, v.conversationId);
    expect(first.status).toBe(200);
    expect(first.body.activities).toHaveLength(1);
    expect(first.body.activities[0]).toMatchObject({ type: 'message', from: { role: 'bot' }, recipient: { id: v.userId } });
    expect(first.body.activities[0].text).toMatch(/assistant/i);
    expect(first.headers.get('cache-control')).toBe('no-store');

    const posted = await dl.post(v.token, v.conversationId, {
      type: 'message',
      text: 'help',
      from: { id: 'someone-else', name: 'Mallory', role: 'user' },
      channelData: { clientActivityID: 'client-1' },
    });
    expect(posted.status).toBe(200);
    expect(posted.body.id).toMatch(new RegExp(`^${v.conversationId}\\|\\d+$`));

    const { seen, watermark } = await pollUntilReply(dl, v.token, v.conversationId, posted.body.id, first.body.watermark);
    const mine = seen.find((a) => a.id === posted.body.id);
    expect(mine).toMatchObject({ text: 'help', from: { id: v.userId, role: 'user' }, channelData: { clientActivityID: 'client-1' } });
    const reply = seen.find((a) => a.replyToId === posted.body.id && a.type === 'message');
    expect(reply.text).toMatch(/search/i);
    expect(reply.from.role).toBe('bot');
    expect(reply.suggestedActions.actions.length).toBeGreaterThan(0);
    expect(Number(watermark)).toBeGreaterThan(Number(first.body.watermark));
    const rest = await dl.activities(v.token, v.conversationId, watermark);
    expect(rest.body).toEqual({ activities: [], watermark });
  });

  it('resumes with the saved token after a reload: same user, same conversation, whole log', async () => {
    const v = await newVisitor(dl);
    const posted = await dl.post(v.token, v.conversationId, { type: 'message', text: 'hello' });
    await pollUntilReply(dl, v.token, v.conversationId, posted.body.id, '');

    const session = await dl.session(v.token);
    expect(session.body).toMatchObject({ userId: v.userId, conversationId: v.conversationId });
    const reconnected = await dl.reconnect(session.body.token, v.conversationId);
    expect(reconnected.status).toBe(200);
    expect(reconnected.body.conversationId).toBe(v.conversationId);
    const log = await dl.activities(reconnected.body.token, v.conversationId);
    expect(log.body.activities.map((a: any) => a.text)).toContain('hello');
    expect(log.body.activities.filter((a: any) => a.from.role === 'bot').length).toBeGreaterThanOrEqual(2);

    const refreshed = await dl.refresh(v.token);
    expect(refreshed.status).toBe(200);
    expect((await dl.activities(refreshed.body.token, v.conversationId)).status).toBe(200);
    const fresh = await dl.generate(v.token);
    expect(fresh.body.conversationId).not.toBe(v.conversationId);
    expect((await dl.start(fresh.body.token)).body.conversationId).toBe(fresh.body.conversationId);
  });

  it('refuses to read or write someone else\'s conversation, and calls without a valid token', async () => {
    const alice = await newVisitor(dl);
    const bob = await newVisitor(dl);
    const bobUnbound = (await dl.session()).body.token as string;
    expect((await dl.activities(bob.token, alice.conversationId)).status).toBe(403);
    expect((await dl.activities(bobUnbound, alice.conversationId)).status).toBe(403);
    expect((await dl.post(bob.token, alice.conversationId, { type: 'message', text: 'hi' })).status).toBe(403);
    expect((await dl.reconnect(bob.token, alice.conversationId)).status).toBe(403);
    expect((await dl.activities(undefined, alice.conversationId)).status).toBe(401);
    expect((await dl.activities('forged.token', alice.conversationId)).status).toBe(401);
    const [payload, signature] = alice.token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const swapped = `${Buffer.from(JSON.stringify({ ...claims, conversationId: bob.conversationId })).toString('base64url')}.${signature}`;
    expect((await dl.activities(swapped, bob.conversationId)).status).toBe(401);
    expect((await dl.start('')).status).toBe(401);
    expect((await dl.activities(bobUnbound, 'noSuchConversation1')).status).toBe(404);
    const own = await dl.activities(alice.token, alice.conversationId);
    expect(own.body.activities.every((a: any) => a.text !== 'hi')).toBe(true);
  });

  it('answers malformed requests with a 4xx and keeps serving', async () => {
    const v = await newVisitor(dl);
    const url = `${bot.url}/v3/directline/conversations/${v.conversationId}/activities`;
    const cases: [string, () => Promise<Reply>, number][] = [
      ['not JSON', () => call(url, 'POST', v.token, '{"type": "message", '), 400],
      ['not an activity', () => dl.post(v.token, v.conversationId, [1, 2]), 400],
      ['missing type', () => dl.post(v.token, v.conversationId, { text: 'hi' }), 400],
      ['unsupported type', () => dl.post(v.token, v.conversationId, { type: 'conversationUpdate', membersAdded: [{ id: 'x' }] }), 400],
      ['wrong content type', () => call(url, 'POST', v.token, undefined, { 'content-type': 'text/plain' }), 415],
      ['oversized', () => dl.post(v.token, v.conversationId, { type: 'message', text: 'x'.repeat(2_000_000) }), 413],
      ['bad watermark', () => dl.activities(v.token, v.conversationId, 'abc'), 400],
      ['bad start body', () => call(`${bot.url}/v3/directline/conversations`, 'POST', v.token, '{'), 400],
    ];
    for (const [name, send, status] of cases) expect((await send()).status, name).toBe(status);
    const log = await dl.activities(v.token, v.conversationId);
    expect(log.body.activities).toHaveLength(1); // only the greeting: nothing malformed was logged
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });

  it('keeps tokens and conversation logs across a restart of the server', async () => {
    const v = await newVisitor(dl);
    const posted = await dl.post(v.token, v.conversationId, { type: 'message', text: 'remember me' });
    await pollUntilReply(dl, v.token, v.conversationId, posted.body.id, '');
    await bot.stop();

    bot = await startBot({ DB_PATH: dbPath });
    dl = client(bot.url);
    const session = await dl.session(v.token);
    expect(session.body).toMatchObject({ userId: v.userId, conversationId: v.conversationId });
    const log = await dl.activities(v.token, v.conversationId);
    expect(log.status).toBe(200);
    expect(log.body.activities.map((a: any) => a.text)).toContain('remember me');
    const next = await dl.post(v.token, v.conversationId, { type: 'message', text: 'help' });
    const { seen } = await pollUntilReply(dl, v.token, v.conversationId, next.body.id, log.body.watermark);
    expect(next.body.id > posted.body.id).toBe(true);
    expect(seen.find((a) => a.replyToId === next.body.id).text).toMatch(/search/i);
  });
});
