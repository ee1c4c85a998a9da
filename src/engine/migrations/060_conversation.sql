-- What customers do in chat: carts, account links, return requests, feedback, hand-offs, transcripts.

CREATE TABLE cart_items (
  user_id    TEXT NOT NULL,                 -- chat user id (bound by the channel or the Direct Line token)
  product_id INTEGER NOT NULL REFERENCES products(id),
  quantity   INTEGER NOT NULL CHECK (quantity > 0 AND quantity <= 999),
  added_at   TEXT NOT NULL,
  PRIMARY KEY (user_id, product_id)
);

CREATE TABLE customer_links (
  user_id     TEXT PRIMARY KEY,
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  linked_at   TEXT NOT NULL
);
CREATE INDEX customer_links_customer ON customer_links(customer_id);

CREATE TABLE link_codes (
  user_id     TEXT PRIMARY KEY,
  email       TEXT NOT NULL,                -- a new customer is created on verification if none has it
  code_hash   TEXT NOT NULL,
  expires_at  TEXT NOT NULL,
  attempts    INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE return_requests (
  id          INTEGER PRIMARY KEY,
  order_id    INTEGER NOT NULL REFERENCES orders(id),
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  reason      TEXT NOT NULL DEFAULT '',
  status      TEXT NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'approved', 'refunded', 'rejected')),
  created_at  TEXT NOT NULL,
  UNIQUE (order_id)
);

CREATE TABLE feedback (
  id              INTEGER PRIMARY KEY,
  conversation_id TEXT NOT NULL,
  user_id         TEXT NOT NULL,
  customer_id     INTEGER REFERENCES customers(id),
  text            TEXT NOT NULL,
  sentiment       TEXT NOT NULL CHECK (sentiment IN ('positive', 'neutral', 'negative')),
  score           REAL NOT NULL,
  created_at      TEXT NOT NULL
);

CREATE TABLE handoff_tickets (
  id              INTEGER PRIMARY KEY,
  conversation_id TEXT NOT NULL,
  user_id         TEXT NOT NULL,
  customer_id     INTEGER REFERENCES customers(id),
  reason          TEXT NOT NULL,
  status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  created_at      TEXT NOT NULL,
  closed_at       TEXT,
  closed_by       TEXT
);
CREATE INDEX handoff_tickets_status ON handoff_tickets(status, created_at);

-- Every message in and out, with the NLU's reading of the customer's words.
CREATE TABLE transcripts (
  id              INTEGER PRIMARY KEY,
  conversation_id TEXT NOT NULL,
  user_id         TEXT NOT NULL,
  direction       TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  text            TEXT NOT NULL DEFAULT '',
  intent          TEXT,
  sentiment       TEXT CHECK (sentiment IN ('positive', 'neutral', 'negative')),
  score           REAL,
  created_at      TEXT NOT NULL
);
CREATE INDEX transcripts_conversation ON transcripts(conversation_id, id);
CREATE INDEX transcripts_created ON transcripts(created_at);

-- Per-product figures for ranking and cards, refreshed by the engine (ProductSearch.refreshStats).
CREATE TABLE product_stats (
  product_id INTEGER PRIMARY KEY REFERENCES products(id),
  rating     REAL,
  reviews    INTEGER NOT NULL DEFAULT 0,
  sold       INTEGER NOT NULL DEFAULT 0
);
