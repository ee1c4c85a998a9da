-- Promotions: each segment's default promotion type and terms, which staff can override.
CREATE TABLE promotion_strategies (
  segment    TEXT PRIMARY KEY COLLATE NOCASE,  -- segment name ('*' = customers without a segment)
  kind       TEXT NOT NULL CHECK (kind IN ('percent_off', 'spend_save', 'gift', 'free_shipping')),
  params     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(params)),
  source     TEXT NOT NULL DEFAULT 'default', -- 'default' or the staff member who set it
  updated_at TEXT NOT NULL
);

-- Budget checks sum a promotion's redemptions on every offer; this index answers that alone.
CREATE INDEX redemptions_promotion_cost ON redemptions(promotion_id, discount_cents);
