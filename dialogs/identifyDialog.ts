import { TextPrompt, WaterfallDialog, type PromptValidatorContext, type WaterfallStepContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { CancelAndHelpDialog } from './cancelAndHelpDialog';
import type { ShopServices } from '../src/bot/services';
import { getUnderstanding } from '../src/bot/understanding';
import { entitiesOf } from '../src/bot/entities';
import { userIdOf } from '../src/bot/session';
import { EngineError } from '../src/engine/errors';
import { isEmailAddress } from '../src/engine/identity';
import type { Customer } from '../src/engine/repos/customers';

export const IDENTIFY_DIALOG = 'identifyDialog';
const EMAIL_PROMPT = `${IDENTIFY_DIALOG}.email`;
const CODE_PROMPT = `${IDENTIFY_DIALOG}.code`;

export interface IdentifyOptions {
  /** Why we ask, shown to the customer: "to place your order". */
  purpose?: string;
}

/**
 * Links this chat to a customer record: email, then a one-time code. A real store emails the
 * code; this self-hosted demo shows it in the chat. Ends with the Customer, or undefined.
 */
export class IdentifyDialog extends CancelAndHelpDialog {
  constructor(private readonly services: ShopServices) {
    super(IDENTIFY_DIALOG);
    this.addDialog(new TextPrompt(EMAIL_PROMPT, async (p: PromptValidatorContext<string>) => this.hasEmail(p)));
    this.addDialog(new TextPrompt(CODE_PROMPT, async (p: PromptValidatorContext<string>) => /^\s*\d{6}\s*$/.test(p.recognized.value ?? '')));
    this.addDialog(new WaterfallDialog(`${IDENTIFY_DIALOG}.run`, [this.askEmail.bind(this), this.sendCode.bind(this), this.verify.bind(this)]));
    this.initialDialogId = `${IDENTIFY_DIALOG}.run`;
  }

  private async hasEmail(p: PromptValidatorContext<string>): Promise<boolean> {
    return isEmailAddress(entitiesOf(getUnderstanding(p.context)).email);
  }

  private async askEmail(step: WaterfallStepContext<IdentifyOptions>): Promise<DialogTurnResult> {
    const linked = this.services.engine.identity.customerFor(userIdOf(step.context));
    if (linked) return step.endDialog(linked);
    const email = entitiesOf(getUnderstanding(step.context)).email;
    if (isEmailAddress(email)) return step.next(email);
    const why = step.options.purpose ? ` ${step.options.purpose}` : '';
    return step.prompt(EMAIL_PROMPT, {
      prompt: `I need to know who you are${why}. What's the email address on your account?`,
      retryPrompt: 'That does not look like an email address. Please type it like name@example.com (or say "cancel").',
    });
  }

  private async sendCode(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const email = entitiesOf(getUnderstanding(step.context)).email ?? String(step.result);
    // askEmail and the prompt's validator accept only addresses startLink takes (isEmailAddress).
    const { code, existingCustomer } = this.services.engine.identity.startLink(userIdOf(step.context), email);
    const intro = existingCustomer ? 'Thanks! I found your account.' : "Thanks! There's no account with that email yet, so I'll create one.";
    return step.prompt(CODE_PROMPT, {
      prompt: `${intro} To confirm it's you, type the 6-digit code we sent. (This self-hosted demo does not send email, so here it is: **${code}**.)`,
      retryPrompt: 'The code is 6 digits. Please type it, or say "cancel".',
    });
  }

  private async verify(step: WaterfallStepContext<IdentifyOptions>): Promise<DialogTurnResult> {
    try {
      const customer: Customer = this.services.engine.identity.verify(userIdOf(step.context), String(step.result));
      await step.context.sendActivity(`You're signed in as ${customer.name} (${maskEmail(customer.email ?? '')}).`);
      return step.endDialog(customer);
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      if (e.message === 'that code is not right') {
        await step.context.sendActivity("That code isn't right. Let's try again.");
        return step.replaceDialog(`${IDENTIFY_DIALOG}.run`, step.options);
      }
      await step.context.sendActivity(`Sorry, ${e.message}. Say "sign in" to start again.`);
      return step.endDialog(undefined);
    }
  }
}

/** a***@example.com: enough to recognise, not enough to leak. */
export function maskEmail(email: string): string {
  const [user, domain] = email.split('@');
  return domain ? `${user.slice(0, 1)}***@${domain}` : '***';
}
