import { ActionTypes, MessageFactory } from 'botbuilder';
import type { DialogTurnResult } from 'botbuilder-dialogs';
import { CancelAndHelpDialog } from './cancelAndHelpDialog';
import { StepDialog, type Step } from './singleStepDialog';
import { SearchDialog, SEARCH_DIALOG } from './searchDialog';
import { RecommendDialog, RECOMMEND_DIALOG } from './recommendDialog';
import { DealsDialog, DEALS_DIALOG } from './dealsDialog';
import { ProductInfoDialog, PRODUCT_INFO_DIALOG } from './productInfoDialog';
import { CompareDialog, COMPARE_DIALOG } from './compareDialog';
import { CartDialog, CART_DIALOG } from './cartDialog';
import { CheckoutDialog, CHECKOUT_DIALOG } from './checkoutDialog';
import { IdentifyDialog, IDENTIFY_DIALOG } from './identifyDialog';
import { OrderStatusDialog, ORDER_STATUS_DIALOG } from './orderStatusDialog';
import { CancelOrderDialog, CANCEL_ORDER_DIALOG } from './cancelOrderDialog';
import { ReturnDialog, RETURN_DIALOG } from './returnDialog';
import { StoreInfoDialog, STORE_INFO_DIALOG } from './storeInfoDialog';
import { HandoffDialog, HANDOFF_DIALOG } from './handoffDialog';
import { FeedbackDialog, FEEDBACK_DIALOG } from './feedbackDialog';
import type { ShopServices } from '../src/bot/services';
import { getUnderstanding, type Understanding } from '../src/bot/understanding';
import { readAction, type CardActionValue } from '../src/bot/actions';
import { entitiesOf, filtersFrom } from '../src/bot/entities';
import { readSession } from '../src/bot/session';
import { help, START_ACTIONS } from '../src/replies/welcome';
import { describeIntent } from '../src/replies/intents';
import { suggestions } from '../src/replies/products';

export const MAIN_DIALOG = 'mainDialog';
const ROUTE = `${MAIN_DIALOG}.route`;

/** Which dialog each intent starts; small talk is answered by the main dialog itself. */
const INTENT_DIALOGS: Record<string, string> = {
  search_products: SEARCH_DIALOG,
  recommend: RECOMMEND_DIALOG,
  deals: DEALS_DIALOG,
  product_info: PRODUCT_INFO_DIALOG,
  compare: COMPARE_DIALOG,
  add_to_cart: CART_DIALOG,
  view_cart: CART_DIALOG,
  checkout: CHECKOUT_DIALOG,
  order_status: ORDER_STATUS_DIALOG,
  cancel_order: CANCEL_ORDER_DIALOG,
  return_refund: RETURN_DIALOG,
  shipping_info: STORE_INFO_DIALOG,
  payment: STORE_INFO_DIALOG,
  account_help: STORE_INFO_DIALOG,
  complaint: HANDOFF_DIALOG,
  human_agent: HANDOFF_DIALOG,
  feedback: FEEDBACK_DIALOG,
};

const ACTION_DIALOGS: Record<CardActionValue['action'], string> = {
  add_to_cart: CART_DIALOG,
  remove_from_cart: CART_DIALOG,
  view_cart: CART_DIALOG,
  details: PRODUCT_INFO_DIALOG,
  similar: RECOMMEND_DIALOG,
  not_interested: RECOMMEND_DIALOG,
  checkout: CHECKOUT_DIALOG,
  sign_in: IDENTIFY_DIALOG,
  handoff: HANDOFF_DIALOG,
};

/** Intents that are about the shop's service; a bare filter word never overrides them. */
const SERVICE_INTENTS = new Set(['order_status', 'cancel_order', 'return_refund', 'shipping_info', 'payment', 'account_help', 'complaint', 'human_agent', 'checkout', 'view_cart']);

/**
 * The root dialog: buttons first, then the intent. Upset customers are offered a person;
 * low-confidence messages get a clarifying question; follow-ups refine the last search.
 */
export class MainDialog extends CancelAndHelpDialog {
  constructor(private readonly services: ShopServices) {
    super(MAIN_DIALOG);
    for (const Dialog of [SearchDialog, RecommendDialog, DealsDialog, ProductInfoDialog, CompareDialog, CartDialog, CheckoutDialog,
      IdentifyDialog, OrderStatusDialog, CancelOrderDialog, ReturnDialog, StoreInfoDialog, HandoffDialog, FeedbackDialog]) {
      this.addDialog(new Dialog(services));
    }
    this.addDialog(new StepDialog(ROUTE, this.route.bind(this)));
    this.initialDialogId = ROUTE;
  }

  private async route(step: Step): Promise<DialogTurnResult> {
    const action = readAction(step.context.activity.value);
    const u = getUnderstanding(step.context);
    if (action) return step.beginDialog(ACTION_DIALOGS[action.action], { action, understanding: u, reason: 'asked' });
    if (!u || u.text === '') {
      await step.context.sendActivity(MessageFactory.suggestedActions(START_ACTIONS, "I didn't catch anything there. What are you looking for?"));
      return step.endDialog();
    }
    const followUp = await this.followUp(step, u);
    if (followUp) return step.beginDialog(followUp, { understanding: u });
    if (u.sentiment.strongNegative && u.intent !== 'human_agent' && u.intent !== 'feedback') {
      return step.beginDialog(HANDOFF_DIALOG, { understanding: u, reason: 'upset' });
    }
    if (u.needsClarification && u.intent !== 'out_of_scope') return this.clarify(step, u);
    const dialogId = INTENT_DIALOGS[u.intent];
    if (dialogId) {
      const reason = u.intent === 'human_agent' ? 'asked' : 'complaint';
      return step.beginDialog(dialogId, { understanding: u, reason });
    }
    await step.context.sendActivity(smallTalk(u));
    return step.endDialog();
  }

  /** "cheaper", "in blue", "show more", "the second one": about what we just showed. */
  private async followUp(step: Step, u: Understanding): Promise<string | undefined> {
    const e = entitiesOf(u);
    if (e.scope === 'cart' && (u.intent === 'recommend' || u.intent === 'view_cart' || u.needsClarification)) return RECOMMEND_DIALOG;
    if (SERVICE_INTENTS.has(u.intent) && !u.needsClarification) return undefined;
    const session = await readSession(this.services.session, step.context);
    if (e.ordinal !== undefined && session.shown?.length) {
      if (u.needsClarification) return PRODUCT_INFO_DIALOG;
      if (u.intent === 'add_to_cart') return CART_DIALOG;
      if (u.intent === 'recommend') return RECOMMEND_DIALOG;
      if (u.intent === 'compare') return COMPARE_DIALOG;
      return PRODUCT_INFO_DIALOG;
    }
    if (!session.search) return undefined;
    if (e.refinement) return SEARCH_DIALOG;
    const f = filtersFrom(e);
    const filtersOnly = !f.query && !e.products?.length && Object.keys(f).length > 0;
    return filtersOnly && (u.intent === 'search_products' || u.needsClarification) ? SEARCH_DIALOG : undefined;
  }

  private async clarify(step: Step, u: Understanding): Promise<DialogTurnResult> {
    const options = [u.intent, ...u.alternatives.map((a) => a.intent)]
      .filter((intent, i, all) => intent !== 'out_of_scope' && all.indexOf(intent) === i)
      .slice(0, 2);
    const text =
      options.length === 2
        ? `I'm not quite sure what you mean. Do you want to ${describeIntent(options[0])} or ${describeIntent(options[1])}?`
        : "I'm not quite sure what you mean. Could you say it another way?";
    const reply = MessageFactory.text(text);
    reply.suggestedActions = suggestions([
      ...options.map((intent) => ({ type: ActionTypes.MessageBack, title: capitalise(describeIntent(intent)), displayText: capitalise(describeIntent(intent)), text: u.text, value: { intent } })),
      'Help',
    ]);
    await step.context.sendActivity(reply);
    return step.endDialog();
  }
}

const capitalise = (s: string) => s[0].toUpperCase() + s.slice(1);

function smallTalk(u: Understanding) {
  switch (u.intent) {
    case 'greeting':
      return MessageFactory.suggestedActions(START_ACTIONS, 'Hello! What can I help you find today?');
    case 'thanks':
      return "You're welcome! Anything else I can do?";
    case 'goodbye':
      return 'Bye for now, and thanks for stopping by!';
    case 'help':
      return help();
    default:
      return MessageFactory.suggestedActions(
        START_ACTIONS,
        "That's outside what I know about, sorry: I'm this shop's assistant. I can search the catalogue, recommend products, show deals, and help with orders, returns and delivery.",
      );
  }
}
