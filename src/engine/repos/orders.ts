import type { Db } from '../db';
import { invalid, notFound } from '../errors';

export type OrderStatus = 'placed' | 'shipped' | 'delivered' | 'cancelled' | 'returned';
export type OrderSource = 'chat' | 'demo' | 'import';

export interface OrderLine {
  productId: number;
  quantity: number;
  unitPriceCents: number;
}

export interface NewOrder {
  orderNo: string;
  customerId: number | null;
  placedAt: string;
  lines: OrderLine[];
  status?: OrderStatus;
  shippedAt?: string | null;
  deliveredAt?: string | null;
  discountCents?: number;
  shippingCents?: number;
  promotionId?: number | null;
  source?: OrderSource;
}

export interface Order {
  id: number;
  orderNo: string;
  customerId: number | null;
  status: OrderStatus;
  placedAt: string;
  shippedAt: string | null;
  deliveredAt: string | null;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  totalCents: number;
  promotionId: number | null;
  source: OrderSource;
  lines: (OrderLine & { lineNo: number; cancelled: boolean })[];
}

interface OrderRow {
  id: number;
  order_no: string;
  customer_id: number | null;
  status: OrderStatus;
  placed_at: string;
  shipped_at: string | null;
  delivered_at: string | null;
  subtotal_cents: number;
  discount_cents: number;
  shipping_cents: number;
  promotion_id: number | null;
  source: OrderSource;
}

/** Orders and their lines. Creating an order is one transaction. */
export class OrderRepo {
  private readonly insertOrder;
  private readonly insertLine;
  private readonly byNoStmt;
  private readonly linesStmt;

  constructor(private readonly db: Db) {
    this.insertOrder = db.prepare(`INSERT INTO orders
      (order_no, customer_id, status, placed_at, shipped_at, delivered_at, subtotal_cents, discount_cents, shipping_cents, promotion_id, source)
      VALUES (@orderNo, @customerId, @status, @placedAt, @shippedAt, @deliveredAt, @subtotal, @discountCents, @shippingCents, @promotionId, @source)`);
    this.insertLine = db.prepare(`INSERT INTO order_items (order_id, line_no, product_id, quantity, unit_price_cents)
      VALUES (?, ?, ?, ?, ?)`);
    this.byNoStmt = db.prepare('SELECT * FROM orders WHERE order_no = ?');
    this.linesStmt = db.prepare(
      'SELECT line_no, product_id, quantity, unit_price_cents, cancelled FROM order_items WHERE order_id = ? ORDER BY line_no',
    );
  }

  /** Inserts an order with its lines; call inside a transaction when batching. */
  create(o: NewOrder): number {
    if (o.lines.length === 0) throw invalid('an order needs at least one line');
    for (const l of o.lines) {
      if (!Number.isInteger(l.quantity) || l.quantity <= 0) throw invalid(`quantity must be a positive whole number, got ${l.quantity}`);
      if (!Number.isInteger(l.unitPriceCents) || l.unitPriceCents < 0) throw invalid(`bad unit price ${l.unitPriceCents}`);
    }
    const subtotal = o.lines.reduce((s, l) => s + l.quantity * l.unitPriceCents, 0);
    const info = this.insertOrder.run({
      status: 'placed',
      shippedAt: null,
      deliveredAt: null,
      discountCents: 0,
      shippingCents: 0,
      promotionId: null,
      source: 'chat',
      ...o,
      lines: undefined,
      subtotal,
    });
    const id = Number(info.lastInsertRowid);
    o.lines.forEach((l, i) => this.insertLine.run(id, i + 1, l.productId, l.quantity, l.unitPriceCents));
    return id;
  }

  byNo(orderNo: string): Order | undefined {
    const row = this.byNoStmt.get(orderNo.trim()) as OrderRow | undefined;
    return row && this.hydrate(row);
  }

  get(orderNo: string): Order {
    const o = this.byNo(orderNo);
    if (!o) throw notFound(`order ${orderNo}`);
    return o;
  }

  forCustomer(customerId: number, limit = 10): Order[] {
    const rows = this.db
      .prepare('SELECT * FROM orders WHERE customer_id = ? ORDER BY placed_at DESC LIMIT ?')
      .all(customerId, limit) as OrderRow[];
    return rows.map((r) => this.hydrate(r));
  }

  setStatus(orderNo: string, status: OrderStatus): void {
    const info = this.db.prepare('UPDATE orders SET status = ? WHERE order_no = ?').run(status, orderNo);
    if (info.changes === 0) throw notFound(`order ${orderNo}`);
  }

  count(): number {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM orders').get() as { n: number }).n;
  }

  private hydrate(r: OrderRow): Order {
    const lines = (this.linesStmt.all(r.id) as { line_no: number; product_id: number; quantity: number; unit_price_cents: number; cancelled: number }[]).map(
      (l) => ({ lineNo: l.line_no, productId: l.product_id, quantity: l.quantity, unitPriceCents: l.unit_price_cents, cancelled: l.cancelled === 1 }),
    );
    return {
      id: r.id,
      orderNo: r.order_no,
      customerId: r.customer_id,
      status: r.status,
      placedAt: r.placed_at,
      shippedAt: r.shipped_at,
      deliveredAt: r.delivered_at,
      subtotalCents: r.subtotal_cents,
      discountCents: r.discount_cents,
      shippingCents: r.shipping_cents,
      totalCents: r.subtotal_cents - r.discount_cents + r.shipping_cents,
      promotionId: r.promotion_id,
      source: r.source,
      lines,
    };
  }
}
