import type { DialogTurnResult } from 'botbuilder-dialogs';
import { SingleStepDialog, type Step } from '../singleStepDialog';
import type { ShopServices } from '../../src/bot/services';
import type { StaffCommand } from '../../src/bot/staffCommand';
import { EngineError } from '../../src/engine/errors';
import { formatMoney } from '../../src/engine/money';
import { describeOutcome } from '../../src/replies/reprice';

export const REPRICE_DIALOG = 'repriceDialog';
const USAGE = 'Usage: /reprice <sku|category> [apply], or /reprice undo <change id>';

/** /reprice: elasticity, the guarded profit-maximising price, apply with audit, undo. */
export class RepriceDialog extends SingleStepDialog<StaffCommand> {
  constructor(services: ShopServices) {
    super(REPRICE_DIALOG, services);
  }

  protected async run(step: Step<StaffCommand>): Promise<DialogTurnResult> {
    const { engine } = this.services;
    const { args, actor } = step.options;
    const money = (c: number) => formatMoney(c, engine.policy.currency);
    const say = async (text: string, result: string) => {
      await step.context.sendActivity(text);
      return step.endDialog(result);
    };
    try {
      if (args[0]?.toLowerCase() === 'undo') {
        const id = Number(args[1]);
        if (!Number.isInteger(id) || id <= 0) return say(USAGE, 'usage');
        const change = engine.pricing.undo(id, actor);
        return say(`Undone: ${change.sku} is back at ${money(change.newCents)} (was ${money(change.oldCents)}).`, `undone ${id}`);
      }
      const apply = args[args.length - 1]?.toLowerCase() === 'apply';
      const target = (apply ? args.slice(0, -1) : args).join(' ').trim();
      if (!target) return say(USAGE, 'usage');
      const resolved = engine.pricing.resolve(target);
      if (resolved.kind === 'sku') {
        if (apply) {
          const change = engine.pricing.apply(resolved.product.sku, actor);
          return say(`Applied change #${change.changeId}: ${change.sku} ${money(change.oldCents)} → ${money(change.newCents)}. Undo with /reprice undo ${change.changeId}.`, `applied ${change.changeId}`);
        }
        const outcome = engine.pricing.recommend(resolved.product.sku);
        return say(`${describeOutcome(outcome).replace(/\n/g, '\n\n')}${outcome.ok && outcome.recommendedCents !== outcome.currentCents ? `\n\nApply with /reprice ${outcome.sku} apply.` : ''}`, outcome.ok ? `recommended ${outcome.recommendedCents}` : `refused: ${outcome.code}`);
      }
      if (apply) {
        const changes = engine.pricing.applyCategory(resolved.category, actor);
        const lines = changes.slice(0, 15).map((c) => `- #${c.changeId} ${c.sku}: ${money(c.oldCents)} → ${money(c.newCents)}`);
        return say(`Applied ${changes.length} price changes in ${resolved.category}:\n${lines.join('\n')}${changes.length > 15 ? '\n…' : ''}`, `applied ${changes.length}`);
      }
      const result = engine.pricing.recommendCategory(resolved.category);
      if (!result.estimate.ok) return say(`${resolved.category}: not repriced: ${result.estimate.reason}.`, 'refused');
      const e = result.estimate;
      const moves = result.products.filter((o) => o.ok && o.recommendedCents !== o.currentCents);
      const lines = moves.slice(0, 10).map((o) => (o.ok ? `- ${o.sku} ${o.name}: ${money(o.currentCents)} → ${money(o.recommendedCents)} (${o.binding})` : ''));
      return say(
        `**${resolved.category}**: elasticity ${e.elasticity.toFixed(2)} (95% CI ${e.ci[0].toFixed(2)} to ${e.ci[1].toFixed(2)}, n=${e.n}). ` +
          `${moves.length} of ${result.products.length} prices would move:\n${lines.join('\n')}${moves.length > 10 ? '\n…' : ''}\n\nApply with /reprice ${resolved.category} apply.`,
        `${moves.length} moves`,
      );
    } catch (err) {
      if (!(err instanceof EngineError)) throw err;
      return say(`Sorry: ${err.message}.`, err.code);
    }
  }
}
