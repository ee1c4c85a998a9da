import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ChannelAccount,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import { APOLOGY } from '../adapter';
import type { Logger } from '../logger';
import type { ConversationLog } from './conversationLog';
import type { TokenRole } from './tokens';

export const CHANNEL_ID = 'directline';
export const SERVICE_URL = 'inproc://directline';

/** Who sent a Direct Line activity, as proven by their token (never taken from the activity). */
export interface DirectLineIdentity {
  userId: string;
  role: TokenRole;
}

import { vouchForStaff } from '../bot/staffCommand';

const IDENTITY = Symbol.for('shopmate.directLineIdentity');

/** The token-proven sender of this turn, or undefined when the turn did not come through Direct Line. */
export function directLineIdentity(context: TurnContext): DirectLineIdentity | undefined {
  return context.turnState.get(IDENTITY) as DirectLineIdentity | undefined;
}

const MAX_DELAY_MS = 10_000;
/** Reply types a channel does not deliver to the client. */
const NOT_DELIVERED = new Set<string>([ActivityTypes.Trace, ActivityTypes.InvokeResponse, 'delay']);

type Logic = (context: TurnContext) => Promise<void>;

/**
 * The Direct Line channel inside this process: a user's activity is written to the conversation
 * log, the bot runs its turn here, and its replies are appended to the same log for the client
 * to poll. Turns of one conversation run one at a time, in the order they arrived.
 */
export class DirectLineAdapter extends BotAdapter {
  private readonly queues = new Map<string, Promise<void>>();

  constructor(
    private readonly log: ConversationLog,
    readonly bot: ChannelAccount,
    logger: Logger,
  ) {
    super();
    this.onTurnError = async (context, error) => {
      logger.error({ err: error, conversation: context.activity.conversation?.id, activityType: context.activity.type }, 'unhandled error in turn');
      try {
        if (context.activity.type === ActivityTypes.Message) await context.sendActivity(APOLOGY);
      } catch (sendError) {
        logger.warn({ err: sendError }, 'could not send the apology');
      }
    };
  }

  /**
   * Records what a client posted, with the fields the channel owns overwritten: id, time, channel,
   * conversation, recipient and the sender, which is the token's user whatever the client wrote.
   */
  accept(conversationId: string, sender: DirectLineIdentity, posted: Partial<Activity>): Activity & { id: string } {
    const name = typeof posted.from?.name === 'string' ? posted.from.name.slice(0, 64) : undefined;
    return this.log.append(conversationId, {
      ...posted,
      channelId: CHANNEL_ID,
      serviceUrl: SERVICE_URL,
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: sender.userId, name: name ?? '', role: 'user' },
      recipient: this.bot,
    });
  }

  /** Runs the bot on an accepted activity, after the turns already queued for its conversation. */
  runTurn(activity: Activity, sender: DirectLineIdentity, logic: Logic): Promise<void> {
    return this.enqueue(activity.conversation.id, async () => {
      const context = new TurnContext(this, activity);
      context.turnState.set(IDENTITY, sender);
      if (sender.role === 'staff') vouchForStaff(context);
      await this.runMiddleware(context, logic);
    });
  }

  /** Tells the bot that the user joined a new conversation (it answers with its welcome). */
  join(conversationId: string, sender: DirectLineIdentity, logic: Logic): Promise<void> {
    const user = { id: sender.userId, name: '', role: 'user' };
    const update = {
      type: ActivityTypes.ConversationUpdate,
      timestamp: new Date(),
      channelId: CHANNEL_ID,
      serviceUrl: SERVICE_URL,
      conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
      from: user,
      recipient: this.bot,
      membersAdded: [this.bot, user],
    } as Activity;
    return this.runTurn(update, sender, logic);
  }

  async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    const responses: ResourceResponse[] = [];
    for (const activity of activities) {
      if (activity.type === 'delay') await new Promise((r) => setTimeout(r, Math.min(Number(activity.value) || 0, MAX_DELAY_MS)));
      if (NOT_DELIVERED.has(activity.type ?? '')) {
        responses.push({ id: '' });
        continue;
      }
      const conversationId = activity.conversation?.id;
      if (!conversationId) throw new Error('cannot send an activity without a conversation');
      const logged = this.log.append(conversationId, { ...activity, from: { ...this.bot, ...activity.from, role: 'bot' } });
      responses.push({ id: logged.id });
    }
    return responses;
  }

  async updateActivity(): Promise<void> {
    throw new Error('Direct Line (polling) cannot update an activity already delivered');
  }

  async deleteActivity(): Promise<void> {
    throw new Error('Direct Line (polling) cannot delete an activity already delivered');
  }

  /** Proactive messages (e.g. a staff member answering a handoff) into an existing conversation. */
  async continueConversation(reference: Partial<ConversationReference>, logic: Logic): Promise<void> {
    const activity = TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continueConversation' }, reference, true);
    const conversationId = activity.conversation?.id;
    if (!conversationId) throw new Error('continueConversation needs a conversation id');
    await this.enqueue(conversationId, () => this.runMiddleware(new TurnContext(this, activity), logic));
  }

  /** Resolves when no turn is running or waiting (graceful shutdown, tests). */
  async idle(): Promise<void> {
    while (this.queues.size > 0) await Promise.allSettled([...this.queues.values()]);
  }

  private enqueue(key: string, job: () => Promise<void>): Promise<void> {
    const previous = this.queues.get(key) ?? Promise.resolve();
    const run = previous.then(job);
    const tail = run.catch(() => undefined); // the caller of `run` sees the failure
    this.queues.set(key, tail);
    void tail.then(() => {
      if (this.queues.get(key) === tail) this.queues.delete(key);
    });
    return run;
  }
}
