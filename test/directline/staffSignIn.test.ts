import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/engine/db';
import { startBot, tempDir, type RunningBot } from '../support/botServer';
import { call, client, newVisitor, pollUntilReply } from '../support/directLineClient';

describe('staff sign-in on the Web Chat staff page', () => {
  let dir: string;
  let bot: RunningBot;

  beforeAll(async () => {
    dir = tempDir();
    const dbPath = path.join(dir, 'shop.db');
    openDatabase(dbPath).close();
    bot = await startBot({ DB_PATH: dbPath, STAFF_TOKEN: 'staff-secret-1' });
  });

  afterAll(async () => {
    await bot?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('serves the staff page', async () => {
    const page = await fetch(`${bot.url}/staff`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-mode="staff"');
  });

  it('refuses a wrong token and gives the right one a Direct Line token whose turns are staff turns', async () => {
    expect((await call(`${bot.url}/api/directline/staff-token`, 'POST', undefined, { token: 'nope' })).status).toBe(401);
    expect((await call(`${bot.url}/api/directline/staff-token`, 'POST', undefined, 'not json')).status).toBeGreaterThanOrEqual(400);
    const signedIn = await call(`${bot.url}/api/directline/staff-token`, 'POST', undefined, { token: 'staff-secret-1' });
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.userId).toMatch(/^staff-/);

    const dl = client(bot.url);
    const started = await dl.start(signedIn.body.token);
    const conversationId = started.body.conversationId as string;
    const posted = await dl.post(started.body.token, conversationId, { type: 'message', text: '/handoffs', from: { id: 'x' } });
    const { seen } = await pollUntilReply(dl, started.body.token, conversationId, posted.body.id, '');
    expect(seen.find((a) => a.replyToId === posted.body.id)?.text).toMatch(/No customers are waiting/);
  });

  it('gives a customer token the ordinary answer to a staff command', async () => {
    const dl = client(bot.url);
    const visitor = await newVisitor(dl);
    const posted = await dl.post(visitor.token, visitor.conversationId, { type: 'message', text: '/handoffs' });
    const { seen } = await pollUntilReply(dl, visitor.token, visitor.conversationId, posted.body.id, '');
    const reply = seen.find((a) => a.replyToId === posted.body.id)?.text ?? '';
    expect(reply).not.toMatch(/hand-off|No customers are waiting/);
  });
});
