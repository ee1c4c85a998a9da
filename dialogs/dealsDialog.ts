import { MessageFactory } from 'botbuilder';
import type { DialogTurnResult } from 'botbuilder-dialogs';
import { SingleStepDialog, type Step } from './singleStepDialog';
import type { ShopServices } from '../src/bot/services';
import { userIdOf } from '../src/bot/session';
import { button, suggestions } from '../src/replies/products';

export const DEALS_DIALOG = 'dealsDialog';

/** The promotions this customer is eligible for, best first, with their terms. */
export class DealsDialog extends SingleStepDialog {
  constructor(services: ShopServices) {
    super(DEALS_DIALOG, services);
  }

  protected async run(step: Step): Promise<DialogTurnResult> {
    const customer = this.services.engine.identity.customerFor(userIdOf(step.context));
    const offers = this.services.offers.offersFor(customer?.id ?? null).slice(0, 5);
    if (offers.length === 0) {
      await step.context.sendActivity(MessageFactory.suggestedActions(['Recommend something'], 'There are no special offers running for you right now, but I can recommend something you might like.'));
      return step.endDialog();
    }
    const lines = offers.map((o) => (o.terms.startsWith(o.name) ? `- ${o.terms}` : `- **${o.name}**: ${o.terms}`));
    const note = customer ? '' : '\n\nSign in to see offers picked for you.';
    const reply = MessageFactory.text(`Offers for you:\n${lines.join('\n')}${note}`);
    reply.suggestedActions = suggestions(['Recommend something', ...(customer ? [] : [button('Sign in', { action: 'sign_in' })])]);
    await step.context.sendActivity(reply);
    return step.endDialog();
  }
}
