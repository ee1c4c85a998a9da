import { ActivityHandler, type Activity, type ResourceResponse, type BotState, type StatePropertyAccessor, type TurnContext } from 'botbuilder';
import { runDialog, type Dialog, type DialogState } from 'botbuilder-dialogs';
import { setUnderstanding, type Understand, type Understanding, type UnderstandContext } from './understanding';
import { conversationIdOf, userIdOf } from './session';
import { welcome } from '../replies/welcome';
import { INTENTS } from '../replies/intents';

export interface UserProfile {
  visits: number;
  firstSeen?: string;
}

/** Where every message in and out is written, with the NLU's reading of the customer's words. */
export interface TranscriptSink {
  record(line: { conversationId: string; userId: string; direction: 'in' | 'out'; text: string; intent?: string; sentiment?: Understanding['sentiment']['label']; score?: number }): void;
}

export interface ShopBotDeps {
  conversationState: BotState;
  userState: BotState;
  dialog: Dialog;
  understand: Understand;
  storeName: string;
  transcripts?: TranscriptSink;
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

  constructor(private readonly deps: ShopBotDeps) {
    super();
    this.dialogState = deps.conversationState.createProperty<DialogState>('dialogState');
    this.profile = deps.userState.createProperty<UserProfile>('profile');
    this.nluContext = deps.conversationState.createProperty<UnderstandContext>('nluContext');
    this.counted = deps.conversationState.createProperty<boolean>('counted');

    this.onMembersAdded(async (context, next) => {
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id === context.activity.recipient?.id) continue;
        const profile = await this.visit(context);
        await context.sendActivity(welcome(deps.storeName, profile.visits > 1));
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      await this.visit(context);
      const understanding = await this.understand(context);
      setUnderstanding(context, understanding);
      deps.transcripts?.record({
        conversationId: conversationIdOf(context),
        userId: userIdOf(context),
        direction: 'in',
        text: understanding.text,
        intent: understanding.intent,
        sentiment: understanding.sentiment.label,
        score: understanding.sentiment.score,
      });
      await runDialog(deps.dialog, context, this.dialogState);
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    if (this.deps.transcripts) context.onSendActivities(async (ctx, activities, next) => this.recordOutgoing(ctx, activities, next));
    await super.run(context);
    await this.deps.conversationState.saveChanges(context, false);
    await this.deps.userState.saveChanges(context, false);
  }

  private async understand(context: TurnContext): Promise<Understanding> {
    const text = (context.activity.text ?? '').trim();
    const nluContext = await this.nluContext.get(context, {});
    const understanding = this.deps.understand(text, nluContext);
    const forced = (context.activity.value as { intent?: unknown } | undefined)?.intent;
    if (typeof forced === 'string' && INTENTS.includes(forced)) {
      Object.assign(understanding, { intent: forced, confidence: 1, needsClarification: false });
    }
    await this.nluContext.set(context, { lastIntent: understanding.intent });
    return understanding;
  }

  private async recordOutgoing(context: TurnContext, activities: Partial<Activity>[], next: () => Promise<ResourceResponse[]>) {
    for (const a of activities) {
      if (a.type !== 'message') continue;
      const cards = (a.attachments ?? []).map((x) => (x.content as { title?: string } | undefined)?.title).filter(Boolean);
      const text = [a.text, ...cards].filter(Boolean).join(' | ');
      this.deps.transcripts!.record({ conversationId: conversationIdOf(context), userId: userIdOf(context), direction: 'out', text });
    }
    return next();
  }

  /** Counts the user's visits once per conversation (for "welcome back"). */
  private async visit(context: TurnContext): Promise<UserProfile> {
    const profile = await this.profile.get(context, { visits: 0 });
    if (!(await this.counted.get(context, false))) {
      profile.visits += 1;
      profile.firstSeen ??= (this.deps.now?.() ?? new Date()).toISOString();
      await this.counted.set(context, true);
      await this.profile.set(context, profile);
    }
    return profile;
  }
}
