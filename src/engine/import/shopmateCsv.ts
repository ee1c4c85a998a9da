import type { Readable } from 'node:stream';
import type { Db } from '../db';
import type { ImportSummary } from './importSummary';
import { mapColumns } from './csvRecords';
import { cleanText, FieldError, parseIsoDate, parsePriceCents, parseQuantity } from './lineFields';
import { runImport, type ImportFormat, type ImportOptions, type RecordReader } from './runImport';

/**
 * The Shopmate order-lines CSV, for a store to load its own sales history:
 *
 * ```
 * order_no,placed_at,customer_id,customer_email,customer_name,sku,product_name,category,brand,quantity,unit_price
 * A1001,2024-03-01 10:15,C42,ann@example.com,Ann Lee,MUG-01,Blue mug,Mugs & Cups,Acme,2,7.50
 * ```
 *
 * - One line per order line; an order is every line with the same `order_no`, placed at its
 *   first line's `placed_at` (ISO 8601: `YYYY-MM-DD[ HH:MM[:SS]]` is wall time stored as UTC,
 *   `…T10:15:00Z` / `…+01:00` are converted to UTC).
 * - The customer is `customer_id` (the store's own id) or, when that is empty, `customer_email`;
 *   lines with neither are skipped and counted as `no_customer`. `customer_name` is optional.
 * - `sku` identifies the product (case-insensitive); `product_name`, `category` (derived from the
 *   name when empty) and `brand` describe products the import creates; existing products keep
 *   their catalogue data.
 * - `quantity` is a whole number; a negative quantity cancels (returns) the customer's most recent
 *   earlier line of that SKU with that quantity, like an Online Retail cancellation; its
 *   `order_no` names the cancelling document. Zero quantities and prices <= 0 are skipped.
 * - `unit_price` is in currency units (`7.50`), not cents.
 * Required columns: order_no, placed_at, sku, quantity, unit_price and customer_id or
 * customer_email; the others may be left out. Re-importing a file adds nothing.
 */
const SPELLINGS = {
  orderNo: ['order_no'],
  placedAt: ['placed_at'],
  customerId: ['customer_id'],
  email: ['customer_email'],
  name: ['customer_name'],
  sku: ['sku'],
  productName: ['product_name'],
  category: ['category'],
  brand: ['brand'],
  quantity: ['quantity'],
  unitPrice: ['unit_price'],
} as const;

const REQUIRED = ['orderNo', 'placedAt', 'sku', 'quantity', 'unitPrice'] as const;

export const SHOPMATE_COLUMNS = Object.values(SPELLINGS).map((s) => s[0]);

function readHeader(header: string[]): RecordReader {
  const col = mapColumns(header, SPELLINGS, REQUIRED, 'Shopmate');
  if (col.customerId === undefined && col.email === undefined) mapColumns(header, SPELLINGS, ['customerId'], 'Shopmate');
  const width = header.length;
  const at = (f: string[], i: number | undefined) => (i === undefined ? '' : cleanText(f[i]));
  return (f, line) => {
    if (f.length !== width) throw new FieldError(`expected ${width} fields, got ${f.length}`);
    const orderNo = at(f, col.orderNo);
    const sku = at(f, col.sku);
    if (!orderNo) throw new FieldError('no order_no');
    if (!sku) throw new FieldError('no sku');
    const placedAt = parseIsoDate(f[col.placedAt!]);
    const quantity = parseQuantity(f[col.quantity!]);
    const unitPriceCents = parsePriceCents(f[col.unitPrice!], 'unit_price');
    const externalId = at(f, col.customerId) || null;
    const email = at(f, col.email) || null;
    if (email && !/^[^\s@]+@[^\s@]+$/.test(email)) throw new FieldError(`bad customer_email "${email}"`);
    const name = at(f, col.name) || (externalId ? `Customer ${externalId}` : email!);
    return {
      line,
      orderNo,
      placedAt,
      customer: externalId || email ? { externalId, email, name, country: '' } : null,
      sku,
      productName: at(f, col.productName),
      category: at(f, col.category),
      brand: at(f, col.brand),
      quantity: Math.abs(quantity),
      unitPriceCents,
      cancellation: quantity < 0,
      nonProduct: false,
    };
  };
}

export const shopmateFormat: ImportFormat = { name: 'shopmate', readHeader };

/** Streams a Shopmate order-lines CSV into the store. */
export function importShopmateCsv(db: Db, stream: Readable, options: ImportOptions = {}): Promise<ImportSummary> {
  return runImport(db, stream, shopmateFormat, options);
}
