import { ConfirmPrompt, WaterfallDialog, type WaterfallStepContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { valuesOf } from '../src/bot/stepValues';
import { CancelAndHelpDialog } from './cancelAndHelpDialog';
import { IDENTIFY_DIALOG } from './identifyDialog';
import type { ShopServices } from '../src/bot/services';
import type { Understanding } from '../src/bot/understanding';
import { entitiesOf } from '../src/bot/entities';
import { EngineError } from '../src/engine/errors';
import type { Customer } from '../src/engine/repos/customers';
import { orderSummary } from '../src/replies/orders';

export const CANCEL_ORDER_DIALOG = 'cancelOrderDialog';
const CONFIRM = `${CANCEL_ORDER_DIALOG}.confirm`;

/** Cancels an order that has not shipped yet, after a confirmation. */
export class CancelOrderDialog extends CancelAndHelpDialog {
  constructor(private readonly services: ShopServices) {
    super(CANCEL_ORDER_DIALOG);
    this.addDialog(new ConfirmPrompt(CONFIRM));
    this.addDialog(new WaterfallDialog(`${CANCEL_ORDER_DIALOG}.run`, [this.identify.bind(this), this.confirm.bind(this), this.cancel.bind(this)]));
    this.initialDialogId = `${CANCEL_ORDER_DIALOG}.run`;
  }

  private async identify(step: WaterfallStepContext<{ understanding?: Understanding }>): Promise<DialogTurnResult> {
    valuesOf(step).orderId = entitiesOf(step.options.understanding).orderId;
    return step.beginDialog(IDENTIFY_DIALOG, { purpose: 'before I can change an order' });
  }

  private async confirm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const customer = step.result as Customer | undefined;
    if (!customer) return step.endDialog();
    const { engine } = this.services;
    const wanted = valuesOf(step).orderId;
    const order = wanted
      ? tryFind(() => engine.customerOrders.find(customer.id, wanted))
      : engine.customerOrders.recent(customer.id, 10).find((o) => o.status === 'placed');
    if (!order) {
      await step.context.sendActivity(wanted ? `I can't find order ${wanted} on your account.` : 'You have no orders waiting to ship, so there is nothing to cancel.');
      return step.endDialog();
    }
    if (order.status !== 'placed') {
      await step.context.sendActivity(`${orderSummary(order, engine.policy.currency)} ${engine.policy.cancellation.text}`);
      return step.endDialog();
    }
    valuesOf(step).customerId = customer.id;
    valuesOf(step).orderNo = order.orderNo;
    return step.prompt(CONFIRM, { prompt: `${orderSummary(order, engine.policy.currency)}\n\nCancel this order?`, retryPrompt: 'Please answer yes or no.' });
  }

  private async cancel(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (step.result !== true) {
      await step.context.sendActivity("OK, I've left the order as it is.");
      return step.endDialog();
    }
    try {
      const order = this.services.engine.customerOrders.cancel(valuesOf(step).customerId!, valuesOf(step).orderNo!);
      await step.context.sendActivity(`Order ${order.orderNo} is cancelled. Nothing will be charged for it.`);
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      await step.context.sendActivity(`Sorry, ${e.message}.`);
    }
    return step.endDialog();
  }
}

function tryFind<T>(find: () => T): T | undefined {
  try {
    return find();
  } catch (e) {
    if (e instanceof EngineError) return undefined;
    throw e;
  }
}
