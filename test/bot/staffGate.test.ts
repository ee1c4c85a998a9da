import { describe, expect, it } from 'vitest';
import { ConversationState, MemoryStorage, UserState, type Activity } from 'botbuilder';
import { ShopBot } from '../../src/bot/shopBot';
import { StaffAuth } from '../../src/auth/staffAuth';
import { InProcessAdapter } from '../../src/cli/inProcessAdapter';
import { MainDialog } from '../../dialogs/mainDialog';
import { StaffDialog } from '../../dialogs/staff/staffDialog';
import { STAFF_COMMAND_DIALOGS } from '../../dialogs/staff';
import { Engine } from '../../src/engine';
import { fixedClock } from '../../src/engine/clock';
import { tinyStore } from '../support/fixtures';
import { fakeRecommendations, policy } from '../support/dialogHarness';
import { vouchForStaff } from '../../src/bot/staffCommand';

function botFor(options: { channelAuth?: boolean; staffIds?: string[] } = {}) {
  const { db } = tinyStore();
  const clock = fixedClock('2025-03-01T10:00:00Z');
  const engine = new Engine(db, clock, { policy });
  const storage = new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const services = {
    engine,
    session: conversationState.createProperty('shopping'),
    recommendations: fakeRecommendations(engine),
    offers: { offersFor: () => [], priceFor: (id: number) => ({ priceCents: engine.products.get(id).priceCents }) },
    sentiment: () => ({ label: 'neutral' as const, score: 0 }),
  };
  const bot = new ShopBot({
    conversationState,
    userState: new UserState(storage),
    dialog: new MainDialog(services),
    understand: (text) => ({ text, intent: 'out_of_scope', confidence: 0.9, alternatives: [], entities: {}, sentiment: { label: 'neutral', score: 0 } }),
    storeName: 'Test shop',
    transcripts: engine.support,
    staff: {
      auth: new StaffAuth({ staffIds: options.staffIds ?? ['alice'], token: 'tok-123', channelAuth: options.channelAuth ?? false, idleMinutes: 30, clock }),
      dialog: new StaffDialog(services, STAFF_COMMAND_DIALOGS),
      audit: (actor, action, detail, result) => engine.audit.record(clock.now().toISOString(), actor, action, detail, result),
    },
  });
  const chat = (userId: string, conversationId = 'conv-1') => {
    const replies: Partial<Activity>[] = [];
    const adapter = new InProcessAdapter((a) => replies.push(a), { userId, conversationId });
    return {
      say: async (text: string, vouched = false) => {
        replies.length = 0;
        await adapter.say(text, async (context) => {
          if (vouched) vouchForStaff(context);
          await bot.run(context);
        });
        return replies.map((r) => r.text ?? '').join('\n');
      },
    };
  };
  return { engine, chat };
}

describe('staff commands in chat', () => {
  it('gives a spoofed staff id on an anonymous endpoint the normal customer reply, revealing nothing', async () => {
    const { chat, engine } = botFor({ channelAuth: false });
    const reply = await chat('alice').say('/report');
    expect(reply).toMatch(/outside what I know/);
    expect(reply).not.toMatch(/staff|\/forecast|last 7 days/i);
    expect(engine.audit.recent()).toEqual([]);
  });

  it('runs commands for a staff id when channel auth is on, and audits them', async () => {
    const { chat, engine } = botFor({ channelAuth: true });
    expect(await chat('alice').say('/report')).toMatch(/The last 7 days/);
    expect(engine.audit.recent()[0]).toMatchObject({ actor: 'alice', action: 'report' });
  });

  it('elevates a conversation with /login <token>, never logging the token, and only that conversation', async () => {
    const { chat, engine } = botFor();
    const bob = chat('bob');
    expect(await bob.say('/login wrong')).toMatch(/outside what I know/);
    expect(await bob.say('/login tok-123')).toMatch(/Signed in as staff/);
    expect(await bob.say('/handoffs')).toMatch(/No customers are waiting/);
    expect(await chat('bob', 'conv-2').say('/handoffs')).toMatch(/outside what I know/);
    const actions = engine.audit.recent().map((a) => `${a.action}:${a.result}`);
    expect(actions).toEqual(expect.arrayContaining(['login:refused', 'login:ok', 'handoffs:none open']));
    const logged = JSON.stringify([engine.audit.recent(), engine.support.transcript('conv-1')]);
    expect(logged).not.toContain('tok-123');
    expect(logged).not.toContain('wrong');
    expect(await bob.say('/logout')).toMatch(/Signed out/);
    expect(await bob.say('/report')).toMatch(/outside what I know/);
  });

  it('trusts a turn a staff transport vouched for', async () => {
    const { chat } = botFor();
    expect(await chat('web-xyz').say('/help', true)).toMatch(/Staff commands/);
  });
});
