-- The store: catalogue, customers, the orders everything learns from, and the bot's own records.
-- Money is integer cents. Times are ISO 8601 UTC strings (Date.toISOString()), so they sort as text.

CREATE TABLE customers (
  id          INTEGER PRIMARY KEY,
  external_id TEXT UNIQUE,                    -- id in the source system (e.g. Online Retail CustomerID)
  name        TEXT NOT NULL,
  email       TEXT UNIQUE COLLATE NOCASE,
  country     TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL
);

CREATE TABLE products (
  id          INTEGER PRIMARY KEY,
  sku         TEXT NOT NULL UNIQUE,
  name        TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  category    TEXT NOT NULL DEFAULT '',
  brand       TEXT NOT NULL DEFAULT '',
  colour      TEXT NOT NULL DEFAULT '',
  size        TEXT NOT NULL DEFAULT '',
  attributes  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes)),
  price_cents INTEGER NOT NULL CHECK (price_cents >= 0),
  cost_cents  INTEGER CHECK (cost_cents >= 0),  -- NULL when unknown (imported data has no costs)
  stock       INTEGER NOT NULL DEFAULT 0,
  active      INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at  TEXT NOT NULL
);
CREATE INDEX products_category ON products(category);
CREATE INDEX products_brand ON products(brand);

CREATE VIRTUAL TABLE products_fts USING fts5(
  name, description, category, brand, colour,
  content = 'products', content_rowid = 'id', tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER products_fts_insert AFTER INSERT ON products BEGIN
  INSERT INTO products_fts(rowid, name, description, category, brand, colour)
  VALUES (new.id, new.name, new.description, new.category, new.brand, new.colour);
END;
CREATE TRIGGER products_fts_delete AFTER DELETE ON products BEGIN
  INSERT INTO products_fts(products_fts, rowid, name, description, category, brand, colour)
  VALUES ('delete', old.id, old.name, old.description, old.category, old.brand, old.colour);
END;
CREATE TRIGGER products_fts_update AFTER UPDATE OF name, description, category, brand, colour ON products BEGIN
  INSERT INTO products_fts(products_fts, rowid, name, description, category, brand, colour)
  VALUES ('delete', old.id, old.name, old.description, old.category, old.brand, old.colour);
  INSERT INTO products_fts(rowid, name, description, category, brand, colour)
  VALUES (new.id, new.name, new.description, new.category, new.brand, new.colour);
END;

CREATE TABLE promotions (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL,
  kind          TEXT NOT NULL CHECK (kind IN ('percent_off', 'spend_save', 'gift', 'free_shipping')),
  params        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),  -- percent, threshold_cents, save_cents, gift_sku
  target_kind   TEXT NOT NULL CHECK (target_kind IN ('all', 'segment', 'category', 'customers')),
  target_value  TEXT NOT NULL DEFAULT '',     -- segment name, category, or JSON array of customer ids
  starts_at     TEXT NOT NULL,
  ends_at       TEXT NOT NULL,
  budget_cents  INTEGER CHECK (budget_cents >= 0),
  control_share REAL NOT NULL DEFAULT 0.1 CHECK (control_share >= 0 AND control_share < 1),
  status        TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
  created_by    TEXT NOT NULL DEFAULT 'system',
  created_at    TEXT NOT NULL
);
CREATE INDEX promotions_window ON promotions(status, starts_at, ends_at);

CREATE TABLE orders (
  id             INTEGER PRIMARY KEY,
  order_no       TEXT NOT NULL UNIQUE,       -- the invoice number customers see
  customer_id    INTEGER REFERENCES customers(id),
  status         TEXT NOT NULL DEFAULT 'placed'
                 CHECK (status IN ('placed', 'shipped', 'delivered', 'cancelled', 'returned')),
  placed_at      TEXT NOT NULL,
  shipped_at     TEXT,
  delivered_at   TEXT,
  subtotal_cents INTEGER NOT NULL DEFAULT 0 CHECK (subtotal_cents >= 0),
  discount_cents INTEGER NOT NULL DEFAULT 0 CHECK (discount_cents >= 0),
  shipping_cents INTEGER NOT NULL DEFAULT 0 CHECK (shipping_cents >= 0),
  promotion_id   INTEGER REFERENCES promotions(id),
  source         TEXT NOT NULL DEFAULT 'chat' CHECK (source IN ('chat', 'demo', 'import'))
);
CREATE INDEX orders_customer ON orders(customer_id, placed_at);
CREATE INDEX orders_placed ON orders(placed_at);

CREATE TABLE order_items (
  id               INTEGER PRIMARY KEY,
  order_id         INTEGER NOT NULL REFERENCES orders(id) ON DELETE CASCADE,
  line_no          INTEGER NOT NULL,
  product_id       INTEGER NOT NULL REFERENCES products(id),
  quantity         INTEGER NOT NULL CHECK (quantity > 0),
  unit_price_cents INTEGER NOT NULL CHECK (unit_price_cents >= 0),
  cancelled        INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),  -- reversed by a later cancellation
  UNIQUE (order_id, line_no)
);
CREATE INDEX order_items_product ON order_items(product_id);

-- The clean purchase lines every model learns from: kept lines of orders that were not cancelled.
CREATE VIEW sales AS
  SELECT o.id AS order_id, o.order_no, o.customer_id, o.placed_at,
         i.product_id, i.quantity, i.unit_price_cents
  FROM order_items i JOIN orders o ON o.id = i.order_id
  WHERE i.cancelled = 0 AND o.status <> 'cancelled';

CREATE TABLE interactions (
  id          INTEGER PRIMARY KEY,
  user_id     TEXT NOT NULL,                  -- chat user id
  customer_id INTEGER REFERENCES customers(id),
  product_id  INTEGER NOT NULL REFERENCES products(id),
  kind        TEXT NOT NULL CHECK (kind IN ('view', 'click', 'like', 'dismiss', 'cart_add')),
  created_at  TEXT NOT NULL
);
CREATE INDEX interactions_user ON interactions(user_id, kind, created_at);
CREATE INDEX interactions_customer ON interactions(customer_id, kind);

CREATE TABLE reviews (
  id          INTEGER PRIMARY KEY,
  product_id  INTEGER NOT NULL REFERENCES products(id),
  customer_id INTEGER REFERENCES customers(id),
  rating      INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  text        TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL
);
CREATE INDEX reviews_product ON reviews(product_id);

CREATE TABLE redemptions (
  id             INTEGER PRIMARY KEY,
  promotion_id   INTEGER NOT NULL REFERENCES promotions(id),
  order_id       INTEGER NOT NULL REFERENCES orders(id),
  customer_id    INTEGER REFERENCES customers(id),
  discount_cents INTEGER NOT NULL CHECK (discount_cents >= 0),
  created_at     TEXT NOT NULL,
  UNIQUE (promotion_id, order_id)
);
CREATE INDEX redemptions_customer ON redemptions(customer_id);

CREATE TABLE price_changes (
  id              INTEGER PRIMARY KEY,
  product_id      INTEGER NOT NULL REFERENCES products(id),
  old_price_cents INTEGER NOT NULL CHECK (old_price_cents >= 0),
  new_price_cents INTEGER NOT NULL CHECK (new_price_cents >= 0),
  reason          TEXT NOT NULL DEFAULT '',
  changed_by      TEXT NOT NULL,
  changed_at      TEXT NOT NULL,
  undone_at       TEXT
);
CREATE INDEX price_changes_product ON price_changes(product_id, changed_at);

-- botbuilder Storage: conversation and user state as JSON with an eTag for optimistic concurrency.
CREATE TABLE bot_state (
  key        TEXT PRIMARY KEY,
  etag       TEXT NOT NULL,
  data       TEXT NOT NULL CHECK (json_valid(data)),
  updated_at TEXT NOT NULL
);

CREATE TABLE audit_log (
  id     INTEGER PRIMARY KEY,
  at     TEXT NOT NULL,
  actor  TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
  result TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log(at);

CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
