import type { DialogTurnResult } from 'botbuilder-dialogs';
import { SingleStepDialog, type Step } from '../singleStepDialog';
import type { ShopServices } from '../../src/bot/services';
import { weekReport } from '../../src/engine/report';
import { formatMoney } from '../../src/engine/money';
import { table } from '../../src/replies/staff';

export const REPORT_DIALOG = 'reportDialog';

/** /report: the week in numbers. */
export class ReportDialog extends SingleStepDialog {
  constructor(services: ShopServices) {
    super(REPORT_DIALOG, services);
  }

  protected async run(step: Step): Promise<DialogTurnResult> {
    const { engine } = this.services;
    const r = weekReport(engine.db, engine.clock);
    const money = (c: number) => formatMoney(c, engine.policy.currency);
    const change = (now: number, before: number) => (before === 0 ? '' : ` (${now >= before ? '+' : ''}${Math.round((100 * (now - before)) / before)}% on the week before)`);
    const lines = [
      `**The last 7 days** (${r.from.slice(0, 10)} to ${r.to.slice(0, 10)})`,
      `- Orders: ${r.orders}${change(r.orders, r.previousOrders)}`,
      `- Revenue: ${money(r.revenueCents)}${change(r.revenueCents, r.previousRevenueCents)}`,
      `- Open hand-offs: ${r.openHandoffs}`,
      `- Feedback: ${r.feedback.positive} positive, ${r.feedback.neutral} neutral, ${r.feedback.negative} negative`,
      '',
      r.topProducts.length ? table(['SKU', 'Product', 'Units'], r.topProducts.map((p) => [p.sku, p.name, p.units])) : 'No sales this week.',
      '',
      r.sentiment.length
        ? `Customer mood (share of negative messages): ${r.sentiment.map((d) => `${d.day.slice(5)} ${Math.round(d.negativeShare * 100)}%`).join(', ')}`
        : 'No customer messages this week.',
    ];
    await step.context.sendActivity(lines.join('\n'));
    return step.endDialog(`orders=${r.orders} revenue=${r.revenueCents}`);
  }
}
