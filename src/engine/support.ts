import type { Db } from './db';
import { prepared } from './prepared';
import type { Clock } from './clock';
import { EngineError } from './errors';

export type SentimentLabel = 'positive' | 'neutral' | 'negative';

export interface TranscriptLine {
  direction: 'in' | 'out';
  text: string;
  intent: string | null;
  sentiment: SentimentLabel | null;
  score: number | null;
  createdAt: string;
}

export interface Ticket {
  id: number;
  conversationId: string;
  userId: string;
  customerId: number | null;
  reason: string;
  status: 'open' | 'closed';
  createdAt: string;
  closedAt: string | null;
  closedBy: string | null;
}

/** One line of a transcript as the bot hands it over; `createdAt` defaults to now. */
export interface TranscriptInput {
  conversationId: string;
  userId: string;
  direction: 'in' | 'out';
  text: string;
  intent?: string;
  sentiment?: SentimentLabel;
  score?: number;
  createdAt?: string;
}

/** Transcripts, feedback and hand-off tickets: the record of how customers feel and what they asked for. */
export class Support {
  private readonly recordStmt;
  private readonly recordBatch: (lines: TranscriptInput[]) => void;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {
    this.recordStmt = db.prepare(`INSERT INTO transcripts (conversation_id, user_id, direction, text, intent, sentiment, score, created_at)
      VALUES (@conversationId, @userId, @direction, @text, @intent, @sentiment, @score, @createdAt)`);
    this.recordBatch = db.transaction((lines: TranscriptInput[]) => {
      for (const line of lines) this.record(line);
    });
  }

  record(line: TranscriptInput): void {
    this.recordStmt.run({ intent: null, sentiment: null, score: null, ...line, text: line.text.slice(0, 4000), createdAt: line.createdAt ?? this.clock.now().toISOString() });
  }

  /** Writes a turn's lines in one transaction: one commit per turn instead of one per message. */
  recordAll(lines: TranscriptInput[]): void {
    if (lines.length > 0) this.recordBatch(lines);
  }

  transcript(conversationId: string, limit = 200): TranscriptLine[] {
    const rows = prepared(this.db, `SELECT direction, text, intent, sentiment, score, created_at AS createdAt FROM
        (SELECT * FROM transcripts WHERE conversation_id = ? ORDER BY id DESC LIMIT ?) ORDER BY id`)
      .all(conversationId, limit) as TranscriptLine[];
    return rows;
  }

  addFeedback(f: { conversationId: string; userId: string; customerId: number | null; text: string; sentiment: SentimentLabel; score: number }): number {
    const info = prepared(this.db, `INSERT INTO feedback (conversation_id, user_id, customer_id, text, sentiment, score, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`)
      .run(f.conversationId, f.userId, f.customerId, f.text.slice(0, 2000), f.sentiment, f.score, this.clock.now().toISOString());
    return Number(info.lastInsertRowid);
  }

  /** Opens a hand-off ticket, or returns the conversation's ticket that is already open. */
  openTicket(t: { conversationId: string; userId: string; customerId: number | null; reason: string }): Ticket {
    const open = prepared(this.db, "SELECT id FROM handoff_tickets WHERE conversation_id = ? AND status = 'open'").get(t.conversationId) as { id: number } | undefined;
    if (open) return this.ticket(open.id);
    const info = prepared(this.db, 'INSERT INTO handoff_tickets (conversation_id, user_id, customer_id, reason, created_at) VALUES (?, ?, ?, ?, ?)')
      .run(t.conversationId, t.userId, t.customerId, t.reason.slice(0, 500), this.clock.now().toISOString());
    return this.ticket(Number(info.lastInsertRowid));
  }

  ticket(id: number): Ticket {
    const row = prepared(this.db, `SELECT id, conversation_id AS conversationId, user_id AS userId, customer_id AS customerId, reason, status,
        created_at AS createdAt, closed_at AS closedAt, closed_by AS closedBy FROM handoff_tickets WHERE id = ?`)
      .get(id) as Ticket | undefined;
    if (!row) throw new EngineError('not_found', `ticket ${id} not found`);
    return row;
  }

  openTickets(limit = 20): Ticket[] {
    const ids = prepared(this.db, "SELECT id FROM handoff_tickets WHERE status = 'open' ORDER BY created_at LIMIT ?").all(limit) as { id: number }[];
    return ids.map((r) => this.ticket(r.id));
  }

  closeTicket(id: number, by: string): Ticket {
    const info = prepared(this.db, "UPDATE handoff_tickets SET status = 'closed', closed_at = ?, closed_by = ? WHERE id = ? AND status = 'open'")
      .run(this.clock.now().toISOString(), by, id);
    if (info.changes === 0) throw new EngineError(this.ticketExists(id) ? 'conflict' : 'not_found', `ticket ${id} is not open`);
    return this.ticket(id);
  }

  private ticketExists(id: number): boolean {
    return prepared(this.db, 'SELECT 1 FROM handoff_tickets WHERE id = ?').get(id) !== undefined;
  }
}
