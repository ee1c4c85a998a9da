import type { DialogTurnResult } from 'botbuilder-dialogs';
import { SingleStepDialog, type Step } from '../singleStepDialog';
import type { ShopServices } from '../../src/bot/services';
import type { StaffCommand } from '../../src/bot/staffCommand';
import { parsePromoCreate, PROMO_USAGE } from '../../src/bot/promoArgs';
import { EngineError } from '../../src/engine/errors';
import { formatMoney } from '../../src/engine/money';
import { table } from '../../src/replies/staff';

export const PROMO_DIALOG = 'promoDialog';

/** /promo create|list|end|report: promotions and their uplift against the control group. */
export class PromoDialog extends SingleStepDialog<StaffCommand> {
  constructor(services: ShopServices) {
    super(PROMO_DIALOG, services);
  }

  protected async run(step: Step<StaffCommand>): Promise<DialogTurnResult> {
    const { engine } = this.services;
    const [verb, ...rest] = step.options.args;
    const money = (c: number) => formatMoney(c, engine.policy.currency);
    const say = async (text: string, result: string) => {
      await step.context.sendActivity(text);
      return step.endDialog(result);
    };
    try {
      switch (verb?.toLowerCase()) {
        case 'list': {
          const promos = engine.promotions.list({ activeOnly: true });
          if (!promos.length) return say('No promotions are running.', 'none');
          const rows = promos.map((p) => [p.id, p.name, p.kind, targetText(p.target), p.endsAt.slice(0, 10), p.redemptions, money(p.redeemedCents), p.live ? 'live' : 'paused']);
          return say(table(['Id', 'Name', 'Kind', 'For', 'Ends', 'Redeemed', 'Cost', 'State'], rows), `${promos.length} listed`);
        }
        case 'create': {
          const parsed = parsePromoCreate(rest, engine.clock.now());
          if ('error' in parsed) return say(parsed.error, 'usage');
          const id = engine.promotions.create(parsed.promotion, step.options.actor);
          const p = engine.promotions.get(id);
          return say(`Promotion #${id} created: **${p.name}**, ${targetText(p.target)}, until ${p.endsAt.slice(0, 10)}, ${Math.round(p.controlShare * 100)}% held out as a control group.`, `created ${id}`);
        }
        case 'end': {
          const id = Number(rest[0]);
          if (!Number.isInteger(id)) return say('Usage: /promo end <id>', 'usage');
          const p = engine.promotions.end(id, step.options.actor);
          return say(`Promotion #${id} (${p.name}) has ended.`, `ended ${id}`);
        }
        case 'report': {
          const id = Number(rest[0]);
          if (!Number.isInteger(id)) return say('Usage: /promo report <id>', 'usage');
          const { promotion: p, uplift: u } = engine.promotions.report(id);
          const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
          const lines = [
            `**#${p.id} ${p.name}** (${p.startsAt.slice(0, 10)} to ${p.endsAt.slice(0, 10)}): ${p.redemptions} redemptions costing ${money(p.redeemedCents)}.`,
            `Shown: ${u.treated.customers} customers, ${pct(u.treated.conversion)} bought, ${money(Math.round(u.treated.revenue_per_customer))} each.`,
            `Control: ${u.control.customers} customers, ${pct(u.control.conversion)} bought, ${money(Math.round(u.control.revenue_per_customer))} each.`,
            u.incremental_conversion === null
              ? 'No uplift estimate: the control group is empty.'
              : `Uplift: ${pct(u.incremental_conversion)} conversion${u.ci ? ` (95% CI ${pct(u.ci[0])} to ${pct(u.ci[1])})` : ''}, ${money(Math.round(u.incremental_revenue_per_customer ?? 0))} revenue per customer${u.revenue_ci ? ` (95% CI ${money(Math.round(u.revenue_ci[0]))} to ${money(Math.round(u.revenue_ci[1]))})` : ''}.`,
          ];
          return say(lines.join('\n'), `report ${id}`);
        }
        default:
          return say(PROMO_USAGE, 'usage');
      }
    } catch (e) {
      if (!(e instanceof EngineError)) throw e;
      return say(`Sorry: ${e.message}.`, e.code);
    }
  }
}

function targetText(t: { kind: string; segment?: string; category?: string; customerIds?: number[] }): string {
  if (t.kind === 'segment') return `segment ${t.segment}`;
  if (t.kind === 'category') return `category ${t.category}`;
  if (t.kind === 'customers') return `${t.customerIds?.length ?? 0} customers`;
  return 'everyone';
}
