import { describe, expect, it } from 'vitest';
import { Carts, flatShipping } from '../../src/engine/carts';
import { fixedClock } from '../../src/engine/clock';
import { tinyStore } from '../support/fixtures';

const setup = () => {
  const store = tinyStore();
  const carts = new Carts(store.db, fixedClock('2025-03-01T10:00:00Z'), flatShipping(395, 5000));
  return { ...store, carts };
};

describe('Carts', () => {
  it('adds, merges quantities, totals in cents with shipping', () => {
    const { carts, ids } = setup();
    carts.add('u1', ids['KIT-1']);
    const view = carts.add('u1', ids['KIT-1'], 2);
    expect(view.lines).toHaveLength(1);
    expect(view.items).toBe(3);
    expect(view.subtotalCents).toBe(3 * 899);
    expect(view.shippingCents).toBe(395);
    expect(view.totalCents).toBe(3 * 899 + 395);
    expect(carts.add('u1', ids['SHO-1']).shippingCents).toBe(0); // over the free-shipping threshold
  });

  it('keeps carts per user apart', () => {
    const { carts, ids } = setup();
    carts.add('u1', ids['KIT-1']);
    expect(carts.view('u2', null).lines).toEqual([]);
  });

  it('refuses bad quantities, unknown products and more than is in stock', () => {
    const { carts, ids } = setup();
    expect(() => carts.add('u1', ids['KIT-1'], -1)).toThrow(/quantity/);
    expect(() => carts.add('u1', ids['KIT-1'], 1.5)).toThrow(/quantity/);
    expect(() => carts.add('u1', 9999)).toThrow(/not found/);
    expect(() => carts.add('u1', ids['SHO-2'])).toThrow(/in stock/);
    expect(() => carts.add('u1', ids['KIT-1'], 11)).toThrow(/only 10/);
  });

  it('changes and removes lines', () => {
    const { carts, ids } = setup();
    carts.add('u1', ids['KIT-1']);
    carts.add('u1', ids['KIT-3']);
    expect(carts.setQuantity('u1', ids['KIT-3'], 4).items).toBe(5);
    expect(carts.setQuantity('u1', ids['KIT-3'], 0).items).toBe(1);
    expect(() => carts.remove('u1', ids['KIT-3'])).toThrow(/not found/);
  });

  it('checks out into an order: stock taken, cart emptied, numbered after the last order', () => {
    const { carts, ids, customers, db } = setup();
    carts.add('u1', ids['KIT-1'], 2);
    carts.add('u1', ids['KIT-3']);
    const order = carts.checkout('u1', customers.ann);
    expect(order.orderNo).toBe('SM100001');
    expect(order.customerId).toBe(customers.ann);
    expect(order.subtotalCents).toBe(2 * 899 + 2499);
    expect(order.totalCents).toBe(2 * 899 + 2499 + 395);
    expect((db.prepare('SELECT stock FROM products WHERE id = ?').get(ids['KIT-1']) as { stock: number }).stock).toBe(8);
    expect(carts.view('u1', null).lines).toEqual([]);
    carts.add('u1', ids['KIT-2']);
    expect(carts.checkout('u1', customers.ann).orderNo).toBe('SM100002');
  });

  it('checks out nothing when the cart is empty or stock ran out, and changes nothing', () => {
    const { carts, ids, customers, db } = setup();
    expect(() => carts.checkout('u1', customers.ann)).toThrow(/empty/);
    carts.add('u1', ids['KIT-1'], 5);
    db.prepare('UPDATE products SET stock = 2 WHERE id = ?').run(ids['KIT-1']);
    expect(() => carts.checkout('u1', customers.ann)).toThrow(/only 2/);
    expect((db.prepare('SELECT COUNT(*) AS n FROM orders').get() as { n: number }).n).toBe(0);
    expect(carts.view('u1', null).items).toBe(5);
  });
});
