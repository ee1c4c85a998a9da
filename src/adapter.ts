import { CloudAdapter, ShowTypingMiddleware, type TurnContext } from 'botbuilder';
import type { Config } from './config';
import type { Logger } from './logger';
import { BotAuthentication } from './auth/botAuthentication';
import { isOutboundTimeout } from './timedHttpClient';

export const APOLOGY = "Sorry, something went wrong on my side. Please try again in a moment; nothing you did caused it.";

/**
 * The Bot Framework adapter: channel authentication is on exactly when MicrosoftAppId is set
 * (ConfigurationBotFrameworkAuthentication accepts anonymous requests when it is empty), and
 * every outgoing call gives up after OUTBOUND_TIMEOUT_MS.
 */
export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  const adapter = new CloudAdapter(new BotAuthentication(config, config.OUTBOUND_TIMEOUT_MS));
  // A typing indicator only for turns slower than half a second (search, forecasts, charts).
  adapter.use(new ShowTypingMiddleware(500, 2000));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error(
      { err: error, conversation: context.activity.conversation?.id, activityType: context.activity.type },
      'unhandled error in turn',
    );
    // The channel did not answer in time: an apology sent the same way would only wait as long again.
    if (isOutboundTimeout(error)) return;
    try {
      if (context.activity.type === 'message') await context.sendActivity(APOLOGY);
    } catch (sendError) {
      logger.warn({ err: sendError }, 'could not send the apology');
    }
  };
  return adapter;
}
