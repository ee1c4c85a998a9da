import { ComponentDialog, DialogTurnStatus, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { getUnderstanding } from '../src/bot/understanding';
import { help } from '../src/replies/welcome';

const CANCEL_WORDS = new Set(['cancel', 'stop', 'never mind', 'nevermind', 'forget it', 'quit']);

/**
 * Base for every multi-turn dialog: "help" and "cancel" interrupt whatever is running.
 * Help answers and re-prompts; cancel ends the whole stack.
 */
export class CancelAndHelpDialog extends ComponentDialog {
  override async onContinueDialog(inner: DialogContext): Promise<DialogTurnResult> {
    return (await this.interrupt(inner)) ?? super.onContinueDialog(inner);
  }

  private async interrupt(inner: DialogContext): Promise<DialogTurnResult | undefined> {
    const understanding = getUnderstanding(inner.context);
    const text = (inner.context.activity.text ?? '').trim().toLowerCase();
    const intent = understanding?.intent;
    if (CANCEL_WORDS.has(text)) {
      await inner.context.sendActivity("OK, I've stopped that. What else can I do for you?");
      return inner.cancelAllDialogs();
    }
    if (text === 'help' || text === '?' || (intent === 'help' && understanding!.confidence > 0.8)) {
      await inner.context.sendActivity(help());
      return { status: DialogTurnStatus.waiting };
    }
    return undefined;
  }
}
