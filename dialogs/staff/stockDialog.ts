import type { DialogTurnResult } from 'botbuilder-dialogs';
import { SingleStepDialog, type Step } from '../singleStepDialog';
import type { ShopServices } from '../../src/bot/services';
import { stockAlerts, FORECAST_DEFAULTS } from '../../src/engine/forecast/forecaster';
import { table } from '../../src/replies/staff';

export const STOCK_DIALOG = 'stockDialog';

/** /stock: products whose forecast demand runs out before the next delivery could arrive. */
export class StockDialog extends SingleStepDialog {
  constructor(services: ShopServices) {
    super(STOCK_DIALOG, services);
  }

  protected async run(step: Step): Promise<DialogTurnResult> {
    const { engine } = this.services;
    const leadDays = FORECAST_DEFAULTS.leadDays;
    const alerts = stockAlerts(engine.db, { clock: engine.clock, leadDays });
    if (alerts.length === 0) {
      await step.context.sendActivity(`Nothing is forecast to run out within the ${leadDays}-day delivery lead time.`);
      return step.endDialog('none');
    }
    const rows = alerts.slice(0, 20).map((a) => [a.sku, a.name, a.stock, a.stockoutDate, Math.ceil(a.reorderPoint), Math.ceil(a.expectedUnits)]);
    await step.context.sendActivity(
      `${alerts.length} product${alerts.length === 1 ? '' : 's'} may run out before a new delivery (${leadDays}-day lead time):\n\n` +
        table(['SKU', 'Product', 'Stock', 'Runs out', 'Reorder point', 'Demand 28d'], rows),
    );
    return step.endDialog(`${alerts.length} alerts`);
  }
}
