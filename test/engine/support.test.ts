import { describe, expect, it } from 'vitest';
import { Support } from '../../src/engine/support';
import { fixedClock } from '../../src/engine/clock';
import { tinyStore } from '../support/fixtures';

describe('Support', () => {
  it('keeps transcripts in order per conversation with the sentiment of customer lines', () => {
    const { db } = tinyStore();
    const support = new Support(db, fixedClock('2025-03-01T10:00:00Z'));
    support.record({ conversationId: 'c1', userId: 'u1', direction: 'in', text: 'my parcel never arrived', intent: 'complaint', sentiment: 'negative', score: -3 });
    support.record({ conversationId: 'c2', userId: 'u2', direction: 'in', text: 'hello' });
    support.record({ conversationId: 'c1', userId: 'u1', direction: 'out', text: 'Sorry to hear that' });
    expect(support.transcript('c1').map((l) => [l.direction, l.text, l.sentiment])).toEqual([
      ['in', 'my parcel never arrived', 'negative'],
      ['out', 'Sorry to hear that', null],
    ]);
  });

  it('opens one hand-off ticket per conversation and closes it once', () => {
    const { db } = tinyStore();
    const support = new Support(db, fixedClock('2025-03-01T10:00:00Z'));
    const t = support.openTicket({ conversationId: 'c1', userId: 'u1', customerId: null, reason: 'asked for a human' });
    expect(support.openTicket({ conversationId: 'c1', userId: 'u1', customerId: null, reason: 'again' }).id).toBe(t.id);
    expect(support.openTickets().map((x) => x.id)).toEqual([t.id]);
    expect(support.closeTicket(t.id, 'staff-1')).toMatchObject({ status: 'closed', closedBy: 'staff-1' });
    expect(() => support.closeTicket(t.id, 'staff-1')).toThrow(/not open/);
    expect(() => support.closeTicket(999, 'staff-1')).toThrow(/not open/);
    expect(support.openTickets()).toEqual([]);
  });

  it('stores feedback with its sentiment', () => {
    const { db } = tinyStore();
    const support = new Support(db, fixedClock('2025-03-01T10:00:00Z'));
    const id = support.addFeedback({ conversationId: 'c1', userId: 'u1', customerId: null, text: 'love the new site', sentiment: 'positive', score: 3 });
    expect(db.prepare('SELECT sentiment, score FROM feedback WHERE id = ?').get(id)).toEqual({ sentiment: 'positive', score: 3 });
  });
});
