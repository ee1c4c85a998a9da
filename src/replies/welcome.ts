import { ActivityTypes, CardFactory, MessageFactory, type Activity, type Attachment } from 'botbuilder';

/** The things a customer can do, offered as buttons after the welcome and in help. */
export const START_ACTIONS = ['Find a product', 'Recommend something', "Today's deals", 'Track my order', 'Help'];

export function welcome(storeName: string, returning: boolean): Partial<Activity> {
  const text = returning
    ? `Welcome back to ${storeName}! What can I do for you today?`
    : `Hi! I'm the ${storeName} assistant. I can find products in plain words, recommend things you'll like, ` +
      'show the deals meant for you, and help with orders, returns and delivery. What are you looking for?';
  return MessageFactory.suggestedActions(START_ACTIONS, text);
}

export function help(): Partial<Activity> {
  const text = [
    'Here is what I can do:',
    '- **Search**: "red mugs under £10", "running shoes size 9", then "cheaper" or "in blue"',
    '- **Recommend**: "what would I like?", "something like this", "what goes with my cart?"',
    '- **Deals**: "any discounts for me?"',
    '- **Cart**: "add the second one", "show my cart", "checkout"',
    '- **Orders**: "where is my order SM100042?", "cancel my order", "I want to return something"',
    '- **Help from a person**: "talk to a human"',
    'Say "cancel" at any time to stop what we are doing.',
  ].join('\n');
  return MessageFactory.suggestedActions(START_ACTIONS, text);
}

export function typing(): Partial<Activity> {
  return { type: ActivityTypes.Typing };
}

export function heroCard(title: string, text: string, buttons: string[]): Attachment {
  return CardFactory.heroCard(title, text, undefined, CardFactory.actions(buttons.map((b) => ({ type: 'imBack', title: b, value: b }))));
}
