import type { Db } from '../db';
import { Catalogue, type ProductState } from './catalogue';
import { CustomerBook, type CustomerState } from './customerBook';
import type { ImportSummary, LineError } from './importSummary';
import { classify, type SaleLine } from './saleLine';

interface OrderState {
  id: number;
  orderNo: string;
  customer: CustomerState;
  placedAt: string;
  lines: number;
  cancelledLines: number;
  subtotalCents: number;
}

interface ItemState {
  id: number;
  order: OrderState;
  product: ProductState;
  lineNo: number;
  quantity: number;
  unitPriceCents: number;
  cancelled: boolean;
}

/** A cancellation line and the purchase line it reversed (an item of this import, an older row id, or none). */
interface CancellationRecord {
  line: SaleLine;
  lineNo: number;
  reversed: ItemState | number | null;
}

/**
 * Turns classified lines into rows. Lines are buffered and written in one synchronous
 * transaction per batch, cut only between orders, so an order is never half written. Imported
 * orders are historical invoices: status 'delivered' (or 'cancelled' once every line is).
 */
export class ImportWriter {
  private readonly customers: CustomerBook;
  private readonly catalogue: Catalogue;
  private readonly existingOrders: Set<string>;
  private readonly existingCancellations: Set<string>;
  private readonly maxItemIdBefore: number;
  private readonly orders = new Map<string, OrderState>();
  private readonly purchases = new Map<CustomerState, Map<ProductState, ItemState[]>>();
  private readonly cancellationLineNos = new Map<string, number>();
  private readonly olderCancelled = new Map<number, number>(); // item id -> order id, rows from earlier imports
  private pending = { customers: [] as CustomerState[], products: [] as ProductState[], orders: [] as OrderState[], items: [] as ItemState[] };
  private pendingCancels: (ItemState | number)[] = [];
  private pendingRecords: CancellationRecord[] = [];
  private pendingSubtotals = new Set<OrderState>();
  private pendingLines = 0;
  private lastOrderNo = '';
  private readonly stmt;

  constructor(
    private readonly db: Db,
    private readonly summary: ImportSummary,
    /** Reports a line that cannot be stored (counted as malformed by the caller). */
    private readonly onError: (e: LineError) => void,
    private readonly batchSize = 5000,
  ) {
    this.customers = new CustomerBook(db);
    this.catalogue = new Catalogue(db);
    const column = (sql: string) => new Set((db.prepare(sql).pluck().all() as string[]));
    this.existingOrders = column('SELECT order_no FROM orders');
    this.existingCancellations = column('SELECT DISTINCT order_no FROM import_cancellations');
    this.maxItemIdBefore = (db.prepare('SELECT COALESCE(MAX(id), 0) FROM order_items').pluck().get() as number);
    this.stmt = {
      order: db.prepare(`INSERT INTO orders (order_no, customer_id, status, placed_at, subtotal_cents, source) VALUES (?, ?, 'delivered', ?, ?, 'import')`),
      item: db.prepare('INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price_cents, cancelled) VALUES (?, ?, ?, ?, ?, ?)'),
      cancelItem: db.prepare('UPDATE order_items SET cancelled = 1 WHERE id = ?'),
      subtotal: db.prepare('UPDATE orders SET subtotal_cents = ? WHERE id = ?'),
      record: db.prepare(`INSERT INTO import_cancellations (order_no, line_no, customer_ref, sku, quantity, unit_price_cents, cancelled_at, order_item_id)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
      olderPurchase: db.prepare(`SELECT i.id, i.order_id FROM order_items i JOIN orders o ON o.id = i.order_id
        WHERE i.product_id = ? AND o.customer_id = ? AND i.quantity = ? AND i.cancelled = 0 AND o.status <> 'cancelled'
          AND o.placed_at <= ? AND i.id <= ? ORDER BY o.placed_at DESC, i.id DESC LIMIT 20`),
      orderCancelled: db.prepare(`UPDATE orders SET status = 'cancelled'
        WHERE id = ? AND NOT EXISTS (SELECT 1 FROM order_items WHERE order_id = orders.id AND cancelled = 0)`),
    };
  }

  /** Handles one parsed line: stores it, applies it as a cancellation, or counts why it is skipped. */
  accept(line: SaleLine): void {
    if (this.pendingLines >= this.batchSize && line.orderNo !== this.lastOrderNo) this.flush();
    this.lastOrderNo = line.orderNo;
    const kind = classify(line);
    if (kind === 'purchase') this.purchase(line);
    else if (kind === 'cancellation') this.cancel(line);
    else this.summary.skipped[kind]++;
  }

  private purchase(line: SaleLine): void {
    if (this.existingOrders.has(line.orderNo)) {
      this.summary.skipped.existing++;
      return;
    }
    const order = this.orderFor(line);
    if (!order) return;
    const { product, created } = this.catalogue.noteSale(line);
    if (created) this.pending.products.push(product);
    const item: ItemState = { id: 0, order, product, lineNo: ++order.lines, quantity: line.quantity, unitPriceCents: line.unitPriceCents, cancelled: false };
    order.subtotalCents += line.quantity * line.unitPriceCents;
    if (order.id > 0) this.pendingSubtotals.add(order);
    this.pending.items.push(item);
    this.pendingLines++;
    let byProduct = this.purchases.get(order.customer);
    if (!byProduct) this.purchases.set(order.customer, (byProduct = new Map()));
    const stack = byProduct.get(product);
    if (stack) stack.push(item);
    else byProduct.set(product, [item]);
    this.summary.order_lines++;
    const { period } = this.summary;
    if (!period.from || line.placedAt < period.from) period.from = line.placedAt;
    if (!period.to || line.placedAt > period.to) period.to = line.placedAt;
  }

  /** The order this line belongs to, created on its first line; null (reported) if the line names another customer. */
  private orderFor(line: SaleLine): OrderState | null {
    const ref = line.customer!;
    const known = this.orders.get(line.orderNo);
    if (known) {
      if (this.customers.find(ref) === known.customer) return known;
      this.onError({ line: line.line, reason: `order ${line.orderNo} belongs to another customer` });
      return null;
    }
    const { customer, created } = this.customers.findOrCreate(ref, line.placedAt);
    if (created) this.pending.customers.push(customer);
    const order: OrderState = { id: 0, orderNo: line.orderNo, customer, placedAt: line.placedAt, lines: 0, cancelledLines: 0, subtotalCents: 0 };
    this.orders.set(line.orderNo, order);
    this.pending.orders.push(order);
    return order;
  }

  private cancel(line: SaleLine): void {
    if (this.existingCancellations.has(line.orderNo)) {
      this.summary.skipped.existing++;
      return;
    }
    const lineNo = (this.cancellationLineNos.get(line.orderNo) ?? 0) + 1;
    this.cancellationLineNos.set(line.orderNo, lineNo);
    const reversed = this.reverse(line);
    this.pendingRecords.push({ line, lineNo, reversed });
    this.pendingLines++;
    this.summary.cancellations.lines++;
    if (reversed !== null) this.summary.cancellations.matched++;
    else this.summary.cancellations.unmatched++;
  }

  /**
   * Marks the purchase a cancellation reverses: same customer and product, the most recent line
   * at or before the cancellation with exactly that quantity, not already cancelled. Lines of this
   * import are searched in memory, then (for incremental imports) rows written before it.
   */
  private reverse(line: SaleLine): ItemState | number | null {
    const customer = this.customers.find(line.customer!);
    const product = this.catalogue.get(line.sku);
    if (!customer || !product) return null;
    const stack = this.purchases.get(customer)?.get(product) ?? [];
    for (let i = stack.length - 1; i >= 0; i--) {
      const item = stack[i];
      if (item.cancelled || item.quantity !== line.quantity || item.order.placedAt > line.placedAt) continue;
      item.cancelled = true;
      item.order.cancelledLines++;
      item.product.keptUnits -= item.quantity;
      if (item.id > 0) this.pendingCancels.push(item);
      return item;
    }
    if (customer.id === 0 || product.id === 0 || this.maxItemIdBefore === 0) return null;
    const rows = this.stmt.olderPurchase.all(product.id, customer.id, line.quantity, line.placedAt, this.maxItemIdBefore) as { id: number; order_id: number }[];
    const row = rows.find((r) => !this.olderCancelled.has(r.id));
    if (!row) return null;
    this.olderCancelled.set(row.id, row.order_id);
    this.pendingCancels.push(row.id);
    return row.id;
  }

  /** Writes everything buffered in one transaction. */
  flush(): void {
    const { customers, products, orders, items } = this.pending;
    const s = this.stmt;
    this.db.transaction(() => {
      for (const c of customers) this.customers.insert(c);
      for (const p of products) this.catalogue.insert(p, this.summary.format);
      for (const o of orders) o.id = Number(s.order.run(o.orderNo, o.customer.id, o.placedAt, o.subtotalCents).lastInsertRowid);
      for (const i of items) {
        i.id = Number(s.item.run(i.order.id, i.lineNo, i.product.id, i.quantity, i.unitPriceCents, i.cancelled ? 1 : 0).lastInsertRowid);
      }
      for (const c of this.pendingCancels) s.cancelItem.run(typeof c === 'number' ? c : c.id);
      for (const o of this.pendingSubtotals) s.subtotal.run(o.subtotalCents, o.id);
      for (const { line, lineNo, reversed } of this.pendingRecords) {
        const itemId = reversed === null ? null : typeof reversed === 'number' ? reversed : reversed.id;
        const ref = line.customer!.externalId ?? line.customer!.email;
        s.record.run(line.orderNo, lineNo, ref, line.sku, line.quantity, line.unitPriceCents, line.placedAt, itemId);
      }
    })();
    this.summary.customers += customers.length;
    this.summary.products += products.length;
    this.summary.orders += orders.length;
    this.pending = { customers: [], products: [], orders: [], items: [] };
    this.pendingCancels = [];
    this.pendingRecords = [];
    this.pendingSubtotals = new Set();
    this.pendingLines = 0;
  }

  /** Writes the rest, settles the new products' catalogue data and the status of fully cancelled orders. */
  finish(): void {
    this.flush();
    this.db.transaction(() => {
      this.catalogue.finish(this.summary.period.to);
      for (const o of this.orders.values()) if (o.lines > 0 && o.cancelledLines === o.lines) this.stmt.orderCancelled.run(o.id);
      for (const orderId of new Set(this.olderCancelled.values())) this.stmt.orderCancelled.run(orderId);
    })();
  }
}
