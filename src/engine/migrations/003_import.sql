-- Cancellation lines applied by an import (Online Retail "C…" invoices, negative Shopmate lines).
-- They are not orders: each marks the purchase line it reverses (order_items.cancelled = 1) and is
-- recorded here, so a re-import recognises the cancelling document and does not apply it twice.
CREATE TABLE import_cancellations (
  id               INTEGER PRIMARY KEY,
  order_no         TEXT NOT NULL,               -- the cancelling document, e.g. C536379
  line_no          INTEGER NOT NULL,
  customer_ref     TEXT NOT NULL,               -- the file's customer id (or e-mail)
  sku              TEXT NOT NULL,
  quantity         INTEGER NOT NULL CHECK (quantity > 0),  -- units reversed
  unit_price_cents INTEGER NOT NULL,
  cancelled_at     TEXT NOT NULL,
  order_item_id    INTEGER REFERENCES order_items(id) ON DELETE SET NULL,  -- NULL: no matching purchase
  UNIQUE (order_no, line_no)
);
CREATE INDEX import_cancellations_item ON import_cancellations(order_item_id);
