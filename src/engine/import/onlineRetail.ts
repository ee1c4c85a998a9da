import type { Readable } from 'node:stream';
import type { Db } from '../db';
import type { ImportSummary } from './importSummary';
import { mapColumns } from './csvRecords';
import { cleanText, displayName, FieldError, isProductCode, normaliseCustomerId, parsePriceCents, parseQuantity, parseRetailDate } from './lineFields';
import { runImport, type ImportFormat, type ImportOptions, type RecordReader } from './runImport';

/**
 * The UCI Online Retail layout: InvoiceNo, StockCode, Description, Quantity, InvoiceDate,
 * UnitPrice, CustomerID, Country — or its "Online Retail II" spelling (Invoice, Price,
 * Customer ID), columns found by name in any order.
 *
 * - An order is one invoice, placed at its first line's time; dates are `12/1/2010 8:26`
 *   (M/D/YYYY) or `2010-12-01 08:26:00`, wall time stored as UTC (see lineFields).
 * - Customers: `17850.0` -> external id `17850`, named "Customer 17850", country from the file.
 * - Products: SKU = StockCode in upper case; see Catalogue for name, category, price and stock.
 * - Invoices starting with C are cancellations: not orders; each line marks the purchase it
 *   reverses as cancelled (ImportWriter). Lines without a customer, book-keeping codes (postage,
 *   fees, discounts, manual, samples…), other non-positive quantities and zero prices are skipped
 *   and counted. Identical duplicate lines are kept as separate lines, as the shop invoiced them.
 */
const SPELLINGS = {
  invoice: ['InvoiceNo', 'Invoice'],
  stockCode: ['StockCode'],
  description: ['Description'],
  quantity: ['Quantity'],
  date: ['InvoiceDate'],
  price: ['UnitPrice', 'Price'],
  customer: ['CustomerID', 'Customer ID'],
  country: ['Country'],
} as const;

const REQUIRED = ['invoice', 'stockCode', 'quantity', 'date', 'price', 'customer'] as const;

function readHeader(header: string[]): RecordReader {
  const col = mapColumns(header, SPELLINGS, REQUIRED, 'Online Retail');
  const width = header.length;
  const at = (fields: string[], i: number | undefined) => (i === undefined ? '' : fields[i]);
  let lastDate = '';
  let lastIso = '';
  return (f, line) => {
    if (f.length !== width) throw new FieldError(`expected ${width} fields, got ${f.length}`);
    const invoice = f[col.invoice!].trim().toUpperCase();
    const sku = f[col.stockCode!].trim().toUpperCase();
    if (!invoice) throw new FieldError('no invoice number');
    if (!sku) throw new FieldError('no stock code');
    const rawDate = f[col.date!];
    if (rawDate !== lastDate) [lastIso, lastDate] = [parseRetailDate(rawDate), rawDate];
    const cancellation = invoice.startsWith('C');
    const quantity = parseQuantity(f[col.quantity!]);
    const customerId = normaliseCustomerId(f[col.customer!]);
    return {
      line,
      orderNo: invoice,
      placedAt: lastIso,
      customer: customerId ? { externalId: customerId, email: null, name: `Customer ${customerId}`, country: cleanText(at(f, col.country)) } : null,
      sku,
      productName: displayName(at(f, col.description)),
      category: '',
      brand: '',
      quantity: cancellation ? -quantity : quantity,
      unitPriceCents: parsePriceCents(f[col.price!]),
      cancellation,
      nonProduct: !isProductCode(sku),
    };
  };
}

export const onlineRetailFormat: ImportFormat = {
  name: 'online-retail',
  readHeader,
  metaDefaults: { currency: 'GBP' },
  meta: {
    'import.notes':
      'Online Retail import: categories are derived from product names by keywords; stock is not in the data and is set to ' +
      'four weeks of each product average weekly units; costs are unknown (NULL); times are the file wall-clock times stored as UTC.',
  },
};

/** Streams an Online Retail CSV into the store. */
export function importOnlineRetail(db: Db, stream: Readable, options: ImportOptions = {}): Promise<ImportSummary> {
  return runImport(db, stream, onlineRetailFormat, options);
}
