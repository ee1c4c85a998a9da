import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import type { Activity } from 'botbuilder';
import { openDatabase, type Db } from '../../src/engine/db';
import { buildDemoStore } from '../../src/engine/demo';
import { assembleBot } from '../../src/bot/assemble';
import { InProcessAdapter } from '../../src/cli/inProcessAdapter';
import { silentLogger } from '../../src/logger';
import { activity, post, SHARED_NLU_CACHE, startBot, startCallbackServer, tempDir, type RunningBot } from '../support/botServer';
import { unhelpful } from './hostileCorpus';
import { activityArb, httpBodyArb, textArb } from './propertyArbitraries';

/**
 * Property-based: thousands of random activity shapes and texts through the real bot, most of them
 * in process (the same assembleBot the server runs), a few hundred over real HTTP. A failure prints
 * fast-check's seed and the shrunk input; replay with PROPERTY_SEED=<seed>.
 */
const seed = process.env.PROPERTY_SEED ? Number(process.env.PROPERTY_SEED) : undefined;
const scale = Number(process.env.PROPERTY_SCALE ?? 1);
const runs = (n: number) => Math.max(1, Math.round(n * scale));

const SNAPSHOT_SQL = `SELECT (SELECT COUNT(*) FROM orders) AS orders, (SELECT COUNT(*) FROM order_items) AS items,
  (SELECT COUNT(*) FROM customers) AS customers, (SELECT SUM(price_cents) FROM products) AS prices,
  (SELECT COUNT(*) FROM promotions) AS promotions, (SELECT COUNT(*) FROM price_changes) AS priceChanges`;

/** Replies must read as a person's answer: no leaked "undefined", "NaN", "[object Object]", no walls of text. */
function insane(replies: Partial<Activity>[], input: string): string | undefined {
  return unhelpful(replies.filter((r) => r.type === 'message').map((a) => ({ activity: a })), input) ?? undefined;
}

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

describe('random activities and texts (fast-check)', () => {
  let dir: string;
  let db: Db;
  let before: unknown;
  let assembled: ReturnType<typeof assembleBot>;
  let activities = 0;

  beforeAll(() => {
    dir = tempDir('shopmate-property-');
    db = openDatabase(path.join(dir, 'shop.db'));
    buildDemoStore(db, { seed: 5, customers: 200, targetLines: 3000 });
    before = db.prepare(SNAPSHOT_SQL).get();
    assembled = assembleBot({ db, logger: silentLogger, nluCacheDir: SHARED_NLU_CACHE });
    assembled.engine.search.refreshStats();
    assembled.engine.recommender.refresh();
  });

  afterAll(() => {
    db?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  let conversation = 0;
  /** One new conversation in process; returns the replies to each activity. */
  async function converse(turns: Partial<Activity>[]): Promise<Partial<Activity>[][]> {
    const replies: Partial<Activity>[][] = [];
    let current: Partial<Activity>[] = [];
    const id = `prop-${++conversation}`;
    const adapter = new InProcessAdapter((a) => current.push(a), { userId: `${id}-user`, conversationId: id });
    for (const turn of turns) {
      current = [];
      activities++;
      await adapter.receive(turn, (context) => assembled.bot.run(context));
      replies.push(current);
    }
    return replies;
  }

  it('answers any text helpfully, in process', async () => {
    await fc.assert(
      fc.asyncProperty(textArb, async (text) => {
        const [replies] = await converse([{ type: 'message', text }]);
        expect(insane(replies, text) ?? 'ok').toBe('ok');
      }),
      { numRuns: runs(5000), seed },
    );
  }, 120_000);

  it('runs any activity shape without an error in the turn, and answers every message, in process', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(activityArb, { minLength: 1, maxLength: 4 }), async (turns) => {
        const replies = await converse(turns as Partial<Activity>[]);
        turns.forEach((turn, i) => {
          if (turn.type !== 'message') return;
          expect(insane(replies[i], `${turn.text ?? ''} ${JSON.stringify(turn.value ?? '')}`) ?? 'ok').toBe('ok');
        });
      }),
      { numRuns: runs(2500), seed },
    );
  }, 120_000);

  it('leaves orders, accounts, prices and promotions as they were, and carts sane', () => {
    expect(db.prepare(SNAPSHOT_SQL).get()).toEqual(before);
    expect(db.prepare('SELECT COUNT(*) AS n FROM cart_items WHERE quantity < 1 OR quantity > 999').get()).toEqual({ n: 0 });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  describe('over real HTTP', () => {
    let bot: RunningBot;
    let channel: Awaited<ReturnType<typeof startCallbackServer>>;

    beforeAll(async () => {
      const file = path.join(dir, 'http.db');
      const httpDb = openDatabase(file);
      buildDemoStore(httpDb, { seed: 6, customers: 100, targetLines: 1000 });
      httpDb.close();
      channel = await startCallbackServer();
      bot = await startBot({ DB_PATH: file });
    });

    afterAll(async () => {
      await bot?.stop();
      await channel?.close();
    });

    it('never answers a random body with a 5xx; a message it accepts gets a reply that is not an apology', async () => {
      const base = activity('http://placeholder', 'placeholder', {});
      let n = 0;
      await fc.assert(
        fc.asyncProperty(httpBodyArb({ ...base }), async (generated) => {
          const conversationId = `prop-http-${++n}`;
          const body = isRecord(generated)
            ? { ...generated, serviceUrl: channel.url, conversation: generated.conversation === base.conversation ? { id: conversationId } : generated.conversation }
            : generated;
          activities++;
          const seen = channel.received.length;
          const { status } = await post(bot.url, body);
          expect(status).toBeLessThan(500);
          const message = isRecord(body) && body.type === 'message';
          if (status === 200 && message) {
            const replies = channel.received.slice(seen).filter((r) => r.conversationId === conversationId);
            expect(unhelpful(replies, JSON.stringify(body)) ?? 'ok').toBe('ok');
          }
        }),
        { numRuns: runs(300), seed },
      );
      const errors = bot.output().split('\n').filter((l) => l.includes('unhandled error in turn')).map((l) => l.slice(0, 300));
      expect(errors).toEqual([]);
      expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
    }, 120_000);
  });

  it('tried at least 10 000 activities in all', () => {
    expect(activities).toBeGreaterThanOrEqual(runs(10_000));
  });
});
