import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/engine/db';
import { activity, post, ROOT, startBot, startCallbackServer, tempDir, type RunningBot } from '../support/botServer';

/**
 * What `npm start` does on a fresh machine: bin/start.js bundles src/ into dist/ and runs it; with no
 * database file yet it builds the demo store first, then serves (and fits recommendations in the
 * bundled worker, dist/fitWorker.js).
 */
describe('npm start on a fresh machine', () => {
  let dir: string;
  let dbPath: string;
  let bot: RunningBot;
  let channel: Awaited<ReturnType<typeof startCallbackServer>>;

  beforeAll(async () => {
    dir = tempDir();
    dbPath = path.join(dir, 'data', 'shop.db');
    channel = await startCallbackServer();
    bot = await startBot({ DB_PATH: dbPath }, { bundled: true, timeoutMs: 120_000 });
  }, 150_000);

  afterAll(async () => {
    await bot?.stop();
    await channel?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('runs the bundle in dist/', () => {
    for (const file of ['index.js', 'fitWorker.js']) expect(fs.existsSync(path.join(ROOT, 'dist', file)), file).toBe(true);
    expect(bot.child.spawnargs).toContain('bin/start.js');
  });

  it('builds the demo store on first start, reporting progress, and leaves no half-built file', async () => {
    expect(bot.output()).toMatch(/no database yet: building the demo store/);
    expect(bot.output()).toMatch(/demo store: /);
    expect(fs.readdirSync(path.dirname(dbPath)).filter((f) => f.includes('.building'))).toEqual([]);
    const db = openDatabase(dbPath, { readonly: true });
    try {
      const { n } = db.prepare('SELECT count(*) AS n FROM products').get() as { n: number };
      expect(n).toBeGreaterThan(400);
    } finally {
      db.close();
    }
    const health = await fetch(`${bot.url}/healthz`);
    expect(await health.json()).toMatchObject({ status: 'ok', database: true });
  });

  it('answers messages and fits recommendations in the bundled worker', async () => {
    const message = activity(channel.url, 'conv-start', { type: 'message', text: 'help' });
    expect((await post(bot.url, message)).status).toBe(200);
    const reply = await channel.waitFor((r) => r.conversationId === 'conv-start');
    expect(reply.activity.text).toMatch(/search/i);
    await expect.poll(() => bot.output(), { timeout: 60_000, interval: 200 }).toMatch(/recommendation models ready/);
    expect(bot.output()).not.toMatch(/recommendation models failed/);
  }, 90_000);
});
