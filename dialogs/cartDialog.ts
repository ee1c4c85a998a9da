import { MessageFactory } from 'botbuilder';
import type { DialogTurnResult } from 'botbuilder-dialogs';
import { SingleStepDialog, type Step } from './singleStepDialog';
import type { ShopServices } from '../src/bot/services';
import type { Understanding } from '../src/bot/understanding';
import type { CardActionValue } from '../src/bot/actions';
import { entitiesOf } from '../src/bot/entities';
import { readSession, userIdOf } from '../src/bot/session';
import { EngineError } from '../src/engine/errors';
import { cartReply } from '../src/replies/cart';
import { resolveProduct } from '../src/bot/productRef';

export const CART_DIALOG = 'cartDialog';

export interface CartOptions {
  understanding?: Understanding;
  action?: CardActionValue;
}

/** Add to, look at and change the cart. The cart itself lives in SQLite. */
export class CartDialog extends SingleStepDialog<CartOptions> {
  constructor(services: ShopServices) {
    super(CART_DIALOG, services);
  }

  protected async run(step: Step<CartOptions>): Promise<DialogTurnResult> {
    const { engine } = this.services;
    const userId = userIdOf(step.context);
    const customerId = engine.identity.customerFor(userId)?.id ?? null;
    const { action, understanding } = step.options;
    const currency = engine.policy.currency;
    try {
      if (action?.action === 'remove_from_cart') {
        const name = engine.products.byId(action.productId)?.name ?? 'that item';
        engine.carts.remove(userId, action.productId);
        await step.context.sendActivity(cartReply(engine.carts.view(userId, customerId), currency, `Removed ${name}.`));
        return step.endDialog();
      }
      const adding = action?.action === 'add_to_cart' || (!action && understanding?.intent === 'add_to_cart');
      if (!adding) {
        await step.context.sendActivity(cartReply(engine.carts.view(userId, customerId), currency));
        return step.endDialog();
      }
      const session = await readSession(this.services.session, step.context);
      const productId = action?.action === 'add_to_cart' ? action.productId : resolveProduct(engine, session, entitiesOf(understanding));
      if (productId === undefined) {
        await step.context.sendActivity('Which product would you like to add? Search for it first, or tap "Add to cart" on a product card.');
        return step.endDialog();
      }
      const quantity = (action?.action === 'add_to_cart' ? action.quantity : entitiesOf(understanding).quantity) ?? 1;
      const cart = engine.carts.add(userId, productId, quantity, customerId);
      session.focus = productId;
      const name = cart.lines.find((l) => l.product.id === productId)?.product.name ?? engine.products.get(productId).name;
      await step.context.sendActivity(cartReply(cart, currency, `Added ${quantity > 1 ? `${quantity} × ` : ''}${name} to your cart.`));
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      await step.context.sendActivity(MessageFactory.text(`Sorry, ${e.message}.`));
    }
    return step.endDialog();
  }
}
