import { ActivityHandler, type InvokeResponse, type BotState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import type { Dialog, DialogState } from 'botbuilder-dialogs';
import { setUnderstanding, type Understand, type Understanding, type UnderstandContext } from './understanding';
import { conversationIdOf, userIdOf } from './session';
import { welcome } from '../replies/welcome';
import { INTENTS } from '../replies/intents';
import type { StaffAuth, Elevation } from '../auth/staffAuth';
import { isVouchedStaff, parseStaffCommand, setStaffCommand } from './staffCommand';
import { DialogRunner } from './dialogRunner';
import { TurnTranscript, type TranscriptSink } from './turnTranscript';

export type { TranscriptSink } from './turnTranscript';

const TRANSCRIPT = Symbol('turnTranscript');

export interface UserProfile {
  visits: number;
  firstSeen?: string;
}

export interface ShopBotDeps {
  conversationState: BotState;
  userState: BotState;
  dialog: Dialog;
  understand: Understand;
  storeName: string;
  transcripts?: TranscriptSink;
  staff?: {
    auth: StaffAuth;
    /** Runs authorised commands on its own dialog stack, so a customer dialog in progress is untouched. */
    dialog: Dialog;
    audit: (actor: string, action: string, detail: Record<string, unknown>, result: string) => void;
  };
  now?: () => Date;
}

/**
 * The thin bot: understands the message, runs the root dialog, saves state once per turn.
 * Everything a customer can do lives in the dialogs.
 */
export class ShopBot extends ActivityHandler {
  readonly dialogState: StatePropertyAccessor<DialogState>;
  readonly profile: StatePropertyAccessor<UserProfile>;
  private readonly nluContext: StatePropertyAccessor<UnderstandContext>;
  private readonly counted: StatePropertyAccessor<boolean>;
  private readonly elevation: StatePropertyAccessor<Elevation | undefined>;
  private readonly staffDialogState: StatePropertyAccessor<DialogState>;
  private readonly dialogRunner: DialogRunner;
  private readonly staffDialogRunner?: DialogRunner;

  constructor(private readonly deps: ShopBotDeps) {
    super();
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.profile = deps.userState.createProperty<UserProfile>('profile');
    this.nluContext = deps.conversationState.createProperty<UnderstandContext>('nluContext');
    this.counted = deps.conversationState.createProperty<boolean>('counted');
    this.elevation = deps.conversationState.createProperty<Elevation | undefined>('staffElevation');
    this.staffDialogState = deps.conversationState.createProperty<DialogState>('staffDialogState');
    this.dialogRunner = new DialogRunner(deps.dialog, this.dialogState);
    if (deps.staff) this.staffDialogRunner = new DialogRunner(deps.staff.dialog, this.staffDialogState);

    this.onMembersAdded(async (context, next) => {
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id === context.activity.recipient?.id) continue;
        await this.countVisit(context);
        const profile = await this.profile.get(context, { visits: 0 });
        await context.sendActivity(welcome(deps.storeName, profile.visits > 1));
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      await this.countVisit(context);
      if (await this.staffTurn(context)) return next();
      const understanding = await this.understand(context);
      setUnderstanding(context, understanding);
      this.transcriptOf(context)?.add({
        conversationId: conversationIdOf(context),
        userId: userIdOf(context),
        direction: 'in',
        text: parseStaffCommand(understanding.text)?.name === 'login' ? '/login [redacted]' : understanding.text,
        intent: understanding.intent,
        sentiment: understanding.sentiment.label,
        score: understanding.sentiment.score,
      });
      await this.dialogRunner.run(context);
      await next();
    });
  }

  /**
   * Invokes ask for a synchronous answer (Teams tabs, messaging extensions). The shop uses message
   * cards only, so any invoke gets a clear 400 instead of the SDK's 501.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    const name = context.activity.name ? `"${context.activity.name.slice(0, 64)}"` : 'without a name';
    return { status: 400, body: { error: `unsupported invoke ${name}` } };
  }

  /** Runs the turn and saves state once; the turn's transcript is written when it ends, even if it failed. */
  override async run(context: TurnContext): Promise<void> {
    const transcript = this.deps.transcripts && new TurnTranscript(this.deps.transcripts, this.deps.now ?? (() => new Date()));
    if (transcript) {
      context.turnState.set(TRANSCRIPT, transcript);
      context.onSendActivities(async (ctx, activities, next) => {
        await transcript.outgoing(ctx, activities);
        return next();
      });
    }
    let saving: Promise<unknown> | undefined;
    try {
      await super.run(context);
      // Started together, the state writes and the transcript share one commit (GroupCommit).
      saving = Promise.all([
        this.deps.conversationState.saveChanges(context, false),
        this.deps.userState.saveChanges(context, false),
        transcript?.flush(),
      ]);
      await saving;
    } finally {
      if (!saving) await transcript?.flush();
    }
  }

  private transcriptOf(context: TurnContext): TurnTranscript | undefined {
    return context.turnState.get(TRANSCRIPT) as TurnTranscript | undefined;
  }

  /**
   * Staff commands run only for staff. A wrong /login, or any command from someone who is not
   * staff, falls through to the customer conversation, which reveals nothing about commands.
   */
  private async staffTurn(context: TurnContext): Promise<boolean> {
    const staff = this.deps.staff;
    const parsed = staff && parseStaffCommand(context.activity.text ?? '');
    if (!staff || !parsed) return false;
    const userId = userIdOf(context);
    const check = { userId, conversationId: conversationIdOf(context), vouched: isVouchedStaff(context), elevation: await this.elevation.get(context) };
    if (parsed.name === 'login') {
      const elevation = staff.auth.login(check, parsed.args.join(' '));
      staff.audit(userId, 'login', { conversation: check.conversationId }, elevation ? 'ok' : staff.auth.rateLimited(check) ? 'rate limited' : 'refused');
      if (!elevation) return false;
      await this.elevation.set(context, elevation);
      await context.sendActivity('Signed in as staff for this conversation. Type /help for the staff commands.');
      return true;
    }
    if (!staff.auth.isStaff(check)) return false;
    if (check.elevation) await this.elevation.set(context, staff.auth.touch(check.elevation));
    if (parsed.name === 'logout') {
      await this.elevation.delete(context);
      staff.audit(userId, 'logout', {}, 'ok');
      await context.sendActivity('Signed out of staff mode.');
      return true;
    }
    setStaffCommand(context, { ...parsed, actor: userId });
    this.transcriptOf(context)?.add({ conversationId: check.conversationId, userId, direction: 'in', text: `/${parsed.name} ${parsed.args.join(' ')}`.trim(), intent: 'staff' });
    await this.staffDialogRunner!.run(context);
    return true;
  }

  private async understand(context: TurnContext): Promise<Understanding> {
    const text = (context.activity.text ?? '').trim();
    const nluContext = await this.nluContext.get(context, {});
    const understanding = this.deps.understand(text, nluContext);
    const forced = (context.activity.value as { intent?: unknown } | undefined)?.intent;
    if (typeof forced === 'string' && INTENTS.includes(forced)) {
      Object.assign(understanding, { intent: forced, confidence: 1, needsClarification: false });
    } else if (parseStaffCommand(text)) {
      // A staff command from someone who is not staff: the ordinary "not something I know" answer.
      Object.assign(understanding, { intent: 'out_of_scope', confidence: 1, needsClarification: false, sentiment: { label: 'neutral', score: 0 } });
    }
    await this.nluContext.set(context, { lastIntent: understanding.intent });
    return understanding;
  }

  /**
   * Counts the user's visits once per conversation (for "welcome back"). User state is read only
   * for the conversation's first count, not on every turn.
   */
  private async countVisit(context: TurnContext): Promise<void> {
    if (await this.counted.get(context, false)) return;
    const profile = await this.profile.get(context, { visits: 0 });
    profile.visits += 1;
    profile.firstSeen ??= (this.deps.now?.() ?? new Date()).toISOString();
    await this.counted.set(context, true);
    await this.profile.set(context, profile);
  }
}
