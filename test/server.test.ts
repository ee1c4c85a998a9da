import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { activityShape, plainlyValidActivity } from '../src/server';
import { activityArb, httpBodyArb } from './e2e/propertyArbitraries';
import { badBodies, ODD_ACTIVITIES } from './e2e/hostileCorpus';

const serviceUrl = 'http://127.0.0.1:3978';
const base = { type: 'message', text: 'hi', channelId: 'emulator', serviceUrl, conversation: { id: 'c1' }, from: { id: 'u1', name: 'Ann' }, recipient: { id: 'bot', name: 'Bot' } };

/** Both checks must give the same answer; the fast one exists only to skip zod's copy of valid activities. */
const agree = (body: unknown): void => {
  expect(plainlyValidActivity(body), JSON.stringify(body)?.slice(0, 300)).toBe(activityShape.safeParse(body).success);
};

const edge = (max: number) => fc.oneof(fc.constantFrom('', 'x', 'x'.repeat(max), 'x'.repeat(max + 1)), fc.string({ maxLength: 8 }));
const oddValue = fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.boolean(), fc.constant({}), fc.constant([]), fc.string({ maxLength: 4 }));
const accountArb = fc.oneof(
  fc.record({ id: edge(512), name: fc.oneof(edge(512), oddValue), role: fc.oneof(edge(64), oddValue) }, { requiredKeys: ['id'] }),
  oddValue,
);

describe('plainlyValidActivity', () => {
  it('accepts a plain message activity and the shapes channels send', () => {
    expect(plainlyValidActivity(base)).toBe(true);
    expect(plainlyValidActivity({ ...base, type: 'conversationUpdate', membersAdded: [{ id: 'u1' }, { id: 'bot', name: 'Bot' }] })).toBe(true);
    expect(plainlyValidActivity({ ...base, conversation: { id: 'c1', isGroup: false, conversationType: 'personal', tenantId: 't' }, locale: 'en-GB', id: 'a1', replyToId: 'a0' })).toBe(true);
  });

  it('agrees with the zod schema on the hostile corpus', () => {
    for (const [, body] of badBodies(serviceUrl)) agree(typeof body === 'string' ? (() => { try { return JSON.parse(body); } catch { return body; } })() : body);
    for (const odd of ODD_ACTIVITIES) {
      const body: Record<string, unknown> = { ...base, ...odd.fields };
      for (const key of odd.omit ?? []) delete body[key];
      agree(body);
    }
  });

  it('agrees with the zod schema on random activities and bodies', () => {
    fc.assert(fc.property(httpBodyArb(base), agree), { numRuns: 3000 });
    fc.assert(fc.property(activityArb, (a) => agree({ ...base, ...a })), { numRuns: 1000 });
  });

  it('agrees with the zod schema at every length limit and on every field type', () => {
    const activity = fc.record(
      {
        type: fc.oneof(fc.constant('message'), edge(64), oddValue),
        channelId: fc.oneof(edge(256), oddValue),
        serviceUrl: fc.oneof(fc.constantFrom(serviceUrl, 'not a url', 'http://', `http://h/${'x'.repeat(2030)}`, `http://h/${'x'.repeat(2048)}`), oddValue),
        conversation: fc.oneof(
          fc.record({ id: edge(512), name: fc.oneof(edge(512), oddValue), isGroup: fc.oneof(fc.boolean(), oddValue), conversationType: fc.oneof(edge(64), oddValue), tenantId: fc.oneof(edge(512), oddValue) }, { requiredKeys: [] }),
          oddValue,
        ),
        from: accountArb,
        recipient: accountArb,
        membersAdded: fc.oneof(fc.array(accountArb, { maxLength: 3 }), fc.constant(Array.from({ length: 101 }, (_, i) => ({ id: `m${i}` }))), oddValue),
        membersRemoved: fc.oneof(fc.array(accountArb, { maxLength: 2 }), oddValue),
        locale: fc.oneof(edge(64), oddValue),
        text: fc.oneof(fc.string({ maxLength: 5 }), oddValue),
        id: fc.oneof(edge(512), oddValue),
        replyToId: fc.oneof(edge(512), oddValue),
      },
      { requiredKeys: [] },
    );
    fc.assert(fc.property(activity, (a) => agree({ ...base, ...a })), { numRuns: 5000 });
    fc.assert(fc.property(activity, agree), { numRuns: 2000 });
  });
});
