import { WaterfallDialog, type WaterfallStepContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { MessageFactory } from 'botbuilder';
import { valuesOf } from '../src/bot/stepValues';
import { CancelAndHelpDialog } from './cancelAndHelpDialog';
import { IDENTIFY_DIALOG } from './identifyDialog';
import type { ShopServices } from '../src/bot/services';
import type { Understanding } from '../src/bot/understanding';
import { entitiesOf } from '../src/bot/entities';
import { EngineError } from '../src/engine/errors';
import type { Customer } from '../src/engine/repos/customers';
import { orderSummary } from '../src/replies/orders';

export const ORDER_STATUS_DIALOG = 'orderStatusDialog';

/** "Where is my order?": only for the customer this chat is linked to. */
export class OrderStatusDialog extends CancelAndHelpDialog {
  constructor(private readonly services: ShopServices) {
    super(ORDER_STATUS_DIALOG);
    this.addDialog(new WaterfallDialog(`${ORDER_STATUS_DIALOG}.run`, [this.identify.bind(this), this.answer.bind(this)]));
    this.initialDialogId = `${ORDER_STATUS_DIALOG}.run`;
  }

  private async identify(step: WaterfallStepContext<{ understanding?: Understanding }>): Promise<DialogTurnResult> {
    valuesOf(step).orderId = entitiesOf(step.options.understanding).orderId;
    return step.beginDialog(IDENTIFY_DIALOG, { purpose: 'before I can show order details' });
  }

  private async answer(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const customer = step.result as Customer | undefined;
    if (!customer) return step.endDialog();
    const { engine } = this.services;
    const orderId = valuesOf(step).orderId;
    try {
      const order = engine.customerOrders.find(customer.id, orderId);
      const others = orderId ? [] : engine.customerOrders.recent(customer.id, 4).slice(1).map((o) => `Order ${o.orderNo}`);
      const text = `${orderSummary(order, engine.policy.currency)}${others.length ? '\n\nAsk about another order by its number.' : ''}`;
      await step.context.sendActivity(others.length ? MessageFactory.suggestedActions(others, text) : text);
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      await step.context.sendActivity(
        orderId
          ? `I can't find order ${orderId} on your account (${customer.name}). Please check the number on your confirmation email.`
          : `I can't find any orders on your account yet, ${customer.name}.`,
      );
    }
    return step.endDialog();
  }
}
