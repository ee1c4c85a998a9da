import type { DialogTurnResult } from 'botbuilder-dialogs';
import { SingleStepDialog, type Step } from './singleStepDialog';
import { MessageFactory } from 'botbuilder';
import type { ShopServices } from '../src/bot/services';
import type { Understanding } from '../src/bot/understanding';
import { entitiesOf, filtersFrom, isRefinement, type ShopEntities } from '../src/bot/entities';
import { readSession, userIdOf } from '../src/bot/session';
import type { SearchFilters } from '../src/engine/search';
import { productCard, productCarousel } from '../src/replies/products';
import { describeFilters } from '../src/replies/filters';

export const SEARCH_DIALOG = 'searchDialog';
const PAGE = 5;

export interface SearchOptions {
  understanding?: Understanding;
  /** "show more": the next page of the last search. */
  more?: boolean;
}

/** Plain-words catalogue search with follow-up refinements ("cheaper", "in blue", "only Nike", "show more"). */
export class SearchDialog extends SingleStepDialog<SearchOptions> {
  constructor(services: ShopServices) {
    super(SEARCH_DIALOG, services);
  }

  protected async run(step: Step<SearchOptions>): Promise<DialogTurnResult> {
    const { engine, session: accessor, offers } = this.services;
    const session = await readSession(accessor, step.context);
    const e = entitiesOf(step.options.understanding);
    // The prices shown last are only needed to refine by "cheaper" or "pricier": a lookup per card otherwise wasted.
    const byPrice = e.refinement === 'cheaper' || e.refinement === 'pricier';
    const filters = nextFilters(session.search, e, step.options.more === true || e.refinement === 'more', byPrice ? pricesShown(this.services, session.shown) : []);
    if (!filters) {
      await step.context.sendActivity(MessageFactory.suggestedActions(['Mugs', 'Running shoes', 'Gifts under £20'], 'What are you looking for? Tell me in your own words, like "red mugs under £10".'));
      return step.endDialog();
    }
    const result = engine.search.search({ ...filters, limit: PAGE });
    session.search = filters;
    if (result.items.length === 0) {
      await step.context.sendActivity(
        filters.offset
          ? "That's everything I have for that search."
          : `I couldn't find anything for ${describeFilters(filters, engine.policy.currency)}. Try fewer words, or another colour or price.`,
      );
      return step.endDialog();
    }
    session.shown = result.items.map((p) => p.id);
    session.focus = undefined;
    const customer = engine.identity.customerFor(userIdOf(step.context));
    const cards = result.items.map((p) => productCard(p, offers.priceFor(p.id, customer?.id ?? null), engine.policy.currency));
    const from = (filters.offset ?? 0) + 1;
    const to = (filters.offset ?? 0) + result.items.length;
    const heading = `${result.total === 1 ? 'One match' : `${from}–${to} of ${result.total}`} for ${describeFilters(filters, engine.policy.currency)}${
      result.matched === 'any' ? " (nothing matched every word, so here's the closest)" : ''
    }:`;
    const suggestions = ['Cheaper', ...(to < result.total ? ['Show more'] : []), 'Recommend something'];
    await step.context.sendActivity(productCarousel(heading, cards, suggestions));
    return step.endDialog();
  }
}

/** The search to run: a new one, the last one refined, or the last one's next page. */
export function nextFilters(
  previous: SearchFilters | undefined,
  e: ShopEntities,
  more: boolean,
  shownPrices: number[],
): SearchFilters | undefined {
  const named = filtersFrom(e);
  if (previous && more) return { ...previous, offset: (previous.offset ?? 0) + PAGE };
  // "in blue", "only Nike", "under £20" narrow the last search; naming another category starts a new one.
  const newCategory = named.category !== undefined && named.category.toLowerCase() !== previous?.category?.toLowerCase();
  const refining = previous && !newCategory && (isRefinement(e) || e.refinement !== undefined);
  let filters: SearchFilters = refining ? { ...previous, ...named, offset: 0 } : { ...named };
  if (e.refinement === 'cheaper' && shownPrices.length) {
    filters = { ...filters, maxPriceCents: Math.max(0, Math.ceil(median(shownPrices)) - 1), sort: 'price_desc' };
  } else if (e.refinement === 'pricier' && shownPrices.length) {
    filters = { ...filters, minPriceCents: Math.floor(median(shownPrices)) + 1, sort: 'price_asc' };
  }
  const empty = !filters.query && !filters.category && !filters.brand && !filters.colour && !filters.size &&
    filters.maxPriceCents === undefined && filters.minPriceCents === undefined;
  return empty ? undefined : filters;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function pricesShown(services: ShopServices, ids: number[] | undefined): number[] {
  return (ids ?? []).map((id) => services.engine.products.byId(id)?.priceCents).filter((p): p is number => p !== undefined);
}
