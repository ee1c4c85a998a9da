import { EventFactory, type Transcript } from 'botbuilder';
import { ConfirmPrompt, WaterfallDialog, type WaterfallStepContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { CancelAndHelpDialog } from './cancelAndHelpDialog';
import type { ShopServices } from '../src/bot/services';
import type { Understanding } from '../src/bot/understanding';
import { conversationIdOf, userIdOf } from '../src/bot/session';

export const HANDOFF_DIALOG = 'handoffDialog';
const OFFER = `${HANDOFF_DIALOG}.offer`;

export interface HandoffOptions {
  understanding?: Understanding;
  /** Why we got here: the customer asked, complained, or sounded upset. */
  reason: 'asked' | 'complaint' | 'upset';
}

/**
 * Apologise where due, offer a person, and on yes open a ticket with the transcript and send the
 * Bot Framework handoff.initiate event so a channel with a human inbox can take over.
 */
export class HandoffDialog extends CancelAndHelpDialog {
  constructor(private readonly services: ShopServices) {
    super(HANDOFF_DIALOG);
    this.addDialog(new ConfirmPrompt(OFFER));
    this.addDialog(new WaterfallDialog(`${HANDOFF_DIALOG}.run`, [this.offer.bind(this), this.handOff.bind(this)]));
    this.initialDialogId = `${HANDOFF_DIALOG}.run`;
  }

  private async offer(step: WaterfallStepContext<HandoffOptions>): Promise<DialogTurnResult> {
    if (step.options.reason === 'asked') return step.next(true);
    return step.prompt(OFFER, {
      prompt: "I'm sorry about this, that's not the experience we want you to have. Would you like me to pass this conversation to someone from our team?",
      retryPrompt: 'Shall I pass this to a person? Yes or no.',
    });
  }

  private async handOff(step: WaterfallStepContext<HandoffOptions>): Promise<DialogTurnResult> {
    const { engine } = this.services;
    if (step.result !== true) {
      await step.context.sendActivity("All right. I've noted it, and I'm here if you want to try something else.");
      return step.endDialog();
    }
    const conversationId = conversationIdOf(step.context);
    const userId = userIdOf(step.context);
    const ticket = engine.support.openTicket({
      conversationId,
      userId,
      customerId: engine.identity.customerFor(userId)?.id ?? null,
      reason: `${step.options.reason}: ${step.options.understanding?.text ?? ''}`.slice(0, 500),
    });
    const lines = engine.support.transcript(conversationId, 50);
    const transcript: Transcript = {
      activities: lines.map((l) => ({ type: 'message', text: l.text, timestamp: new Date(l.createdAt), from: { id: l.direction === 'in' ? userId : 'bot', name: l.direction === 'in' ? 'customer' : 'bot' } })) as Transcript['activities'],
    };
    await step.context.sendActivity(EventFactory.createHandoffInitiation(step.context, { ticketId: ticket.id, reason: step.options.reason }, transcript));
    await step.context.sendActivity(
      `I've passed this to our team (ticket #${ticket.id}) with our conversation so far. Someone will reply here, ${engine.policy.contact.hours}; you can also email ${engine.policy.contact.email}.`,
    );
    return step.endDialog(ticket);
  }
}
