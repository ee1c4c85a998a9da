import { DialogSet, DialogTurnStatus, type Dialog, type DialogState } from 'botbuilder-dialogs';
import type { StatePropertyAccessor, TurnContext } from 'botbuilder';

/**
 * Where a DialogStateManager caches its configuration (memory scopes, path resolvers) for the rest
 * of a turn. Building it means instantiating every scope through a service collection, on every
 * turn; the result depends only on the registered components, so it is built once per process.
 */
const MEMORY_CONFIGURATION = 'DialogStateManagerConfiguration';
let memoryConfiguration: unknown;

/**
 * Runs a root dialog for one turn: continues the active dialog, or begins the root one.
 *
 * botbuilder-dialogs' runDialog() does the same and, on every turn, also loads and saves every
 * memory scope and sends a "Bot State" trace activity carrying a snapshot of the dialog memory
 * (a deep copy of the state on every channel, and one more HTTP POST per turn on the Emulator
 * channel). Shopmate saves its state itself, once per turn, and is not a skill, so that is all
 * overhead; the dialog set is built once instead of per turn.
 */
export class DialogRunner {
  private readonly dialogs: DialogSet;

  constructor(
    private readonly dialog: Dialog,
    accessor: StatePropertyAccessor<DialogState>,
  ) {
    this.dialogs = new DialogSet(accessor);
    this.dialogs.add(dialog);
  }

  async run(context: TurnContext): Promise<void> {
    if (memoryConfiguration && !context.turnState.has(MEMORY_CONFIGURATION)) context.turnState.set(MEMORY_CONFIGURATION, memoryConfiguration);
    const dc = await this.dialogs.createContext(context);
    memoryConfiguration ??= context.turnState.get(MEMORY_CONFIGURATION);
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.dialog.id);
  }
}
