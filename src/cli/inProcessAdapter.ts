import {
  ActivityTypes,
  BotAdapter,
  TurnContext,
  type Activity,
  type ConversationReference,
  type ResourceResponse,
} from 'botbuilder';
import { randomUUID } from 'node:crypto';

/**
 * A channel inside this process: activities go straight to the bot and replies come back to a
 * callback. Used by `shopmate chat` to talk to the very same bot the server runs.
 */
export class InProcessAdapter extends BotAdapter {
  private readonly conversation: ConversationReference;

  constructor(
    private readonly onReply: (activity: Partial<Activity>) => void,
    options: { userId: string; userName?: string; conversationId?: string },
  ) {
    super();
    this.conversation = {
      channelId: 'console',
      serviceUrl: 'inproc://console',
      conversation: { id: options.conversationId ?? `console-${randomUUID()}`, isGroup: false, conversationType: 'personal', name: 'console' },
      user: { id: options.userId, name: options.userName ?? options.userId },
      bot: { id: 'shopmate', name: 'Shopmate' },
    };
  }

  /** Sends one activity from the user through the middleware and the bot. */
  async receive(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const full = {
      id: randomUUID(),
      timestamp: new Date(),
      channelId: this.conversation.channelId,
      serviceUrl: this.conversation.serviceUrl,
      conversation: this.conversation.conversation,
      from: this.conversation.user,
      recipient: this.conversation.bot,
      ...activity,
    } as Activity;
    const context = new TurnContext(this, full);
    await this.runMiddleware(context, logic);
  }

  async say(text: string, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    await this.receive({ type: ActivityTypes.Message, text }, logic);
  }

  async join(logic: (context: TurnContext) => Promise<void>): Promise<void> {
    await this.receive({ type: ActivityTypes.ConversationUpdate, membersAdded: [this.conversation.user!, this.conversation.bot!] }, logic);
  }

  async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    return activities.map((activity) => {
      if (activity.type === 'delay') return { id: '' };
      this.onReply(activity);
      return { id: randomUUID() };
    });
  }

  async updateActivity(_context: TurnContext, activity: Partial<Activity>): Promise<void> {
    this.onReply(activity);
  }

  async deleteActivity(): Promise<void> {}

  async continueConversation(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    const context = new TurnContext(this, TurnContext.applyConversationReference({ type: ActivityTypes.Event, name: 'continue' }, reference, true));
    await this.runMiddleware(context, logic);
  }
}
