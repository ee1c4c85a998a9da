import { ConfirmPrompt, WaterfallDialog, type WaterfallStepContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { valuesOf } from '../src/bot/stepValues';
import { CancelAndHelpDialog } from './cancelAndHelpDialog';
import { IDENTIFY_DIALOG } from './identifyDialog';
import type { ShopServices } from '../src/bot/services';
import { userIdOf } from '../src/bot/session';
import { EngineError } from '../src/engine/errors';
import { formatMoney } from '../src/engine/money';
import { cartReply } from '../src/replies/cart';
import type { Customer } from '../src/engine/repos/customers';

export const CHECKOUT_DIALOG = 'checkoutDialog';
const CONFIRM = `${CHECKOUT_DIALOG}.confirm`;

/** Cart to order: who you are, a last look at the cart, then a real order in SQLite. No payment is taken here. */
export class CheckoutDialog extends CancelAndHelpDialog {
  constructor(private readonly services: ShopServices) {
    super(CHECKOUT_DIALOG);
    this.addDialog(new ConfirmPrompt(CONFIRM));
    this.addDialog(new WaterfallDialog(`${CHECKOUT_DIALOG}.run`, [this.identify.bind(this), this.confirm.bind(this), this.place.bind(this)]));
    this.initialDialogId = `${CHECKOUT_DIALOG}.run`;
  }

  private async identify(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { engine } = this.services;
    const userId = userIdOf(step.context);
    if (engine.carts.view(userId, null).lines.length === 0) {
      await step.context.sendActivity('Your cart is empty, so there is nothing to check out yet. What are you looking for?');
      return step.endDialog();
    }
    return step.beginDialog(IDENTIFY_DIALOG, { purpose: 'to place your order' });
  }

  private async confirm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const customer = step.result as Customer | undefined;
    if (!customer) return step.endDialog();
    valuesOf(step).customerId = customer.id;
    const { engine } = this.services;
    const cart = engine.carts.view(userIdOf(step.context), customer.id);
    await step.context.sendActivity(cartReply(cart, engine.policy.currency));
    return step.prompt(CONFIRM, {
      prompt: `Place this order for ${formatMoney(cart.totalCents, engine.policy.currency)}? No payment is taken in this chat: there is no payment provider here, and the store arranges payment with your confirmation.`,
      retryPrompt: 'Please answer yes or no: place the order?',
    });
  }

  private async place(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result !== true) {
      await step.context.sendActivity("No problem, I haven't placed it. Your cart is still here.");
      return step.endDialog();
    }
    const { engine } = this.services;
    try {
      const order = engine.carts.checkout(userIdOf(step.context), valuesOf(step).customerId!);
      const [, maxDays] = engine.policy.shipping.standard_days;
      await step.context.sendActivity(
        `Thank you! Your order **${order.orderNo}** is placed: ${formatMoney(order.totalCents, engine.policy.currency)}. ` +
          `It should arrive within ${maxDays} working days; ask me "where is my order ${order.orderNo}?" any time.`,
      );
      return step.endDialog(order);
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      await step.context.sendActivity(`Sorry, I couldn't place the order: ${e.message}. Your cart is unchanged.`);
      return step.endDialog();
    }
  }
}
