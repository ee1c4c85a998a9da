/**
 * The yardstick for `npm run bench`: a bare Bot Framework echo bot on the same stack as Shopmate
 * (restify, the same body parsing, CloudAdapter with anonymous auth, ActivityHandler), nothing else.
 * Run as a child process: PORT, HOST.
 */
import restify from 'restify';
import { ActivityHandler, CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`Echo: ${context.activity.text ?? ''}`);
      await next();
    });
  }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '' }));
const bot = new EchoBot();
const server = restify.createServer({ name: 'echo', handleUncaughtExceptions: false });
server.post(
  '/api/messages',
  restify.plugins.bodyReader({ maxBodySize: 256 * 1024 }),
  restify.plugins.jsonBodyParser({ mapParams: false, bodyReader: true } as restify.plugins.JsonBodyParserOptions),
  async (req: restify.Request, res: restify.Response) => {
    await adapter.process(req, res, (context) => bot.run(context));
  },
);
server.get('/healthz', (_req, res, next) => {
  res.send(200, { status: 'ok' });
  return next();
});
server.listen(Number(process.env.PORT ?? 3979), process.env.HOST ?? '127.0.0.1');
process.on('SIGTERM', () => server.close(() => process.exit(0)));
