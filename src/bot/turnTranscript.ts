import type { Activity, TurnContext } from 'botbuilder';
import type { TranscriptInput } from '../engine/support';
import { conversationIdOf, userIdOf } from './session';

/** Where every message in and out is written, with the NLU's reading of the customer's words. */
export interface TranscriptSink {
  /** Writes the lines of one turn together (one transaction); a promise when the write is queued (GroupCommit). */
  recordAll(lines: TranscriptInput[]): void | Promise<void>;
}

/**
 * The transcript lines of one turn, written together when the turn ends (one commit per turn
 * rather than one per message). A line added after that (the apology of a failed turn) is
 * written at once.
 */
export class TurnTranscript {
  private lines: TranscriptInput[] = [];
  private flushed = false;

  constructor(
    private readonly sink: TranscriptSink,
    private readonly now: () => Date,
  ) {}

  /** Keeps the line for the end of the turn; after it, writes it at once (the returned promise, if any, settles when written). */
  add(line: Omit<TranscriptInput, 'createdAt'>): void | Promise<void> {
    const stamped = { ...line, createdAt: this.now().toISOString() };
    if (this.flushed) return this.sink.recordAll([stamped]);
    this.lines.push(stamped);
  }

  /** Records the messages the bot sends (text and card titles). */
  outgoing(context: TurnContext, activities: Partial<Activity>[]): void | Promise<unknown> {
    const writes: Promise<void>[] = [];
    for (const a of activities) {
      if (a.type !== 'message') continue;
      const cards = (a.attachments ?? []).map((x) => (x.content as { title?: string } | undefined)?.title).filter(Boolean);
      const text = [a.text, ...cards].filter(Boolean).join(' | ');
      const written = this.add({ conversationId: conversationIdOf(context), userId: userIdOf(context), direction: 'out', text });
      if (written) writes.push(written);
    }
    if (writes.length > 0) return Promise.all(writes);
  }

  flush(): void | Promise<void> {
    this.flushed = true;
    const lines = this.lines;
    this.lines = [];
    return this.sink.recordAll(lines);
  }
}
