import path from 'node:path';
import { ConversationState, MemoryStorage, type Activity, type Middleware, type TurnContext } from 'botbuilder';
import { DialogTestClient } from 'botbuilder-testing';
import { Engine } from '../../src/engine';
import { fixedClock, type Clock } from '../../src/engine/clock';
import { loadPolicy } from '../../src/engine/policy';
import { setUnderstanding, type Understanding } from '../../src/bot/understanding';
import type { Offers, Recommendations, ShopServices } from '../../src/bot/services';
import type { ShopEntities } from '../../src/bot/entities';
import { MainDialog } from '../../dialogs/mainDialog';
import { tinyStore } from './fixtures';

export const policy = loadPolicy(path.resolve(__dirname, '../../data/policy.json'));

/** A test seam for the NLU: what the dialogs would be told about a message. */
export function understood(intent: string, entities: ShopEntities = {}, extra: Partial<Understanding> = {}): Omit<Understanding, 'text'> {
  return { intent, confidence: 0.95, alternatives: [], entities, sentiment: { label: 'neutral', score: 0 }, ...extra };
}

/** Recommendations that simply follow the catalogue order, recording what they were asked. */
export function fakeRecommendations(engine: Engine): Recommendations & { calls: string[] } {
  const calls: string[] = [];
  const list = (reason: string, exclude: number[] = [], skip: number[] = []) =>
    engine.products.all().filter((p) => !exclude.includes(p.id) && !skip.includes(p.id) && p.stock > 0).slice(0, 3).map((p, i) => ({ productId: p.id, score: 1 - i / 10, reason, source: 'fake' }));
  return {
    calls,
    forCustomer: (customerId, o) => (calls.push(`forCustomer:${customerId}`), list(customerId ? 'Because you bought things like it' : 'Popular this week', o.exclude)),
    similarTo: (id, o) => (calls.push(`similarTo:${id}`), list('Similar', o.exclude, [id])),
    forCart: (ids, o) => (calls.push(`forCart:${ids.join(',')}`), list('Often bought together', o.exclude, ids)),
  };
}


/**
 * The main dialog on a tiny store, driven through DialogTestClient with the NLU replaced by a table.
 * `say` returns every reply of the turn.
 */
export function dialogHarness(table: Record<string, Omit<Understanding, 'text'>>, options: { clock?: Clock; offers?: (engine: Engine) => Offers } = {}) {
  const store = tinyStore();
  const engine = new Engine(store.db, options.clock ?? fixedClock('2025-03-01T10:00:00Z'), { policy });
  const conversationState = new ConversationState(new MemoryStorage());
  const recommendations = fakeRecommendations(engine);
  const services: ShopServices = {
    engine,
    session: conversationState.createProperty('shopping'),
    recommendations,
    offers: options.offers?.(engine) ?? { offersFor: () => [], priceFor: (id) => ({ priceCents: engine.products.get(id).priceCents }) },
    sentiment: (text) => (/great|love|good/.test(text) ? { label: 'positive', score: 3 } : /bad|awful|broke/.test(text) ? { label: 'negative', score: -3 } : { label: 'neutral', score: 0 }),
  };
  const nlu: Middleware = {
    onTurn: async (context: TurnContext, next) => {
      const text = (context.activity.text ?? '').trim();
      const known = table[text] ?? table[text.toLowerCase()];
      setUnderstanding(context, { text, ...(known ?? understood('out_of_scope')) });
      await next();
    },
  };
  const client = new DialogTestClient('test', new MainDialog(services), undefined, [nlu], conversationState);
  const say = async (activity: string | Partial<Activity>): Promise<Partial<Activity>[]> => {
    const first = await client.sendActivity(typeof activity === 'string' ? { type: 'message', text: activity, from: { id: 'user-1', name: 'Ann' } } : { type: 'message', from: { id: 'user-1', name: 'Ann' }, ...activity });
    const replies: Partial<Activity>[] = first ? [first] : [];
    for (let next = client.getNextReply(); next; next = client.getNextReply()) replies.push(next);
    return replies;
  };
  return { ...store, engine, services, recommendations, client, say };
}

/** All the words of a turn's replies: text, card titles and texts, button titles. */
export function words(replies: Partial<Activity>[]): string {
  return replies
    .map((r) => {
      const cards = (r.attachments ?? []).map((a) => JSON.stringify(a.content));
      const actions = (r.suggestedActions?.actions ?? []).map((a) => a.title);
      return [r.text, ...cards, ...actions].filter(Boolean).join(' ');
    })
    .join('\n');
}

export function cardsOf(replies: Partial<Activity>[]) {
  return replies.flatMap((r) => r.attachments ?? []).map((a) => a.content as { title?: string; buttons?: { title: string; value: unknown }[]; body?: unknown[] });
}
