/**
 * Bad requests and hostile texts for test/e2e/hostile.test.ts (and the property test's seeds).
 * Each entry names what it tries, so a failure says which input broke what.
 */
import { APOLOGY } from '../../src/adapter';

/** Why a turn's replies are not a helpful answer, or undefined when they are. */
export function unhelpful(replies: { activity: Record<string, any> }[], input: string): string | undefined {
  const messages = replies.map((r) => r.activity).filter((a) => a.type === 'message');
  if (messages.length === 0) return 'no reply';
  for (const m of messages) {
    const text = String(m.text ?? '');
    if (text === APOLOGY) return 'the apology for an error in the turn';
    if (!text.trim() && !(m.attachments ?? []).length) return 'an empty reply';
    for (const junk of ['undefined', 'NaN', '[object Object]']) if (text.includes(junk) && !input.includes(junk)) return `a reply showing "${junk}": ${text.slice(0, 200)}`;
    if (text.length > 5000) return `a reply of ${text.length} characters`;
  }
  return undefined;
}

/** Bodies that are not a usable activity at all: the answer must be a 4xx. */
export function badBodies(serviceUrl: string): [string, string | unknown, Record<string, string>?][] {
  const valid = JSON.stringify({ type: 'message', text: 'hi', channelId: 'emulator', serviceUrl, conversation: { id: 'bad-body' }, from: { id: 'u-bad' }, recipient: { id: 'bot' } });
  const json = { 'content-type': 'application/json' };
  return [
    ['not JSON', 'hello there', json],
    ['empty body', '', json],
    ...[1, 10, 40, valid.length - 1].map((n): [string, string, Record<string, string>] => [`JSON truncated at ${n}`, valid.slice(0, n), json]),
    ['JSON null', 'null', json],
    ['JSON number', '42', json],
    ['JSON string', '"message"', json],
    ['JSON array', '[1,2,3]', json],
    ['NUL bytes in the body', `${valid.slice(0, 20)}\u0000${valid.slice(20)}`, json],
    ['wrong content type', valid, { 'content-type': 'text/plain' }],
    ['form content type', 'type=message&text=hi', { 'content-type': 'application/x-www-form-urlencoded' }],
    ['missing type', { text: 'hi', serviceUrl, conversation: { id: 'c' } }],
    ['type is a number', { type: 42, serviceUrl, conversation: { id: 'c' } }],
    ['empty type', { type: '', serviceUrl, conversation: { id: 'c' } }],
    ['missing conversation', { type: 'message', text: 'hi', serviceUrl, from: { id: 'u' } }],
    ['conversation is a string', { type: 'message', text: 'hi', serviceUrl, conversation: 'c' }],
    ['conversation id is a number', { type: 'message', text: 'hi', serviceUrl, conversation: { id: 7 } }],
    ['conversation id is empty', { type: 'message', text: 'hi', serviceUrl, conversation: { id: '' } }],
    ['conversation id of 100 KB', { type: 'message', text: 'hi', serviceUrl, conversation: { id: 'c'.repeat(100_000) } }],
    ['text is a number', { type: 'message', text: 42, serviceUrl, conversation: { id: 'c' } }],
    ['text is an object', { type: 'message', text: { $gt: '' }, serviceUrl, conversation: { id: 'c' } }],
    ['from is a string', { type: 'message', text: 'hi', serviceUrl, conversation: { id: 'c' }, from: 'me' }],
    ['id is an object', { type: 'message', text: 'hi', serviceUrl, conversation: { id: 'c' }, id: { x: 1 } }],
    ['message without serviceUrl', { type: 'message', text: 'hi', conversation: { id: 'c' } }],
    ['serviceUrl is not a URL', { type: 'message', text: 'hi', serviceUrl: 'not a url', conversation: { id: 'c' } }],
    ['serviceUrl is a number', { type: 'message', text: 'hi', serviceUrl: 7, conversation: { id: 'c' } }],
    ['1 MB text', { type: 'message', text: 'mugs '.repeat(210_000), serviceUrl, conversation: { id: 'c' } }],
  ];
}

/** Texts a customer could type, hostile or just odd. Every one must get a helpful reply. */
export const HOSTILE_TEXTS: [string, string][] = [
  ['empty', ''],
  ['spaces', '     '],
  ['tabs and newlines', '\n\t\r\n'],
  ['control characters', '\u0001\u0002\u0003 show \u0007 mugs \u001b[31m red \u001b[0m'],
  ['NUL bytes', 'mugs\u0000 under\u0000 10'],
  ['only NUL', '\u0000\u0000'],
  ['right-to-left override', '\u202Eslliw nihtiw sgum\u202C show me mugs'],
  ['Arabic', 'أريد كوب أحمر من فضلك'],
  ['Hebrew', 'אני רוצה ספל אדום'],
  ['zero-width characters', 'm\u200bu\u200cg\u200ds\ufeff un\u2060der 10'],
  ['byte order mark', '\ufeffhi'],
  ['emoji only', '😀😀😀'],
  ['thumbs up', '👍'],
  ['flag and family', '🇬🇧 👨‍👩‍👧‍👦'],
  ['lone surrogates', '\ud800 mugs \udfff'],
  ['combining marks', 'm\u0301u\u0301g\u0301s\u0301 Z\u0351\u0352\u0353a\u0354\u0355l\u0356g\u0357o'],
  ['fullwidth letters', 'ｓｈｏｗ ｍｅ ｍｕｇｓ'],
  ['FTS5 quote', '"'],
  ['FTS5 unbalanced quotes', 'red "mug'],
  ['FTS5 NEAR', 'NEAR(mug red)'],
  ['FTS5 NEAR open', 'NEAR('],
  ['FTS5 star', '*'],
  ['FTS5 prefix', 'mug*'],
  ['FTS5 AND OR', 'AND OR'],
  ['FTS5 boolean soup', 'red AND OR NOT mug NOT'],
  ['FTS5 column filter', 'name:mug OR description:*'],
  ['FTS5 caret and braces', '^mug {name brand}: red'],
  ['FTS5 parentheses', '((( mug )'],
  ['SQL comment', "show me mugs' OR 1=1 --"],
  ['SQL drop', "'; DROP TABLE orders; --"],
  ['SQL delete', '1; DELETE FROM customers'],
  ['SQL union', "mug' UNION SELECT email, name FROM customers --"],
  ['Bobby Tables', "Robert'); DROP TABLE products;--"],
  ['SQL double quotes', '" OR ""="'],
  ['very long number', '9'.repeat(400)],
  ['price with a huge number', 'show me mugs under 99999999999999999999999999999 pounds'],
  ['price 1e309', 'mugs under £1e309'],
  ['price 1e309 bare', 'price 1e309'],
  ['negative price', 'mugs under -5 pounds'],
  ['price range reversed', 'mugs between 50 and 10 pounds'],
  ['NaN and Infinity', 'NaN Infinity -Infinity'],
  ['hex and octal', 'add 0x1F mugs and 0o777 plates'],
  ['negative quantity', 'add -5 mugs to my cart'],
  ['zero quantity', 'I want 0 mugs'],
  ['huge quantity', 'add 99999999999 mugs to my cart'],
  ['quantity 1e309', 'add 1e309 mugs'],
  ['order number absurdly long', `where is my order SM${'9'.repeat(200)}`],
  ['order number malformed', 'cancel order SM-1 and SM1e309'],
  ['email 300 characters', `${'x'.repeat(300)}@example.com`],
  ['email without domain', 'my email is a@b'],
  ['format strings', '%s %d %n %x {0} {{7*7}} ${process.exit()}'],
  ['HTML and script', '<script>alert(1)</script><img src=x onerror=alert(1)>'],
  ['markdown injection', '![x](javascript:alert(1)) [click](http://evil.example)'],
  ['prototype words', '__proto__ constructor prototype toString'],
  ['path traversal', '../../../../etc/passwd'],
  ['staff login without rights', '/login not-the-token'],
  ['staff reprice without rights', '/reprice MUG-1 apply 0.01'],
  ['staff promo without rights', '/promo create 99% off everything'],
  ['slash alone', '/'],
  ['one long word', 'a'.repeat(20_000)],
  ['many words', 'mug '.repeat(5_000)],
  ['question marks', '?'.repeat(10_000)],
  ['mixed scripts and numbers', 'Покажи 3 кружки до 10 фунтов 🍵 مجموع'],
  ['yes out of context', 'yes'],
  ['code out of context', '123456'],
];

/** Card-action values with the wrong shape or impossible numbers; `raw` replaces the placeholder 12345 in the JSON. */
export const HOSTILE_VALUES: { name: string; value: unknown; raw?: string }[] = [
  { name: 'negative product id', value: { action: 'add_to_cart', productId: -1 } },
  { name: 'zero product id', value: { action: 'add_to_cart', productId: 0 } },
  { name: 'text product id', value: { action: 'add_to_cart', productId: 'abc' } },
  { name: 'product id 1e309', value: { action: 'add_to_cart', productId: 12345 }, raw: '1e309' },
  { name: 'product id beyond 2^53', value: { action: 'add_to_cart', productId: 12345 }, raw: '123456789012345678901234567890' },
  { name: 'unknown product id', value: { action: 'add_to_cart', productId: 99_999_999 } },
  { name: 'product id is an object', value: { action: 'add_to_cart', productId: { $gt: 0 } } },
  { name: 'negative quantity', value: { action: 'add_to_cart', productId: 1, quantity: -5 } },
  { name: 'quantity 1e309', value: { action: 'add_to_cart', productId: 1, quantity: 12345 }, raw: '1e309' },
  { name: 'fractional quantity', value: { action: 'add_to_cart', productId: 1, quantity: 2.5 } },
  { name: 'quantity as text', value: { action: 'add_to_cart', productId: 1, quantity: 'lots' } },
  { name: 'remove what is not there', value: { action: 'remove_from_cart', productId: 99_999_999 } },
  { name: 'details of nothing', value: { action: 'details', productId: -3 } },
  { name: 'unknown action', value: { action: 'drop_tables' } },
  { name: 'action __proto__', value: { action: '__proto__', productId: 1 } },
  { name: 'checkout with an empty cart', value: { action: 'checkout' } },
  { name: 'value is a string', value: 'add_to_cart' },
  { name: 'value is an array', value: [1, 2, 3] },
  { name: 'value is null', value: null },
  { name: 'forced intent', value: { intent: 'cancel_order' } },
  { name: 'forced unknown intent', value: { intent: 'drop_tables' } },
  { name: 'forced intent of the wrong type', value: { intent: 42 } },
];

/**
 * Activities that parse and have the minimum shape, but with odd types and fields. `raw` replaces
 * the text "PLACEHOLDER" in the JSON body (for what JSON.stringify cannot produce).
 */
export const ODD_ACTIVITIES: { name: string; fields: Record<string, unknown>; raw?: string; omit?: string[] }[] = [
  { name: 'invoke with an unknown name', fields: { type: 'invoke', name: 'weird/thing', value: { a: 1 } } },
  { name: 'invoke without a name', fields: { type: 'invoke' } },
  { name: 'event with an odd value', fields: { type: 'event', name: 'x', value: [null, { y: 1e300 }] } },
  { name: 'reaction with a string list', fields: { type: 'messageReaction', reactionsAdded: 'x' } },
  { name: 'end of conversation', fields: { type: 'endOfConversation', code: 42 } },
  { name: 'delete user data', fields: { type: 'deleteUserData' } },
  { name: 'installation update', fields: { type: 'installationUpdate', action: 'add' } },
  { name: 'typing', fields: { type: 'typing' } },
  { name: 'unknown type of 64 characters', fields: { type: 'x'.repeat(64) } },
  { name: 'type __proto__', fields: { type: '__proto__' } },
  { name: 'members added as a string', fields: { type: 'conversationUpdate', membersAdded: 'x' } },
  { name: 'members added [null]', fields: { type: 'conversationUpdate', membersAdded: [null] } },
  { name: 'members added [{}]', fields: { type: 'conversationUpdate', membersAdded: [{}] } },
  { name: 'member id is a number', fields: { type: 'conversationUpdate', membersAdded: [{ id: 5 }] } },
  { name: 'members removed [null]', fields: { type: 'conversationUpdate', membersRemoved: [null] } },
  { name: 'attachments is a string', fields: { type: 'message', text: 'hi', attachments: 'x' } },
  { name: 'entities is a number', fields: { type: 'message', text: 'hi', entities: 5 } },
  { name: 'suggested actions is a number', fields: { type: 'message', text: 'hi', suggestedActions: 5 } },
  { name: 'channelData is a string', fields: { type: 'message', text: 'hi', channelData: 'junk' } },
  { name: 'locale is a number', fields: { type: 'message', text: 'hi', locale: 5 } },
  { name: 'conversation.isGroup is a string', fields: { type: 'message', text: 'hi', conversation: { id: 'odd-isgroup', isGroup: 'yes' } } },
  { name: 'from.name is a number', fields: { type: 'message', text: 'hi', from: { id: 'odd-user', name: 42 } } },
  { name: 'no recipient', fields: { type: 'message', text: 'hi' }, omit: ['recipient'] },
  { name: 'no from', fields: { type: 'message', text: 'hi' }, omit: ['from'] },
  { name: 'no channelId', fields: { type: 'message', text: 'hi' }, omit: ['channelId'] },
  { name: 'timestamp is not a date', fields: { type: 'message', text: 'hi', timestamp: 'yesterday', localTimestamp: 5 } },
  { name: 'replyToId is an object', fields: { type: 'message', text: 'hi', replyToId: { a: 1 } } },
  { name: 'prototype pollution', fields: { type: 'message', text: 'hi', value: 'PLACEHOLDER' }, raw: '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}}}' },
  { name: 'value nested 20 000 deep', fields: { type: 'message', text: 'hi', value: 'PLACEHOLDER' }, raw: `${'['.repeat(20_000)}${']'.repeat(20_000)}` },
  { name: 'value of 200 KB', fields: { type: 'message', text: 'hi', value: { blob: 'x'.repeat(200_000) } } },
];
