import { describe, expect, it } from 'vitest';
import path from 'node:path';
import { CustomerOrders } from '../../src/engine/customerOrders';
import { fixedClock } from '../../src/engine/clock';
import { loadPolicy } from '../../src/engine/policy';
import { OrderRepo } from '../../src/engine/repos/orders';
import { tinyStore } from '../support/fixtures';

const policy = loadPolicy(path.resolve(__dirname, '../../data/policy.json'));

function setup() {
  const store = tinyStore();
  const orders = new OrderRepo(store.db);
  const line = { productId: store.ids['KIT-1'], quantity: 2, unitPriceCents: 899 };
  orders.create({ orderNo: 'SM1', customerId: store.customers.ann, placedAt: '2025-02-20T09:00:00.000Z', lines: [line], shippingCents: 395 });
  orders.create({ orderNo: 'SM2', customerId: store.customers.ann, placedAt: '2025-01-02T09:00:00.000Z', status: 'delivered', deliveredAt: '2025-01-05T09:00:00.000Z', lines: [line] });
  orders.create({ orderNo: 'SM3', customerId: store.customers.ann, placedAt: '2025-02-25T09:00:00.000Z', status: 'delivered', deliveredAt: '2025-02-27T09:00:00.000Z', lines: [line], shippingCents: 395 });
  orders.create({ orderNo: 'SM4', customerId: store.customers.bob, placedAt: '2025-02-26T09:00:00.000Z', lines: [line] });
  const service = new CustomerOrders(store.db, fixedClock('2025-03-01T10:00:00Z'), policy);
  return { ...store, service };
}

describe('CustomerOrders', () => {
  it("shows a customer's own orders, latest first by default, and hides everyone else's", () => {
    const { service, customers } = setup();
    expect(service.find(customers.ann).orderNo).toBe('SM3');
    expect(service.find(customers.ann, 'SM1')).toMatchObject({ status: 'placed', lineNames: ['2 × Red enamel mug'] });
    expect(service.find(customers.ann, 'SM1').expectedDelivery).not.toBeNull();
    expect(() => service.find(customers.ann, 'SM4')).toThrow(/not found/);
    expect(() => service.find(customers.bob, 'SM1')).toThrow(/not found/);
  });

  it('cancels only before shipping, and restocks', () => {
    const { service, customers, db, ids } = setup();
    const stock = () => (db.prepare('SELECT stock FROM products WHERE id = ?').get(ids['KIT-1']) as { stock: number }).stock;
    const before = stock();
    expect(service.cancel(customers.ann, 'SM1').status).toBe('cancelled');
    expect(stock()).toBe(before + 2);
    expect(() => service.cancel(customers.ann, 'SM1')).toThrow(/cancelled/);
    expect(() => service.cancel(customers.ann, 'SM3')).toThrow(/delivered/);
  });

  it('opens a return inside the policy window only, once per order', () => {
    const { service, customers } = setup();
    const ret = service.requestReturn(customers.ann, 'SM3', 'too small');
    expect(ret.refundCents).toBe(2 * 899);
    expect(() => service.requestReturn(customers.ann, 'SM3', 'again')).toThrow(/already open/);
    expect(() => service.requestReturn(customers.ann, 'SM2', 'late')).toThrow(/30-day return window/);
    expect(() => service.requestReturn(customers.ann, 'SM1', 'x')).toThrow(/not been delivered/);
  });
});
