import { CloudAdapter, ConfigurationBotFrameworkAuthentication, ShowTypingMiddleware, type TurnContext } from 'botbuilder';
import type { Config } from './config';
import type { Logger } from './logger';

export const APOLOGY = "Sorry, something went wrong on my side. Please try again in a moment; nothing you did caused it.";

/**
 * The Bot Framework adapter: channel authentication is on exactly when MicrosoftAppId is set
 * (ConfigurationBotFrameworkAuthentication accepts anonymous requests when it is empty).
 */
export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  const auth = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: config.MicrosoftAppId,
    MicrosoftAppPassword: config.MicrosoftAppPassword,
    MicrosoftAppType: config.MicrosoftAppType,
    MicrosoftAppTenantId: config.MicrosoftAppTenantId,
  });
  const adapter = new CloudAdapter(auth);
  // A typing indicator only for turns slower than half a second (search, forecasts, charts).
  adapter.use(new ShowTypingMiddleware(500, 2000));
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    logger.error(
      { err: error, conversation: context.activity.conversation?.id, activityType: context.activity.type },
      'unhandled error in turn',
    );
    try {
      if (context.activity.type === 'message') await context.sendActivity(APOLOGY);
    } catch (sendError) {
      logger.warn({ err: sendError }, 'could not send the apology');
    }
  };
  return adapter;
}
