import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { SearchFilters } from '../engine/search';

/** What the conversation remembers between turns: small, plain JSON. */
export interface ShopSession {
  /** The last search, so "cheaper", "in blue" and "show more" refine it. */
  search?: SearchFilters;
  /** Product ids shown in the last list, in order, so "the second one" resolves. */
  shown?: number[];
  /** The product the customer was last looking at. */
  focus?: number;
}

export type SessionAccessor = StatePropertyAccessor<ShopSession>;

export async function readSession(accessor: SessionAccessor, context: TurnContext): Promise<ShopSession> {
  return accessor.get(context, {});
}

export const userIdOf = (context: TurnContext): string => context.activity.from?.id ?? 'anonymous';
export const conversationIdOf = (context: TurnContext): string => context.activity.conversation?.id ?? 'unknown';
