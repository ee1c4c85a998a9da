import type { TurnContext } from 'botbuilder';
import { ConversationQueue } from './conversationQueue';
import { RateLimiter } from './rateLimiter';
import type { Logger } from '../logger';

export const SLOW_DOWN = "You're sending messages faster than I can read them. Please wait a moment and try again.";

export interface TurnRunnerOptions {
  run: (context: TurnContext) => Promise<void>;
  logger: Logger;
  /** Messages per second per conversation, and the burst allowed. */
  conversationRate: number;
  conversationBurst: number;
}

/**
 * How every turn runs, whatever the channel: one at a time per conversation in arrival order,
 * rate-limited per conversation, logged with its latency.
 */
export function createTurnRunner(options: TurnRunnerOptions): (context: TurnContext) => Promise<void> {
  const queue = new ConversationQueue();
  const limiter = new RateLimiter(options.conversationRate, options.conversationBurst);
  return (context) => {
    const conversation = context.activity.conversation?.id ?? 'unknown';
    return queue.run(conversation, async () => {
      const started = performance.now();
      if (context.activity.type === 'message' && !limiter.take(conversation)) {
        options.logger.warn({ conversation }, 'conversation rate limit');
        await context.sendActivity(SLOW_DOWN);
        return;
      }
      await options.run(context);
      options.logger.info({ conversation, channel: context.activity.channelId, type: context.activity.type, ms: Math.round((performance.now() - started) * 10) / 10 }, 'turn');
    });
  };
}
