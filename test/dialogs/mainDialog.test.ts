import { describe, expect, it } from 'vitest';
import { dialogHarness, understood, words } from '../support/dialogHarness';

describe('MainDialog', () => {
  it('answers small talk and help, and says honestly what is out of scope', async () => {
    const h = dialogHarness({ hi: understood('greeting'), help: understood('help'), thanks: understood('thanks'), 'whats the weather': understood('out_of_scope') });
    expect(words(await h.say('hi'))).toMatch(/Hello/);
    expect(words(await h.say('help'))).toMatch(/Search/);
    expect(words(await h.say('thanks'))).toMatch(/welcome/);
    expect(words(await h.say('whats the weather'))).toMatch(/outside what I know/);
  });

  it('asks a clarifying question with the top two intents when unsure', async () => {
    const h = dialogHarness({
      'the thing from before': understood('order_status', {}, { confidence: 0.3, needsClarification: true, alternatives: [{ intent: 'return_refund', confidence: 0.25 }, { intent: 'out_of_scope', confidence: 0.1 }] }),
    });
    const [reply] = await h.say('the thing from before');
    expect(reply.text).toMatch(/track an order or return something/);
    const buttons = reply.suggestedActions!.actions;
    expect(buttons.map((b) => b.title)).toEqual(['Track an order', 'Return something or get a refund', 'Help']);
    expect(buttons[0].value).toEqual({ intent: 'order_status' });
  });

  it('handles an empty message and a long one without failing', async () => {
    const h = dialogHarness({});
    expect(words(await h.say(''))).toMatch(/didn't catch/);
    expect(words(await h.say('x'.repeat(10_000)))).toMatch(/outside what I know/);
    expect(words(await h.say('🙂🙂🙂'))).toMatch(/outside what I know/);
  });

  it('offers a person when the customer is strongly upset, whatever the intent', async () => {
    const h = dialogHarness({ 'this is a scam, my parcel never came': understood('order_status', {}, { sentiment: { label: 'negative', score: -6, strongNegative: true } }) });
    expect(words(await h.say('this is a scam, my parcel never came'))).toMatch(/sorry.*pass this conversation/i);
  });

  it('lets "cancel" stop a dialog midway', async () => {
    const h = dialogHarness({ 'where is my order': understood('order_status') });
    expect(words(await h.say('where is my order'))).toMatch(/email/);
    expect(words(await h.say('cancel'))).toMatch(/stopped/);
    expect(words(await h.say('hello'))).toMatch(/outside what I know/); // back at the top, not in the email prompt
  });
});
