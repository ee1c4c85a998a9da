import { describe, expect, it } from 'vitest';
import { ConversationState, MemoryStorage, TestAdapter, TurnContext, UserState, type BotState, type Storage, type StoreItems } from 'botbuilder';
import { JsonConversationState, JsonUserState } from '../../src/state/jsonState';

/** MemoryStorage that records the keys of every write. */
class RecordingStorage extends MemoryStorage {
  readonly writes: string[][] = [];
  override write(changes: StoreItems): Promise<void> {
    this.writes.push(Object.keys(changes));
    return super.write(changes);
  }
}

const turn = (conversation = 'conv-1', user = 'user-1') =>
  new TurnContext(new TestAdapter(), { type: 'message', channelId: 'test', conversation: { id: conversation } as never, from: { id: user, name: 'User' }, recipient: { id: 'bot', name: 'Bot' }, text: 'hi' });

// The same behaviour as botbuilder's own state classes, which are run through these tests too.
const implementations: [string, new (storage: Storage) => BotState][] = [
  ['ConversationState (botbuilder)', ConversationState],
  ['JsonConversationState', JsonConversationState],
  ['UserState (botbuilder)', UserState],
  ['JsonUserState', JsonUserState],
];

describe.each(implementations)('%s', (_name, State) => {
  it('uses the same storage key as botbuilder', async () => {
    const storage = new RecordingStorage();
    const state = new State(storage);
    const context = turn();
    await state.createProperty('n').set(context, 1);
    await state.saveChanges(context);
    const expected = State === ConversationState || State === JsonConversationState ? 'test/conversations/conv-1/' : 'test/users/user-1/';
    expect(storage.writes).toEqual([[expected]]);
  });

  it('writes only when the state changed, and reads it back on the next turn', async () => {
    const storage = new RecordingStorage();
    const state = new State(storage);
    const count = state.createProperty<number>('count');
    const first = turn();
    expect(await count.get(first)).toBeUndefined();
    await state.saveChanges(first);
    expect(storage.writes).toHaveLength(0);
    await count.set(first, 1);
    await state.saveChanges(first);
    await state.saveChanges(first);
    expect(storage.writes).toHaveLength(1);

    const second = turn();
    expect(await count.get(second)).toBe(1);
    const list = await state.createProperty<number[]>('list').get(second, []);
    await state.saveChanges(second);
    expect(storage.writes).toHaveLength(2); // a default value stored by get() is a change
    list.push(7); // a change made in place to a loaded object
    await state.saveChanges(second);
    expect(storage.writes).toHaveLength(3);
    expect(await state.createProperty('list').get(turn())).toEqual([7]);
  });

  it('saves when forced, starts empty after clear, and forgets everything after delete', async () => {
    const storage = new RecordingStorage();
    const state = new State(storage);
    const name = state.createProperty<string>('name');
    const context = turn();
    await name.set(context, 'Ann');
    await state.saveChanges(context);
    await state.saveChanges(context, true);
    expect(storage.writes).toHaveLength(2);

    const clearing = turn();
    expect(await name.get(clearing)).toBe('Ann');
    await state.clear(clearing);
    expect(await name.get(clearing)).toBeUndefined();
    await state.saveChanges(clearing);
    expect(storage.writes).toHaveLength(3);
    expect(await name.get(turn())).toBeUndefined();

    const deleting = turn();
    await name.set(deleting, 'Bob');
    await state.saveChanges(deleting);
    expect(state.get(deleting)).toMatchObject({ name: 'Bob' });
    await state.delete(deleting);
    expect(state.get(deleting)).toBeUndefined();
    expect(await name.get(turn())).toBeUndefined();
  });

  it('keeps conversations and users apart', async () => {
    const state = new State(new MemoryStorage());
    const a = turn('conv-a', 'user-a');
    await state.createProperty('x').set(a, 'a');
    await state.saveChanges(a);
    expect(await state.createProperty('x').get(turn('conv-b', 'user-b'))).toBeUndefined();
  });

  it('rejects a turn without the ids its key needs', async () => {
    const state = new State(new MemoryStorage());
    const context = new TurnContext(new TestAdapter(), { type: 'message', channelId: 'test', text: 'hi' });
    // botbuilder's throws at once, ours rejects: either way an awaiting caller gets the error.
    await expect(Promise.resolve().then(() => state.load(context))).rejects.toThrow(/missing/);
  });
});
