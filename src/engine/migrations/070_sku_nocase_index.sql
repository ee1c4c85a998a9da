-- SKU look-ups are case-insensitive (sku = ? COLLATE NOCASE: gifts, staff commands); the unique
-- index on sku is case-sensitive, so without this one every such look-up scans the catalogue.
CREATE INDEX IF NOT EXISTS products_sku_nocase ON products(sku COLLATE NOCASE);
