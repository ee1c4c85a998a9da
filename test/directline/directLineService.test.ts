import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/engine/db';
import { createDirectLine } from '../../src/directline/mountDirectLine';
import { RESUME_GRACE_SECONDS } from '../../src/directline/directLineService';
import { DirectLineError } from '../../src/directline/errors';
import { APOLOGY } from '../../src/adapter';
import { silentLogger } from '../../src/logger';
import { fakeBot } from './fakeBot';

function setup(ttl = 3600) {
  let now = Date.parse('2024-05-01T10:00:00Z');
  const clock = { now: () => new Date(now), advance: (s: number) => (now += s * 1000) };
  const db = openDatabase(':memory:');
  const dl = createDirectLine({ db, logic: fakeBot(), logger: silentLogger, clock, storeName: 'Test Shop', tokenTtlSeconds: ttl });
  return { dl, service: dl.service, clock, db };
}

const bearer = (token: string) => `Bearer ${token}`;

async function statusOf(fn: () => unknown): Promise<number | undefined> {
  try {
    await fn();
    return undefined;
  } catch (err) {
    if (!(err instanceof DirectLineError)) throw err;
    return err.status;
  }
}

/** A visitor: page token, then a started conversation. */
async function visitor(service: ReturnType<typeof setup>['service']) {
  const session = service.session(undefined);
  const started = await service.start(bearer(session.token));
  return { userId: session.userId, conversationId: started.body.conversationId!, token: started.body.token, created: started.created };
}

describe('DirectLineService', () => {
  it('gives each new visitor their own anonymous user id', () => {
    const { service } = setup();
    const a = service.session(undefined);
    const b = service.session(undefined);
    expect(a.userId).toMatch(/^web-[A-Za-z0-9_-]{16}$/);
    expect(b.userId).not.toBe(a.userId);
    expect(a.conversationId).toBeUndefined();
    expect(a.expires_in).toBe(3600);
  });

  it('starts a conversation in which the bot greets first, and binds the token to it', async () => {
    const { service } = setup();
    const v = await visitor(service);
    expect(v.created).toBe(true);
    expect(v.conversationId).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const { activities, watermark } = service.activities(bearer(v.token), v.conversationId, '');
    expect(activities.map((a) => a.text)).toEqual(['Welcome to the test shop!']);
    expect(activities[0]).toMatchObject({ id: `${v.conversationId}|0000001`, from: { id: 'shopmate', role: 'bot' }, recipient: { id: v.userId } });
    expect(watermark).toBe('1');
    // Starting again with the bound token resumes the same conversation without a second greeting.
    const again = await service.start(bearer(v.token));
    expect(again).toMatchObject({ created: false, body: { conversationId: v.conversationId } });
    expect(service.activities(bearer(v.token), v.conversationId, '').activities).toHaveLength(1);
  });

  it('logs the posted activity with a server id and the token user as sender, then the replies to it', async () => {
    const { service } = setup();
    const v = await visitor(service);
    const posted = await service.post(bearer(v.token), v.conversationId, {
      type: 'message',
      text: 'hello',
      id: 'client-chosen',
      from: { id: 'someone-else', name: 'Ana', role: 'bot' },
      conversation: { id: 'other' },
      channelData: { clientActivityID: 'c-1' },
    });
    expect(posted.id).toBe(`${v.conversationId}|0000002`);
    const { activities, watermark } = service.activities(bearer(v.token), v.conversationId, '1');
    expect(activities.map((a) => [a.type, a.text ?? null])).toEqual([['message', 'hello'], ['typing', null], ['message', 'echo: hello']]);
    const [mine, typing, reply] = activities;
    expect(mine).toMatchObject({ id: posted.id, from: { id: v.userId, name: 'Ana', role: 'user' }, conversation: { id: v.conversationId }, channelData: { clientActivityID: 'c-1' }, channelId: 'directline' });
    expect(typing.replyToId).toBe(posted.id);
    expect(reply).toMatchObject({ replyToId: posted.id, from: { id: 'shopmate', role: 'bot' }, recipient: { id: v.userId } });
    expect(reply.timestamp).toBe('2024-05-01T10:00:00.000Z');
    expect(watermark).toBe('4');
    expect(service.activities(bearer(v.token), v.conversationId, watermark)).toEqual({ activities: [], watermark: '4' });
  });

  it('tells the bot who the token says the sender is', async () => {
    const { service } = setup();
    const v = await visitor(service);
    await service.post(bearer(v.token), v.conversationId, { type: 'message', text: 'whoami', from: { id: 'staff-boss' } });
    const staff = service.issueToken({ userId: 'staff-ana', role: 'staff' });
    const s = await service.start(bearer(staff.token));
    await service.post(bearer(s.body.token), s.body.conversationId!, { type: 'message', text: 'whoami' });
    const last = (token: string, id: string) => service.activities(bearer(token), id, '').activities.at(-1)?.text;
    expect(last(v.token, v.conversationId)).toBe(`${v.userId}/user/${v.userId}`);
    expect(last(s.body.token, s.body.conversationId!)).toBe('staff-ana/staff/staff-ana');
  });

  it('refuses other people\'s conversations (403), unknown ones (404) and missing tokens (401)', async () => {
    const { service } = setup();
    const alice = await visitor(service);
    const bob = await visitor(service);
    const bobUnbound = service.issueToken({ userId: bob.userId, role: 'user' });
    expect(await statusOf(() => service.activities(bearer(bob.token), alice.conversationId, ''))).toBe(403);
    expect(await statusOf(() => service.activities(bearer(bobUnbound.token), alice.conversationId, ''))).toBe(403);
    expect(await statusOf(() => service.post(bearer(bob.token), alice.conversationId, { type: 'message', text: 'hi' }))).toBe(403);
    expect(await statusOf(() => service.reconnect(bearer(bob.token), alice.conversationId))).toBe(403);
    expect(await statusOf(() => service.activities(bearer(bobUnbound.token), 'doesNotExist123', ''))).toBe(404);
    expect(await statusOf(() => service.activities(undefined, alice.conversationId, ''))).toBe(401);
    expect(await statusOf(() => service.post('Bearer nonsense', alice.conversationId, { type: 'message' }))).toBe(401);
    // A token minted for a conversation id that someone else already owns cannot take it over.
    const stolen = service.issueToken({ userId: bob.userId, role: 'user', conversationId: alice.conversationId });
    expect(await statusOf(() => service.start(bearer(stolen.token)))).toBe(403);
    expect(service.activities(bearer(alice.token), alice.conversationId, '').activities).toHaveLength(1);
  });

  it('rejects malformed activities and watermarks with 400 and logs nothing for them', async () => {
    const { service } = setup();
    const v = await visitor(service);
    for (const body of [undefined, null, 'hello', [1], {}, { type: 'conversationUpdate' }, { type: 'message', text: 42 }, { type: 'invoke' }]) {
      expect(await statusOf(() => service.post(bearer(v.token), v.conversationId, body)), JSON.stringify(body)).toBe(400);
    }
    for (const watermark of ['-1', 'abc', '1.5', ['1', '2'], '9'.repeat(20)]) {
      expect(await statusOf(() => service.activities(bearer(v.token), v.conversationId, watermark)), String(watermark)).toBe(400);
    }
    expect(service.activities(bearer(v.token), v.conversationId, undefined).watermark).toBe('1');
  });

  it('apologises in the conversation when the bot fails, and still acknowledges the activity', async () => {
    const { service } = setup();
    const v = await visitor(service);
    const { id } = await service.post(bearer(v.token), v.conversationId, { type: 'message', text: 'boom' });
    const { activities } = service.activities(bearer(v.token), v.conversationId, '1');
    expect(activities.map((a) => a.text)).toEqual(['boom', APOLOGY]);
    expect(activities[1].replyToId).toBe(id);
  });

  it('runs the turns of one conversation in arrival order, even when posted at once', async () => {
    const { service } = setup();
    const v = await visitor(service);
    await Promise.all([
      service.post(bearer(v.token), v.conversationId, { type: 'message', text: 'slow one' }),
      service.post(bearer(v.token), v.conversationId, { type: 'message', text: 'two' }),
    ]);
    const texts = service.activities(bearer(v.token), v.conversationId, '1').activities.filter((a) => a.type === 'message').map((a) => a.text);
    expect(texts).toEqual(['slow one', 'two', 'echo: slow one', 'echo: two']);
  });

  it('resumes the visitor\'s user and conversation from their token, within the grace period', async () => {
    const { service, clock } = setup(600);
    const v = await visitor(service);
    const resumed = service.session(bearer(v.token));
    expect(resumed).toMatchObject({ userId: v.userId, conversationId: v.conversationId });
    expect(service.reconnect(bearer(resumed.token), v.conversationId).conversationId).toBe(v.conversationId);

    clock.advance(601); // expired: the Direct Line calls refuse it, the page can still resume with it
    expect(await statusOf(() => service.activities(bearer(v.token), v.conversationId, ''))).toBe(403);
    expect(await statusOf(() => service.refresh(bearer(v.token)))).toBe(403);
    expect(service.session(bearer(v.token)).userId).toBe(v.userId);
    clock.advance(RESUME_GRACE_SECONDS);
    expect(service.session(bearer(v.token)).userId).not.toBe(v.userId);
  });

  it('does not resume an expired staff token, and never trusts a forged one', async () => {
    const { service, clock } = setup(600);
    const staff = service.issueToken({ userId: 'staff-ana', role: 'staff' });
    expect(service.session(bearer(staff.token))).toMatchObject({ userId: 'staff-ana' });
    clock.advance(601);
    expect(service.session(bearer(staff.token)).userId).toMatch(/^web-/);
    expect(service.session('Bearer e30.AAAA').userId).toMatch(/^web-/);
  });

  it('refreshes a token with the same claims and generates one for a new conversation of the same user', async () => {
    const { service, dl } = setup();
    const v = await visitor(service);
    const refreshed = service.refresh(bearer(v.token));
    expect(refreshed.conversationId).toBe(v.conversationId);
    expect(dl.tokens.verify(refreshed.token)).toMatchObject({ userId: v.userId, conversationId: v.conversationId });
    const generated = service.generate(bearer(v.token));
    expect(generated.conversationId).not.toBe(v.conversationId);
    const second = await service.start(bearer(generated.token));
    expect(second).toMatchObject({ created: true, body: { conversationId: generated.conversationId } });
    expect(await statusOf(() => service.activities(bearer(second.body.token), v.conversationId, ''))).toBe(403);
  });
});
