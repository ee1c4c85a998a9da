import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { openDatabase } from '../../src/engine/db';
import { activity, post, startBot, startCallbackServer, tempDir, type RunningBot } from '../support/botServer';

const TIMEOUT_MS = 1000;

/** A channel connector that accepts the connection, reads the request and never answers. */
async function startSilentChannel() {
  const requests: string[] = [];
  const server = http.createServer((req) => {
    requests.push(`${req.method} ${req.url}`);
    req.resume();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => {
      server.closeAllConnections();
      return new Promise<void>((r) => server.close(() => r()));
    },
  };
}

/** Every outgoing call has a deadline (OUTBOUND_TIMEOUT_MS): a channel that never answers cannot hold a turn. */
describe('outgoing calls time out', () => {
  let dir: string;
  let bot: RunningBot;
  let silent: Awaited<ReturnType<typeof startSilentChannel>>;
  let channel: Awaited<ReturnType<typeof startCallbackServer>>;

  beforeAll(async () => {
    dir = tempDir();
    const dbPath = path.join(dir, 'shop.db');
    openDatabase(dbPath).close();
    silent = await startSilentChannel();
    channel = await startCallbackServer();
    bot = await startBot({ DB_PATH: dbPath, OUTBOUND_TIMEOUT_MS: String(TIMEOUT_MS) });
  });

  afterAll(async () => {
    await bot?.stop();
    await silent?.close();
    await channel?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('ends the turn after the timeout, logs it, and keeps serving other conversations', async () => {
    const started = Date.now();
    const stuck = post(bot.url, activity(silent.url, 'conv-silent', { type: 'message', text: 'help' }));
    // Meanwhile another conversation with a working channel is answered at once.
    const other = activity(channel.url, 'conv-alive', { type: 'message', text: 'help' });
    expect((await post(bot.url, other)).status).toBe(200);
    await channel.waitFor((r) => r.conversationId === 'conv-alive', 5000);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS);

    const res = await stuck;
    const took = Date.now() - started;
    expect(res.status).toBe(200);
    expect(took).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(took).toBeLessThan(TIMEOUT_MS + 800);
    expect(silent.requests.length).toBeGreaterThanOrEqual(1); // the reply was attempted (and not retried into a longer wait)
    expect(silent.requests.length).toBeLessThanOrEqual(2); // the reply, at most a typing indicator; no apology after a timeout
    // The log line comes through the child's stdout pipe, which may trail the HTTP response a little.
    await expect.poll(() => bot.output(), { timeout: 3000, interval: 50 }).toMatch(/did not answer within 1000 ms/);

    // The same conversation works again once its channel does.
    const again = activity(channel.url, 'conv-silent', { type: 'message', text: 'help' });
    expect((await post(bot.url, again)).status).toBe(200);
    await channel.waitFor((r) => r.conversationId === 'conv-silent', 5000);
  }, 20_000);
});
