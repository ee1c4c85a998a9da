import type { DialogTurnResult } from 'botbuilder-dialogs';
import { SingleStepDialog, type Step } from './singleStepDialog';
import type { ShopServices } from '../src/bot/services';
import type { Understanding } from '../src/bot/understanding';
import { conversationIdOf, userIdOf } from '../src/bot/session';

export const FEEDBACK_DIALOG = 'feedbackDialog';

/** Feedback about the shop or the assistant, stored with its sentiment for staff reports. */
export class FeedbackDialog extends SingleStepDialog<{ understanding?: Understanding }> {
  constructor(services: ShopServices) {
    super(FEEDBACK_DIALOG, services);
  }

  protected async run(step: Step<{ understanding?: Understanding }>): Promise<DialogTurnResult> {
    const u = step.options.understanding;
    if (!u?.text) return step.endDialog();
    const { engine } = this.services;
    const userId = userIdOf(step.context);
    const id = engine.support.addFeedback({
      conversationId: conversationIdOf(step.context),
      userId,
      customerId: engine.identity.customerFor(userId)?.id ?? null,
      text: u.text,
      sentiment: u.sentiment.label,
      score: u.sentiment.score,
    });
    const reply =
      u.sentiment.label === 'positive' ? 'Thank you, that is lovely to hear! I have passed it on to the team.'
      : u.sentiment.label === 'negative' ? "Thank you for telling us. I'm sorry it wasn't better; I've passed it on to the team so they can fix it."
      : "Thanks for the feedback, I've passed it on to the team.";
    await step.context.sendActivity(reply);
    return step.endDialog(id);
  }
}
