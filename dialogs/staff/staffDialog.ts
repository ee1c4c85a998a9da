import { ComponentDialog, WaterfallDialog, type Dialog, type WaterfallStepContext, type DialogTurnResult } from 'botbuilder-dialogs';
import { getStaffCommand, type StaffCommandName } from '../../src/bot/staffCommand';
import type { ShopServices } from '../../src/bot/services';
import { staffHelp } from '../../src/replies/staff';

export const STAFF_DIALOG = 'staffDialog';

/** A staff command's dialog: constructed with the services, started with the parsed command. */
export type StaffCommandDialog = new (services: ShopServices) => Dialog;

/**
 * Routes an authorised staff command to its dialog and writes the audit log entry.
 * The bot only starts this dialog after the staff check has passed.
 */
export class StaffDialog extends ComponentDialog {
  private readonly dialogIds = new Map<StaffCommandName, string>();

  constructor(
    private readonly services: ShopServices,
    commands: Partial<Record<StaffCommandName, StaffCommandDialog>>,
  ) {
    super(STAFF_DIALOG);
    const built = new Map<StaffCommandDialog, Dialog>();
    for (const [name, Command] of Object.entries(commands) as [StaffCommandName, StaffCommandDialog][]) {
      let dialog = built.get(Command);
      if (!dialog) {
        dialog = new Command(services);
        this.addDialog(dialog);
        built.set(Command, dialog);
      }
      this.dialogIds.set(name, dialog.id);
    }
    this.addDialog(new WaterfallDialog(`${STAFF_DIALOG}.run`, [this.route.bind(this), this.audit.bind(this)]));
    this.initialDialogId = `${STAFF_DIALOG}.run`;
  }

  private async route(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const command = getStaffCommand(step.context);
    const dialogId = command && this.dialogIds.get(command.name);
    if (!command || !dialogId) {
      await step.context.sendActivity(staffHelp());
      return step.next('help');
    }
    return step.beginDialog(dialogId, command);
  }

  private async audit(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const command = getStaffCommand(step.context);
    if (command) {
      const { engine } = this.services;
      const result = typeof step.result === 'string' ? step.result : JSON.stringify(step.result ?? 'done').slice(0, 500);
      engine.audit.record(engine.clock.now().toISOString(), command.actor, command.name, { args: command.args }, result);
    }
    return step.endDialog();
  }
}
