import { CardFactory, MessageFactory, type Attachment } from 'botbuilder';
import type { DialogTurnResult } from 'botbuilder-dialogs';
import { SingleStepDialog, type Step } from './singleStepDialog';
import type { ShopServices } from '../src/bot/services';
import type { Understanding } from '../src/bot/understanding';
import type { CardActionValue } from '../src/bot/actions';
import { entitiesOf } from '../src/bot/entities';
import { readSession, userIdOf } from '../src/bot/session';
import { resolveProduct } from '../src/bot/productRef';
import { button, priceText, stockText } from '../src/replies/products';
import { reviewSummary } from '../src/replies/reviews';
import type { Product } from '../src/engine/repos/products';

export const PRODUCT_INFO_DIALOG = 'productInfoDialog';

/** Everything about one product: price, stock, attributes, rating and what reviewers say. */
export class ProductInfoDialog extends SingleStepDialog<{ understanding?: Understanding; action?: CardActionValue }> {
  constructor(services: ShopServices) {
    super(PRODUCT_INFO_DIALOG, services);
  }

  protected async run(step: Step<{ understanding?: Understanding; action?: CardActionValue }>): Promise<DialogTurnResult> {
    const { engine } = this.services;
    const session = await readSession(this.services.session, step.context);
    const { action, understanding } = step.options;
    const id = action?.action === 'details' ? action.productId : resolveProduct(engine, session, entitiesOf(understanding));
    const product = id === undefined ? undefined : engine.products.byId(id);
    if (!product) {
      await step.context.sendActivity('Which product do you mean? Search for it, or tap "Details" on a product card.');
      return step.endDialog();
    }
    session.focus = product.id;
    const customerId = engine.identity.customerFor(userIdOf(step.context))?.id ?? null;
    const card = this.detailsCard(product, customerId);
    await step.context.sendActivity(MessageFactory.attachment(card));
    return step.endDialog();
  }

  private detailsCard(p: Product, customerId: number | null): Attachment {
    const { engine, offers, sentiment } = this.services;
    const facts = [
      { title: 'Price', value: priceText(offers.priceFor(p.id, customerId), engine.policy.currency).replace(/~~|\*\*/g, '') },
      { title: 'Stock', value: stockText(p.stock) },
      ...[['Brand', p.brand], ['Category', p.category], ['Colour', p.colour], ['Size', p.size]]
        .filter(([, v]) => v)
        .map(([title, value]) => ({ title, value })),
      ...Object.entries(p.attributes).slice(0, 6).map(([title, value]) => ({ title, value: String(value) })),
    ];
    const summary = reviewSummary(engine.reviews.summary(p.id), engine.reviews.recent(p.id, 20), sentiment);
    return CardFactory.adaptiveCard({
      type: 'AdaptiveCard',
      $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
      version: '1.3',
      body: [
        { type: 'TextBlock', text: p.name, weight: 'Bolder', size: 'Medium', wrap: true },
        { type: 'TextBlock', text: p.description, wrap: true },
        { type: 'FactSet', facts },
        { type: 'TextBlock', text: summary, wrap: true, spacing: 'Medium' },
      ],
      actions: [
        ...(p.stock > 0 ? [button('Add to cart', { action: 'add_to_cart', productId: p.id })] : []),
        button('Similar', { action: 'similar', productId: p.id }),
      ].map((b) => ({ type: 'Action.Submit', title: b.title, data: b.value })),
    });
  }
}
