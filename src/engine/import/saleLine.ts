import type { SkipReason } from './importSummary';

/** Who bought, as the file names them; null when the line has no customer. */
export interface CustomerRef {
  externalId: string | null;
  email: string | null;
  name: string;
  country: string;
}

/** One parsed line of any import format, before the store decides what to do with it. */
export interface SaleLine {
  line: number;
  /** Invoice / order number (for a cancellation: the cancelling document's number). */
  orderNo: string;
  placedAt: string;
  customer: CustomerRef | null;
  sku: string;
  /** Display name as written on this line ('' when absent). */
  productName: string;
  /** Category and brand given by the file ('' when absent: the category is then derived). */
  category: string;
  brand: string;
  /** Units bought; for a cancellation the units it reverses (the file's negative number, negated). */
  quantity: number;
  unitPriceCents: number;
  cancellation: boolean;
  /** A book-keeping code (postage, fees, discounts…) rather than a product. */
  nonProduct: boolean;
}

export type LineKind = 'purchase' | 'cancellation' | Exclude<SkipReason, 'malformed' | 'existing'>;

/**
 * What happens to a line, tested in this order: no customer, non-product code, non-positive
 * quantity (adjustments such as "damaged" written as negative quantities outside cancellations),
 * cancellation (matched against the purchase it reverses; its price does not matter),
 * non-positive price (after rounding to cents, so 0.001 is zero); everything else is a purchase.
 */
export function classify(line: SaleLine): LineKind {
  if (!line.customer) return 'no_customer';
  if (line.nonProduct) return 'non_product';
  if (line.quantity <= 0) return 'non_positive_quantity';
  if (line.cancellation) return 'cancellation';
  if (line.unitPriceCents <= 0) return 'non_positive_price';
  return 'purchase';
}
