import type { DialogTurnResult } from 'botbuilder-dialogs';
import { SingleStepDialog, type Step } from '../singleStepDialog';
import type { ShopServices } from '../../src/bot/services';
import type { StaffCommand } from '../../src/bot/staffCommand';
import { EngineError } from '../../src/engine/errors';
import { shorten } from '../../src/replies/products';

export const HANDOFFS_DIALOG = 'handoffsDialog';

/** /handoffs: open hand-off tickets with their transcripts; /handoffs close <id>. */
export class HandoffsDialog extends SingleStepDialog<StaffCommand> {
  constructor(services: ShopServices) {
    super(HANDOFFS_DIALOG, services);
  }

  protected async run(step: Step<StaffCommand>): Promise<DialogTurnResult> {
    const { support } = this.services.engine;
    const [verb, id] = step.options.args;
    if (verb === 'close') {
      const ticketId = Number(id);
      if (!Number.isInteger(ticketId) || ticketId <= 0) {
        await step.context.sendActivity('Usage: /handoffs close <ticket id>');
        return step.endDialog('usage');
      }
      try {
        support.closeTicket(ticketId, step.options.actor);
        await step.context.sendActivity(`Ticket #${ticketId} is closed.`);
        return step.endDialog(`closed ${ticketId}`);
      } catch (e) {
        if (!(e instanceof EngineError)) throw e;
        await step.context.sendActivity(`Ticket #${ticketId} ${e.code === 'not_found' ? 'does not exist' : 'is already closed'}.`);
        return step.endDialog(e.code);
      }
    }
    const tickets = support.openTickets(10);
    if (tickets.length === 0) {
      await step.context.sendActivity('No customers are waiting for a person.');
      return step.endDialog('none open');
    }
    const blocks = tickets.map((t) => {
      const lines = support.transcript(t.conversationId, 8).map((l) => `  ${l.direction === 'in' ? 'customer' : 'bot'}: ${shorten(l.text, 100)}`);
      return [`**#${t.id}** ${t.createdAt.slice(0, 16).replace('T', ' ')}, ${t.customerId ? `customer ${t.customerId}` : 'guest'}: ${t.reason}`, ...lines].join('\n');
    });
    await step.context.sendActivity(`${tickets.length} open hand-off${tickets.length === 1 ? '' : 's'}:\n\n${blocks.join('\n\n')}\n\nClose one with /handoffs close <id>.`);
    return step.endDialog(`${tickets.length} open`);
  }
}
