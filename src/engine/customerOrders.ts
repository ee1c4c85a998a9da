import type { Db } from './db';
import type { Clock } from './clock';
import type { Policy } from './policy';
import { EngineError, notFound } from './errors';
import { OrderRepo, type Order } from './repos/orders';

export interface OrderWithNames extends Order {
  lineNames: string[];
  expectedDelivery: string | null;
}

/** Orders as a customer sees them: only their own, with cancellation and returns under the store policy. */
export class CustomerOrders {
  private readonly orders: OrderRepo;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly policy: Policy,
  ) {
    this.orders = new OrderRepo(db);
  }

  /** The customer's order by number, or their latest; another customer's order is "not found". */
  find(customerId: number, orderNo?: string): OrderWithNames {
    const order = orderNo ? this.orders.byNo(orderNo) : this.orders.forCustomer(customerId, 1)[0];
    if (!order || order.customerId !== customerId) throw notFound(orderNo ? `order ${orderNo}` : 'an order');
    return this.describe(order);
  }

  recent(customerId: number, limit = 5): OrderWithNames[] {
    return this.orders.forCustomer(customerId, limit).map((o) => this.describe(o));
  }

  /** Cancels an order that has not shipped and puts its items back in stock. */
  cancel(customerId: number, orderNo: string): OrderWithNames {
    const order = this.find(customerId, orderNo);
    if (order.status !== 'placed') throw new EngineError('conflict', `order ${order.orderNo} is ${order.status}, so it can no longer be cancelled`);
    this.db.transaction(() => {
      this.orders.setStatus(order.orderNo, 'cancelled');
      const restock = this.db.prepare('UPDATE products SET stock = stock + ? WHERE id = ?');
      for (const l of order.lines) if (!l.cancelled) restock.run(l.quantity, l.productId);
    })();
    return this.find(customerId, orderNo);
  }

  /** Opens a return request within the policy window after delivery. */
  requestReturn(customerId: number, orderNo: string, reason: string): { id: number; order: OrderWithNames; refundCents: number } {
    const order = this.find(customerId, orderNo);
    if (order.status === 'placed' || order.status === 'shipped') {
      throw new EngineError('conflict', `order ${order.orderNo} has not been delivered yet${order.status === 'placed' ? ', so you can simply cancel it' : ''}`);
    }
    if (order.status !== 'delivered') throw new EngineError('conflict', `order ${order.orderNo} is ${order.status}`);
    const delivered = new Date(order.deliveredAt ?? order.placedAt).getTime();
    const days = (this.clock.now().getTime() - delivered) / 86_400_000;
    if (days > this.policy.returns.window_days) {
      throw new EngineError('conflict', `order ${order.orderNo} was delivered ${Math.floor(days)} days ago, past the ${this.policy.returns.window_days}-day return window`);
    }
    const existing = this.db.prepare('SELECT id FROM return_requests WHERE order_id = ?').get(order.id) as { id: number } | undefined;
    if (existing) throw new EngineError('conflict', `a return for order ${order.orderNo} is already open (return #${existing.id})`);
    const info = this.db
      .prepare('INSERT INTO return_requests (order_id, customer_id, reason, created_at) VALUES (?, ?, ?, ?)')
      .run(order.id, customerId, reason.slice(0, 500), this.clock.now().toISOString());
    return { id: Number(info.lastInsertRowid), order, refundCents: order.totalCents - order.shippingCents };
  }

  private describe(order: Order): OrderWithNames {
    const name = this.db.prepare('SELECT name FROM products WHERE id = ?');
    const [, maxDays] = this.policy.shipping.standard_days;
    const expectedDelivery =
      order.status === 'placed' || order.status === 'shipped'
        ? new Date(new Date(order.shippedAt ?? order.placedAt).getTime() + (maxDays + 1) * 86_400_000).toISOString()
        : null;
    return {
      ...order,
      lineNames: order.lines.map((l) => `${l.quantity} × ${(name.get(l.productId) as { name: string } | undefined)?.name ?? 'item'}`),
      expectedDelivery,
    };
  }
}
