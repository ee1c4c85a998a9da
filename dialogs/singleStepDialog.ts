import { Dialog, type DialogContext, type DialogTurnResult } from 'botbuilder-dialogs';
import type { TurnContext } from 'botbuilder';
import type { ShopServices } from '../src/bot/services';

/** What a single step sees: the turn, the options the dialog was started with, and how to end or hand over. */
export interface Step<Options extends object = object> {
  readonly context: TurnContext;
  readonly options: Options;
  /** Starts another dialog; when it ends, this dialog ends with its result. */
  beginDialog(dialogId: string, options?: object): Promise<DialogTurnResult>;
  endDialog(result?: unknown): Promise<DialogTurnResult>;
}

/**
 * A dialog that answers in one turn: the common shape of most shop and staff dialogs.
 *
 * A plain Dialog rather than a ComponentDialog around a one-step WaterfallDialog, which behaves the
 * same for a single step but builds two more DialogContexts (each with its own memory-scope
 * set-up) on every turn that runs it.
 */
export abstract class SingleStepDialog<Options extends object = object> extends Dialog<Options> {
  constructor(
    id: string,
    protected readonly services: ShopServices,
  ) {
    super(id);
  }

  override async beginDialog(dc: DialogContext, options?: Options): Promise<DialogTurnResult> {
    return this.run(new DialogStep(dc, options ?? ({} as Options)));
  }

  protected abstract run(step: Step<Options>): Promise<DialogTurnResult>;
}

/**
 * One step given as a function, such as a router inside a ComponentDialog: it answers, or hands
 * over to a sibling dialog and then ends with that dialog's result (Dialog's default resume).
 */
export class StepDialog<Options extends object = object> extends Dialog<Options> {
  constructor(
    id: string,
    private readonly step: (step: Step<Options>) => Promise<DialogTurnResult>,
  ) {
    super(id);
  }

  override async beginDialog(dc: DialogContext, options?: Options): Promise<DialogTurnResult> {
    return this.step(new DialogStep(dc, options ?? ({} as Options)));
  }
}

/** A step through a dialog context: its turn, the dialog's options, and the context's begin and end. */
class DialogStep<Options extends object> implements Step<Options> {
  constructor(
    private readonly dc: DialogContext,
    readonly options: Options,
  ) {}

  get context(): TurnContext {
    return this.dc.context;
  }

  beginDialog(dialogId: string, options?: object): Promise<DialogTurnResult> {
    return this.dc.beginDialog(dialogId, options);
  }

  endDialog(result?: unknown): Promise<DialogTurnResult> {
    return this.dc.endDialog(result);
  }
}
