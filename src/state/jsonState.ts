import { BotState, ConversationState, UserState, type TurnContext } from 'botbuilder';

type State = Record<string, unknown>;
// A mixin base must take `...args: any[]` (TS2545); ConversationState and UserState take (storage, namespace?).
type BotStateClass = new (...args: any[]) => BotState;

/** A turn's state as loaded, and its JSON when it was read or last written ('' forces a save). */
interface Cached {
  state: State;
  saved: string;
}

/** The state as it would be stored, without the eTag (which is not part of the data). */
function json(state: State): string {
  const { eTag: _eTag, ...data } = state;
  return JSON.stringify(data);
}

/**
 * BotState's contract (load once per turn, save only when changed, clear, delete) with the change
 * check done by comparing JSON text. botbuilder's BotState hashes the state for it (a
 * JSON.stringify with a replacer function, then SHA-256) when it loads, before it saves and again
 * after each write, on every turn; a plain JSON.stringify at load and at save does the same job.
 */
export function jsonState<Base extends BotStateClass>(base: Base) {
  return class extends base {
    private readonly cacheKey = Symbol('jsonState');

    override async load(context: TurnContext, force = false): Promise<any> {
      const cached = context.turnState.get(this.cacheKey) as Cached | undefined;
      if (cached && !force) return cached.state;
      const key = await this.storageKey(context);
      const items = await this.storage.read([key]);
      const state = (items[key] ?? {}) as State;
      context.turnState.set(this.cacheKey, { state, saved: json(state) } satisfies Cached);
      return state;
    }

    override async saveChanges(context: TurnContext, force = false): Promise<void> {
      let cached = context.turnState.get(this.cacheKey) as Cached | undefined;
      const current = cached && json(cached.state);
      if (!force && (!cached || current === cached.saved)) return;
      const key = await this.storageKey(context);
      cached ??= { state: {}, saved: '' };
      cached.state.eTag = '*';
      await this.storage.write({ [key]: cached.state });
      cached.saved = current ?? json(cached.state);
      context.turnState.set(this.cacheKey, cached);
    }

    override async clear(context: TurnContext): Promise<void> {
      context.turnState.set(this.cacheKey, { state: {}, saved: '' } satisfies Cached);
    }

    override async delete(context: TurnContext): Promise<void> {
      context.turnState.delete(this.cacheKey);
      const key = await this.storageKey(context);
      await this.storage.delete([key]);
    }

    override get(context: TurnContext): any {
      return (context.turnState.get(this.cacheKey) as Cached | undefined)?.state;
    }
  };
}

/** Conversation state (same storage keys as botbuilder's ConversationState) with JSON change detection. */
export const JsonConversationState = jsonState(ConversationState);
/** User state (same storage keys as botbuilder's UserState) with JSON change detection. */
export const JsonUserState = jsonState(UserState);
