import fc from 'fast-check';
import { INTENTS } from '../../src/nlu';
import { HOSTILE_TEXTS } from './hostileCorpus';

/** Words the bot reacts to, and fragments that have broken parsers elsewhere. */
const WORDS = [
  'hi', 'mug', 'mugs', 'red', 'blue', 'navy', 'under', 'over', 'between', 'and', '£10', '$5', '10', '-5', '0', '1e309', '3.5',
  'pounds', 'quid', 'cheaper', 'in', 'size', 'M', 'UK 7', 'shoes', 'duvet', 'add', 'cart', 'remove', 'checkout', 'order',
  'SM100123', 'SM', 'where', 'is', 'my', 'cancel', 'return', 'refund', 'yes', 'no', 'help', 'recommend', 'something', 'deals',
  'not', 'without', 'nike', 'the', 'second', 'one', 'compare', 'human', 'agent', 'love', 'hate', 'terrible', 'a@b.co',
  'jo.smith@example.com', '123456', '/login', '/reprice', '/promo', '"', 'NEAR(', '*', 'AND', 'OR', 'NOT', "'", ';', '--',
  'DROP TABLE orders', '\u0000', '\u202E', '\u200B', '\uFEFF', '😀', '👨‍👩‍👧', 'ä', 'ß', 'İ', 'ﬁ', '٣', '¼',
];

/** A lone UTF-16 surrogate, which JSON can carry and SQLite cannot store as is. */
const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));

export const textArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...WORDS), { maxLength: 14 }).map((w) => w.join(' ')) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary-ascii', maxLength: 60 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.oneof(fc.constantFrom(...WORDS.map((w) => `${w} `)), loneSurrogate), maxLength: 10 }) },
  { weight: 1, arbitrary: fc.constantFrom(...HOSTILE_TEXTS.map(([, t]) => t)) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...WORDS), fc.integer({ min: 1, max: 3000 })).map(([w, n]) => `${w} `.repeat(n)) },
);

const numberish = fc.oneof(fc.integer({ min: -5, max: 600 }), fc.double(), fc.constant(Number.MAX_SAFE_INTEGER + 2), fc.string({ maxLength: 6 }), fc.constant(null));

/** Card values: well-formed actions with bad numbers, forced intents, and anything JSON. */
export const valueArb: fc.Arbitrary<unknown> = fc.oneof(
  fc.record(
    {
      action: fc.constantFrom('add_to_cart', 'remove_from_cart', 'details', 'similar', 'not_interested', 'checkout', 'view_cart', 'sign_in', 'handoff', 'nope', '__proto__'),
      productId: numberish,
      quantity: numberish,
    },
    { requiredKeys: ['action'] },
  ),
  fc.record({ intent: fc.oneof(fc.constantFrom(...INTENTS), fc.string({ maxLength: 12 })) }),
  fc.jsonValue({ maxDepth: 3 }),
);

const ACTIVITY_TYPES = ['message', 'message', 'message', 'message', 'conversationUpdate', 'event', 'invoke', 'messageReaction', 'typing', 'endOfConversation', 'installationUpdate', 'deleteUserData', 'handoff'];

/**
 * Activities shaped as the server's schema lets them through (type and text strings, ids
 * strings), with everything else random: values, members, attachments, entities, locale.
 */
export const activityArb = fc.record(
  {
    type: fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...ACTIVITY_TYPES) }, { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) }),
    text: textArb,
    value: valueArb,
    name: fc.string({ maxLength: 12 }),
    locale: fc.oneof(fc.constantFrom('en-GB', 'en-US', 'fr-FR', 'ar', 'xx-YY', ''), fc.string({ maxLength: 8 })),
    textFormat: fc.constantFrom('plain', 'markdown', 'xml', 'odd'),
    attachments: fc.array(fc.record({ contentType: fc.string({ maxLength: 20 }), content: fc.jsonValue({ maxDepth: 2 }) }), { maxLength: 2 }),
    entities: fc.array(fc.record({ type: fc.string({ maxLength: 10 }) }), { maxLength: 2 }),
    channelData: fc.jsonValue({ maxDepth: 2 }),
    membersAdded: fc.array(fc.record({ id: fc.string({ minLength: 1, maxLength: 12 }), name: fc.string({ maxLength: 12 }) }), { maxLength: 3 }),
    membersRemoved: fc.array(fc.record({ id: fc.string({ minLength: 1, maxLength: 12 }) }), { maxLength: 2 }),
    reactionsAdded: fc.array(fc.record({ type: fc.string({ maxLength: 8 }) }), { maxLength: 2 }),
    replyToId: fc.string({ maxLength: 20 }),
  },
  { requiredKeys: ['type'] },
);

/** Bodies for the HTTP endpoint: any JSON, or an activity whose standard fields take random JSON values. */
export function httpBodyArb(base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const anyField = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.string({ maxLength: 30 }));
  const fields = ['type', 'text', 'value', 'locale', 'channelId', 'from', 'recipient', 'conversation', 'attachments', 'entities', 'membersAdded', 'id', 'replyToId', 'timestamp', 'channelData'];
  return fc.oneof(
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
    {
      weight: 3,
      arbitrary: fc
        .tuple(activityArb, fc.dictionary(fc.constantFrom(...fields), anyField, { maxKeys: 2 }))
        .map(([a, wild]) => ({ ...base, ...a, ...wild })),
    },
  );
}
