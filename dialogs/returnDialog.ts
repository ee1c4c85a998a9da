import { TextPrompt, WaterfallDialog, type WaterfallStepContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { valuesOf } from '../src/bot/stepValues';
import { CancelAndHelpDialog } from './cancelAndHelpDialog';
import { IDENTIFY_DIALOG } from './identifyDialog';
import type { ShopServices } from '../src/bot/services';
import type { Understanding } from '../src/bot/understanding';
import { entitiesOf } from '../src/bot/entities';
import { EngineError } from '../src/engine/errors';
import { formatMoney } from '../src/engine/money';
import type { Customer } from '../src/engine/repos/customers';

export const RETURN_DIALOG = 'returnDialog';
const REASON = `${RETURN_DIALOG}.reason`;

/** Returns and refunds: which order, why, then a return request under the store's policy window. */
export class ReturnDialog extends CancelAndHelpDialog {
  constructor(private readonly services: ShopServices) {
    super(RETURN_DIALOG);
    this.addDialog(new TextPrompt(REASON));
    this.addDialog(new WaterfallDialog(`${RETURN_DIALOG}.run`, [this.identify.bind(this), this.askReason.bind(this), this.open.bind(this)]));
    this.initialDialogId = `${RETURN_DIALOG}.run`;
  }

  private async identify(step: WaterfallStepContext<{ understanding?: Understanding }>): Promise<DialogTurnResult> {
    valuesOf(step).orderId = entitiesOf(step.options.understanding).orderId;
    await step.context.sendActivity(this.services.engine.policy.returns.text);
    return step.beginDialog(IDENTIFY_DIALOG, { purpose: 'to start a return' });
  }

  private async askReason(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const customer = step.result as Customer | undefined;
    if (!customer) return step.endDialog();
    const { engine } = this.services;
    const wanted = valuesOf(step).orderId;
    const order = wanted ? undefined : engine.customerOrders.recent(customer.id, 10).find((o) => o.status === 'delivered');
    const orderNo = wanted ?? order?.orderNo;
    if (!orderNo) {
      await step.context.sendActivity("I can't see a delivered order on your account to return. If it hasn't arrived yet, ask me where it is.");
      return step.endDialog();
    }
    valuesOf(step).customerId = customer.id;
    valuesOf(step).orderNo = orderNo;
    return step.prompt(REASON, `Returning order ${orderNo}. In a few words, what's the reason? (For example: wrong size, arrived damaged, changed my mind.)`);
  }

  private async open(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { engine } = this.services;
    try {
      const request = engine.customerOrders.requestReturn(valuesOf(step).customerId!, valuesOf(step).orderNo!, String(step.result ?? ''));
      await step.context.sendActivity(
        `Return #${request.id} is open for order ${request.order.orderNo}. Once we receive the items we refund ${formatMoney(request.refundCents, engine.policy.currency)} to your original payment method.`,
      );
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      await step.context.sendActivity(`Sorry, I can't open that return: ${e.message}.`);
    }
    return step.endDialog();
  }
}
