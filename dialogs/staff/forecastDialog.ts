import { MessageFactory } from 'botbuilder';
import type { DialogTurnResult } from 'botbuilder-dialogs';
import { SingleStepDialog, type Step } from '../singleStepDialog';
import type { ShopServices } from '../../src/bot/services';
import type { StaffCommand } from '../../src/bot/staffCommand';
import { EngineError } from '../../src/engine/errors';
import { forecastAll, forecastCategory, forecastSku, type DemandForecast } from '../../src/engine/forecast/forecaster';
import { forecastChartPng } from '../../src/replies/charts';
import { pngAttachment } from '../../src/replies/staff';

export const FORECAST_DIALOG = 'forecastDialog';
const USAGE = 'Usage: /forecast <sku|category|all> [days], e.g. /forecast KIT-0001 14';

/** /forecast: daily demand with intervals, the model and its backtest, stock-out date, reorder point, chart. */
export class ForecastDialog extends SingleStepDialog<StaffCommand> {
  constructor(services: ShopServices) {
    super(FORECAST_DIALOG, services);
  }

  protected async run(step: Step<StaffCommand>): Promise<DialogTurnResult> {
    const { engine } = this.services;
    const args = [...step.options.args];
    const days = /^\d+$/.test(args[args.length - 1] ?? '') && args.length > 1 ? Number(args.pop()) : 28;
    const target = args.join(' ').trim();
    if (!target || days < 1 || days > 365) {
      await step.context.sendActivity(USAGE);
      return step.endDialog('usage');
    }
    const options = { clock: engine.clock, days };
    try {
      const f =
        target.toLowerCase() === 'all' ? forecastAll(engine.db, options)
        : engine.products.bySku(target) ? forecastSku(engine.db, target, options)
        : forecastCategory(engine.db, target, options);
      const chart = pngAttachment(forecastChartPng({ label: f.label, model: f.model, history: f.history, points: f.points }), 'forecast.png');
      await step.context.sendActivity(MessageFactory.attachment(chart, describeForecast(f, days)));
      return step.endDialog(`${f.model} ${Math.round(f.expectedUnits)} units`);
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      await step.context.sendActivity(`Sorry: ${e.message}. ${USAGE}`);
      return step.endDialog(e.code);
    }
  }
}

export function describeForecast(f: DemandForecast, days: number): string {
  const level = Math.round(f.intervalLevel * 100);
  const lo = f.points.reduce((s, p) => s + p.lo, 0);
  const hi = f.points.reduce((s, p) => s + p.hi, 0);
  const backtest =
    f.backtestMase === null
      ? 'too little history for a backtest'
      : `backtest MASE ${f.backtestMase.toFixed(2)} vs seasonal naive ${f.seasonalNaiveMase?.toFixed(2) ?? 'n/a'} over ${f.backtestWindows} windows`;
  return [
    `**${f.label}**: ${days}-day demand forecast with ${f.model} (${backtest}).`,
    `- Expected units: ${Math.round(f.expectedUnits)} (daily ${level}% intervals sum to ${Math.round(lo)}–${Math.round(hi)})`,
    `- Stock: ${f.stock}; ${f.stockoutDate ? `runs out around **${f.stockoutDate}**` : `lasts beyond ${days} days`}`,
    `- Reorder point ${Math.ceil(f.reorderPoint)} units, safety stock ${Math.ceil(f.safetyStock)} (lead time ${f.leadDays} days, ${Math.round(f.serviceLevel * 100)}% service level)`,
  ].join('\n');
}
