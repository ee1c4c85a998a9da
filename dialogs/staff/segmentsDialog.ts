import { MessageFactory } from 'botbuilder';
import type { DialogTurnResult } from 'botbuilder-dialogs';
import { SingleStepDialog, type Step } from '../singleStepDialog';
import type { ShopServices } from '../../src/bot/services';
import type { StaffCommand } from '../../src/bot/staffCommand';
import { EngineError } from '../../src/engine/errors';
import { formatMoney } from '../../src/engine/money';
import { segmentBars, segmentChartTitle } from '../../src/engine/segments/segmentBars';
import { barChartPng } from '../../src/replies/charts';
import { pngAttachment, table } from '../../src/replies/staff';

export const SEGMENTS_DIALOG = 'segmentsDialog';

/** /segments [k]: RFM segments with sizes, revenue and CLV and a chart; /segments <name>: its top customers. */
export class SegmentsDialog extends SingleStepDialog<StaffCommand> {
  constructor(services: ShopServices) {
    super(SEGMENTS_DIALOG, services);
  }

  protected async run(step: Step<StaffCommand>): Promise<DialogTurnResult> {
    const { engine } = this.services;
    const money = (cents: number) => formatMoney(Math.round(cents), engine.policy.currency);
    const arg = step.options.args.join(' ').trim();
    try {
      if (arg && !/^\d+$/.test(arg)) {
        const members = engine.segments.customersIn(arg, 10);
        const rows = members.map((m) => [m.customerId, m.name, m.recencyDays, m.frequency, money(m.monetaryCents), money(m.clvCents)]);
        await step.context.sendActivity(`Top customers in **${arg}**:\n\n${table(['Id', 'Name', 'Days since order', 'Orders', 'Spend', 'CLV 12m'], rows)}`);
        return step.endDialog(`${members.length} listed`);
      }
      const k = arg ? Number(arg) : undefined;
      if (k !== undefined && (k < 2 || k > 10)) {
        await step.context.sendActivity('k must be between 2 and 10 (or leave it out to choose by silhouette over 3..8).');
        return step.endDialog('usage');
      }
      const result = k ? engine.segments.refresh({ k }) : engine.segments.current();
      const rows = result.segments.map((s) => [
        s.name,
        s.size,
        `${(100 * s.revenueShare).toFixed(1)}%`,
        Math.round(s.centroid.recencyDays),
        s.centroid.frequency.toFixed(1),
        money(s.centroid.monetary * 100),
        money(s.clvCents),
      ]);
      const text = [
        `**${result.k} segments** of ${result.customers} customers (silhouette ${result.silhouette.toFixed(3)}):`,
        '',
        table(['Segment', 'Customers', 'Revenue', 'Days since order', 'Orders', 'Spend', 'CLV 12m'], rows),
        '',
        'List a segment\'s top customers with /segments <name>.',
      ].join('\n');
      const chart = pngAttachment(barChartPng(segmentBars(result), segmentChartTitle(result)), 'segments.png');
      await step.context.sendActivity(MessageFactory.attachment(chart, text));
      return step.endDialog(`k=${result.k} silhouette=${result.silhouette.toFixed(3)}`);
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      await step.context.sendActivity(`Sorry: ${e.message}.`);
      return step.endDialog(e.code);
    }
  }
}
