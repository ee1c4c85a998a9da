import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { ShopServices } from '../src/bot/services';

/** A dialog that answers in one turn: the common shape of most shop and staff dialogs. */
export abstract class SingleStepDialog<Options extends object = object> extends ComponentDialog {
  constructor(
    id: string,
    protected readonly services: ShopServices,
  ) {
    super(id);
    this.addDialog(new WaterfallDialog(`${id}.run`, [(step) => this.run(step as WaterfallStepContext<Options>)]));
    this.initialDialogId = `${id}.run`;
  }

  protected abstract run(step: WaterfallStepContext<Options>): Promise<DialogTurnResult>;
}
