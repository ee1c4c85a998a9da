import { ActivityHandler, ActivityTypes, type TurnContext } from 'botbuilder';
import { directLineIdentity } from '../../src/directline/directLineAdapter';

/**
 * A stand-in for ShopBot: greets new members, answers "whoami" with the token's identity,
 * sends typing then an echo, throws on "boom", and takes its time on "slow …".
 */
export function fakeBot() {
  const bot = new ActivityHandler();
  bot.onMembersAdded(async (context, next) => {
    for (const m of context.activity.membersAdded ?? []) {
      if (m.id !== context.activity.recipient.id) await context.sendActivity('Welcome to the test shop!');
    }
    await next();
  });
  bot.onMessage(async (context, next) => {
    const text = context.activity.text ?? '';
    if (text === 'boom') throw new Error('the bot broke');
    if (text === 'whoami') {
      const who = directLineIdentity(context);
      await context.sendActivity(`${who?.userId}/${who?.role}/${context.activity.from.id}`);
      return next();
    }
    if (text.startsWith('slow')) await new Promise((r) => setTimeout(r, 50));
    await context.sendActivities([{ type: ActivityTypes.Typing }, { type: ActivityTypes.Trace, name: 'debug' }, { type: 'message', text: `echo: ${text}` }]);
    await next();
  });
  return (context: TurnContext) => bot.run(context);
}
