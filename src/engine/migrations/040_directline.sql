-- Web chat over our own Direct Line endpoint (src/directline): who owns each conversation, and
-- its activity log in delivery order. The log is what the browser polls (seq is the watermark)
-- and doubles as the transcript store for web chats. Activities are Bot Framework JSON.

CREATE TABLE directline_conversations (
  id         TEXT PRIMARY KEY,
  user_id    TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX directline_conversations_user ON directline_conversations(user_id, created_at);

CREATE TABLE directline_activities (
  conversation_id TEXT NOT NULL REFERENCES directline_conversations(id) ON DELETE CASCADE,
  seq             INTEGER NOT NULL CHECK (seq > 0),
  activity        TEXT NOT NULL CHECK (json_valid(activity)),
  created_at      TEXT NOT NULL,
  PRIMARY KEY (conversation_id, seq)
) WITHOUT ROWID;
