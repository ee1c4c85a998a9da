import { MessageFactory } from 'botbuilder';
import type { DialogTurnResult } from 'botbuilder-dialogs';
import { SingleStepDialog, type Step } from './singleStepDialog';
import type { ShopServices } from '../src/bot/services';
import type { Understanding } from '../src/bot/understanding';
import { userIdOf } from '../src/bot/session';
import { button, suggestions } from '../src/replies/products';

export const STORE_INFO_DIALOG = 'storeInfoDialog';

/** Delivery, payment and account questions, answered from the store's policy file (data/policy.json). */
export class StoreInfoDialog extends SingleStepDialog<{ understanding?: Understanding }> {
  constructor(services: ShopServices) {
    super(STORE_INFO_DIALOG, services);
  }

  protected async run(step: Step<{ understanding?: Understanding }>): Promise<DialogTurnResult> {
    const { policy, identity } = this.services.engine;
    const contact = `Our team is available ${policy.contact.hours} at ${policy.contact.email}.`;
    switch (step.options.understanding?.intent) {
      case 'shipping_info':
        await step.context.sendActivity(MessageFactory.suggestedActions(['Track my order', 'Return policy'], `${policy.shipping.text} We deliver to: ${policy.shipping.countries.join(', ')}.`));
        break;
      case 'payment':
        await step.context.sendActivity(policy.payment.text);
        break;
      default: {
        const linked = identity.customerFor(userIdOf(step.context));
        const status = linked ? `This chat is linked to ${linked.name}'s account.` : 'This chat is not linked to an account yet: say "sign in" to link it.';
        const reply = MessageFactory.text(`${policy.account.text} ${status} ${contact}`);
        reply.suggestedActions = suggestions(linked ? ['Track my order'] : [button('Sign in', { action: 'sign_in' })]);
        await step.context.sendActivity(reply);
      }
    }
    return step.endDialog();
  }
}
