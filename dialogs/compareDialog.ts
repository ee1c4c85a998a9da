import { CardFactory, MessageFactory } from 'botbuilder';
import type { DialogTurnResult } from 'botbuilder-dialogs';
import { SingleStepDialog, type Step } from './singleStepDialog';
import type { ShopServices } from '../src/bot/services';
import type { Understanding } from '../src/bot/understanding';
import { entitiesOf } from '../src/bot/entities';
import { readSession, userIdOf } from '../src/bot/session';
import { resolveProducts } from '../src/bot/productRef';
import { priceText, stockText } from '../src/replies/products';

export const COMPARE_DIALOG = 'compareDialog';

/** Two or three products side by side: price, rating, brand, colour, size, stock. */
export class CompareDialog extends SingleStepDialog<{ understanding?: Understanding }> {
  constructor(services: ShopServices) {
    super(COMPARE_DIALOG, services);
  }

  protected async run(step: Step<{ understanding?: Understanding }>): Promise<DialogTurnResult> {
    const { engine, offers } = this.services;
    const session = await readSession(this.services.session, step.context);
    const ids = resolveProducts(engine, session, entitiesOf(step.options.understanding), 3);
    const products = ids.map((id) => engine.products.byId(id)).filter((p) => p !== undefined);
    if (products.length < 2) {
      await step.context.sendActivity('Which products should I compare? Search first and say "compare them", or name two products.');
      return step.endDialog();
    }
    const customerId = engine.identity.customerFor(userIdOf(step.context))?.id ?? null;
    const rows = (p: (typeof products)[number]) => {
      const rating = engine.reviews.summary(p.id);
      return [
        ['Price', priceText(offers.priceFor(p.id, customerId), engine.policy.currency).replace(/~~|\*\*/g, '')],
        ['Rating', rating.average === null ? 'no reviews' : `★ ${rating.average.toFixed(1)} (${rating.count})`],
        ['Brand', p.brand || '–'],
        ['Colour', p.colour || '–'],
        ['Size', p.size || '–'],
        ['Stock', stockText(p.stock)],
      ];
    };
    const card = CardFactory.adaptiveCard({
      type: 'AdaptiveCard',
      version: '1.3',
      body: [
        {
          type: 'ColumnSet',
          columns: products.map((p) => ({
            type: 'Column',
            width: 'stretch',
            items: [
              { type: 'TextBlock', text: p.name, weight: 'Bolder', wrap: true },
              ...rows(p).map(([k, v]) => ({ type: 'TextBlock', text: `${k}: ${v}`, wrap: true, spacing: 'Small' })),
            ],
          })),
        },
      ],
      actions: products.map((p) => ({ type: 'Action.Submit', title: `Add ${p.name.slice(0, 20)}`, data: { action: 'add_to_cart', productId: p.id } })),
    });
    session.shown = products.map((p) => p.id);
    await step.context.sendActivity(MessageFactory.attachment(card, `Comparing ${products.length} products:`));
    return step.endDialog();
  }
}
