import { describe, expect, it } from 'vitest';
import type { TurnContext } from 'botbuilder';
import { TurnTranscript } from '../../src/bot/turnTranscript';
import type { TranscriptInput } from '../../src/engine/support';

const context = { activity: { conversation: { id: 'c1' }, from: { id: 'u1' } } } as unknown as TurnContext;

/** A turn's transcript is written in one go when the turn ends, in the order things were said. */
describe('TurnTranscript', () => {
  it('writes the turn in one batch, in order, stamped when each line was said', () => {
    const batches: TranscriptInput[][] = [];
    let clock = Date.parse('2025-03-01T10:00:00Z');
    const t = new TurnTranscript({ recordAll: (lines) => void batches.push(lines) }, () => new Date((clock += 1000)));
    t.add({ conversationId: 'c1', userId: 'u1', direction: 'in', text: 'red mugs', intent: 'search_products' });
    t.outgoing(context, [
      { type: 'typing' },
      { type: 'message', text: 'Two matches:', attachments: [{ contentType: 'hero', content: { title: 'Red mug' } }] },
    ]);
    expect(batches).toEqual([]);
    t.flush();
    expect(batches).toHaveLength(1);
    expect(batches[0].map((l) => [l.direction, l.text, l.createdAt])).toEqual([
      ['in', 'red mugs', '2025-03-01T10:00:01.000Z'],
      ['out', 'Two matches: | Red mug', '2025-03-01T10:00:02.000Z'],
    ]);
  });

  it('writes a line said after the turn ended (the apology of a failed turn) at once', () => {
    const batches: TranscriptInput[][] = [];
    const t = new TurnTranscript({ recordAll: (lines) => void batches.push(lines) }, () => new Date());
    t.flush();
    t.outgoing(context, [{ type: 'message', text: 'Sorry, something went wrong' }]);
    expect(batches.map((b) => b.map((l) => l.text))).toEqual([[], ['Sorry, something went wrong']]);
  });
});
