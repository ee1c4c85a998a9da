import { MessageFactory } from 'botbuilder';
import type { DialogTurnResult } from 'botbuilder-dialogs';
import { SingleStepDialog, type Step } from './singleStepDialog';
import type { Recommendation, ShopServices } from '../src/bot/services';
import type { Understanding } from '../src/bot/understanding';
import type { CardActionValue } from '../src/bot/actions';
import { entitiesOf, filtersFrom } from '../src/bot/entities';
import { readSession, userIdOf } from '../src/bot/session';
import { resolveProduct } from '../src/bot/productRef';
import { button, productCard, productCarousel } from '../src/replies/products';

export const RECOMMEND_DIALOG = 'recommendDialog';
const K = 5;

export interface RecommendDialogOptions {
  understanding?: Understanding;
  action?: CardActionValue;
}

/**
 * Recommendations with a reason on each: personal for a known customer, popular for a newcomer,
 * "similar to this", and "goes with your cart". "Not interested" is remembered.
 */
export class RecommendDialog extends SingleStepDialog<RecommendDialogOptions> {
  constructor(services: ShopServices) {
    super(RECOMMEND_DIALOG, services);
  }

  protected async run(step: Step<RecommendDialogOptions>): Promise<DialogTurnResult> {
    const { engine, recommendations } = this.services;
    const session = await readSession(this.services.session, step.context);
    const userId = userIdOf(step.context);
    const customerId = engine.identity.customerFor(userId)?.id ?? null;
    const { action, understanding } = step.options;

    if (action?.action === 'not_interested') {
      const recorded = engine.interactions.record(userId, customerId, action.productId, 'dismiss', engine.clock.now().toISOString());
      await step.context.sendActivity(recorded ? "Got it, I won't suggest that again." : "I couldn't find that product any more, so there's nothing to hide.");
      return step.endDialog();
    }

    const e = entitiesOf(understanding);
    const f = filtersFrom(e);
    const options = {
      k: K,
      category: f.category,
      minPriceCents: f.minPriceCents,
      maxPriceCents: f.maxPriceCents,
      inStockOnly: true,
      exclude: engine.interactions.dismissed(userId, customerId),
    };
    let heading: string;
    let recs: Recommendation[];
    // The cart is read only when the customer asks about it (pricing it costs a lookup per line).
    const cart = e.scope === 'cart' ? engine.carts.view(userId, customerId) : undefined;
    const about =
      action?.action === 'similar' ? action.productId
      : e.products?.length || e.ordinal !== undefined || e.scope === 'this' ? resolveProduct(engine, session, e)
      : undefined;
    if (about !== undefined) {
      recs = recommendations.similarTo(about, options);
      heading = `Similar to ${engine.products.byId(about)?.name ?? 'that'}:`;
      session.focus = about;
    } else if (cart && cart.lines.length > 0) {
      recs = recommendations.forCart(cart.lines.map((l) => l.product.id), options);
      heading = 'These go well with what is in your cart:';
    } else {
      recs = recommendations.forCustomer(customerId, options);
      heading = customerId ? 'Picked for you:' : 'Popular right now (sign in and I can pick for you):';
    }
    if (recs.length === 0) {
      await step.context.sendActivity(MessageFactory.suggestedActions(['Find a product'], "I don't have good suggestions for that yet. Tell me what you're looking for and I'll search."));
      return step.endDialog();
    }
    const cards = recs.flatMap((r) => {
      const p = engine.products.byId(r.productId);
      if (!p) return [];
      const card = productCard(p, this.services.offers.priceFor(p.id, customerId), engine.policy.currency, r.reason);
      (card.content as { buttons: unknown[] }).buttons.push(button('Not interested', { action: 'not_interested', productId: p.id }));
      return [card];
    });
    session.shown = recs.map((r) => r.productId);
    await step.context.sendActivity(productCarousel(heading, cards, ['Show my cart', "Today's deals"]));
    return step.endDialog();
  }
}
