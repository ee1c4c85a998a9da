import { describe, expect, it } from 'vitest';
import { TurnContext, type ConversationReference } from 'botbuilder';
import { openDatabase } from '../../src/engine/db';
import { DirectLineRepo } from '../../src/engine/repos/directLine';
import { ConversationLog } from '../../src/directline/conversationLog';
import { DirectLineAdapter, directLineIdentity } from '../../src/directline/directLineAdapter';
import { silentLogger } from '../../src/logger';

function setup() {
  const repo = new DirectLineRepo(openDatabase(':memory:'));
  const log = new ConversationLog(repo, { now: () => new Date('2024-05-01T10:00:00Z') });
  const adapter = new DirectLineAdapter(log, { id: 'shopmate', name: 'Test Shop', role: 'bot' }, silentLogger);
  repo.createConversation('conv-12345678', 'web-1', '2024-05-01T10:00:00Z');
  return { adapter, log };
}

describe('DirectLineAdapter', () => {
  it('sends proactive messages into an existing conversation log, addressed to the user', async () => {
    const { adapter, log } = setup();
    let reference: Partial<ConversationReference> | undefined;
    const first = adapter.accept('conv-12345678', { userId: 'web-1', role: 'user' }, { type: 'message', text: 'hi' });
    await adapter.runTurn(first, { userId: 'web-1', role: 'user' }, async (context) => {
      expect(directLineIdentity(context)).toEqual({ userId: 'web-1', role: 'user' });
      reference = TurnContext.getConversationReference(context.activity);
    });
    await adapter.continueConversation(reference!, async (context) => {
      expect(directLineIdentity(context)).toBeUndefined(); // nobody's token: no identity to trust
      await context.sendActivity('A person from the shop has joined.');
    });
    const { activities } = log.since('conv-12345678', 1);
    expect(activities).toHaveLength(1);
    expect(activities[0]).toMatchObject({ text: 'A person from the shop has joined.', from: { id: 'shopmate', role: 'bot' }, recipient: { id: 'web-1' } });
  });

  it('honours delay activities, drops trace activities and refuses to edit delivered ones', async () => {
    const { adapter, log } = setup();
    const first = adapter.accept('conv-12345678', { userId: 'web-1', role: 'user' }, { type: 'message', text: 'hi' });
    let elapsed = 0;
    await adapter.runTurn(first, { userId: 'web-1', role: 'user' }, async (context) => {
      const started = Date.now();
      const ids = await context.sendActivities([{ type: 'message', text: 'one' }, { type: 'delay', value: 30 }, { type: 'trace', name: 'x' }, { type: 'message', text: 'two' }]);
      elapsed = Date.now() - started;
      expect(ids.map((r) => r.id)).toEqual(['conv-12345678|0000002', '', '', 'conv-12345678|0000003']);
      await expect(context.updateActivity({ id: ids[0].id, type: 'message', text: 'edited' })).rejects.toThrow(/cannot update/);
    });
    expect(elapsed).toBeGreaterThanOrEqual(25);
    expect(log.since('conv-12345678', 1).activities.map((a) => a.text)).toEqual(['one', 'two']);
  });

  it('resolves idle() only after queued turns have finished', async () => {
    const { adapter, log } = setup();
    const first = adapter.accept('conv-12345678', { userId: 'web-1', role: 'user' }, { type: 'message', text: 'hi' });
    void adapter.runTurn(first, { userId: 'web-1', role: 'user' }, async (context) => {
      await new Promise((r) => setTimeout(r, 20));
      await context.sendActivity('done');
    });
    await adapter.idle();
    expect(log.since('conv-12345678', 1).activities.map((a) => a.text)).toEqual(['done']);
  });
});
