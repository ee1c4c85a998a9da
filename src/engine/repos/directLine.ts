import type { Db } from '../db';

export interface DirectLineConversation {
  id: string;
  userId: string;
  createdAt: string;
}

export interface LoggedActivity {
  seq: number;
  activity: Record<string, unknown>;
}

const SECRET_KEY = 'directline_secret';

/** Direct Line conversations and their activity logs (the SQL behind src/directline). */
export class DirectLineRepo {
  private readonly insertConversationStmt;
  private readonly conversationStmt;
  private readonly lastSeqStmt;
  private readonly insertActivityStmt;
  private readonly afterStmt;
  private readonly insertSecretStmt;
  private readonly secretStmt;
  private readonly appendTx;

  constructor(private readonly db: Db) {
    this.insertConversationStmt = db.prepare('INSERT INTO directline_conversations (id, user_id, created_at) VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING');
    this.conversationStmt = db.prepare('SELECT id, user_id AS userId, created_at AS createdAt FROM directline_conversations WHERE id = ?');
    this.lastSeqStmt = db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM directline_activities WHERE conversation_id = ?');
    this.insertActivityStmt = db.prepare('INSERT INTO directline_activities (conversation_id, seq, activity, created_at) VALUES (?, ?, ?, ?)');
    this.afterStmt = db.prepare('SELECT seq, activity FROM directline_activities WHERE conversation_id = ? AND seq > ? ORDER BY seq LIMIT ?');
    this.insertSecretStmt = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO NOTHING');
    this.secretStmt = db.prepare('SELECT value FROM meta WHERE key = ?');
    this.appendTx = db.transaction((conversationId: string, at: string, build: (seq: number) => Record<string, unknown>) => {
      const seq = (this.lastSeqStmt.get(conversationId) as { seq: number }).seq + 1;
      const activity = build(seq);
      this.insertActivityStmt.run(conversationId, seq, JSON.stringify(activity), at);
      return { seq, activity };
    });
  }

  /** Creates the conversation; false when the id exists already (whoever owns it). */
  createConversation(id: string, userId: string, at: string): boolean {
    return this.insertConversationStmt.run(id, userId, at).changes === 1;
  }

  conversation(id: string): DirectLineConversation | undefined {
    return this.conversationStmt.get(id) as DirectLineConversation | undefined;
  }

  /** Appends an activity built from its sequence number (1, 2, …) in one transaction. */
  append(conversationId: string, at: string, build: (seq: number) => Record<string, unknown>): LoggedActivity {
    return this.appendTx(conversationId, at, build);
  }

  /** Activities after `seq`, oldest first, at most `limit`. */
  after(conversationId: string, seq: number, limit: number): LoggedActivity[] {
    const rows = this.afterStmt.all(conversationId, seq, limit) as { seq: number; activity: string }[];
    return rows.map((r) => ({ seq: r.seq, activity: JSON.parse(r.activity) as Record<string, unknown> }));
  }

  lastSeq(conversationId: string): number {
    return (this.lastSeqStmt.get(conversationId) as { seq: number }).seq;
  }

  /** The token signing secret in `meta`, created once by `create` (the first writer wins). */
  signingSecret(create: () => string): string {
    const existing = this.secretStmt.get(SECRET_KEY) as { value: string } | undefined;
    if (existing) return existing.value;
    this.insertSecretStmt.run(SECRET_KEY, create());
    return (this.secretStmt.get(SECRET_KEY) as { value: string }).value;
  }
}
