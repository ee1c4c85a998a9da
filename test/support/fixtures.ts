import { openDatabase, type Db } from '../../src/engine/db';
import { ProductRepo, type NewProduct } from '../../src/engine/repos/products';
import { CustomerRepo } from '../../src/engine/repos/customers';

export const T0 = '2025-01-01T00:00:00.000Z';

/** A small, hand-made store on a fresh in-memory database. */
export function tinyStore(): { db: Db; ids: Record<string, number>; customers: Record<string, number> } {
  const db = openDatabase(':memory:');
  const products = new ProductRepo(db);
  const base: Omit<NewProduct, 'sku' | 'name' | 'category' | 'priceCents'> = { createdAt: T0, stock: 10, costCents: null };
  const items: NewProduct[] = [
    { ...base, sku: 'KIT-1', name: 'Red enamel mug', category: 'Kitchen', brand: 'Nordvik', colour: 'red', priceCents: 899, costCents: 400, description: 'A sturdy enamel mug for camping and coffee' },
    { ...base, sku: 'KIT-2', name: 'Blue enamel mug', category: 'Kitchen', brand: 'Nordvik', colour: 'blue', priceCents: 899, costCents: 400, description: 'A sturdy enamel mug' },
    { ...base, sku: 'KIT-3', name: 'Stoneware teapot', category: 'Kitchen', brand: 'Hearth', colour: 'white', priceCents: 2499, costCents: 1200, description: 'Holds six cups of tea' },
    { ...base, sku: 'SHO-1', name: "Trailblazer men's running shoes", category: 'Shoes', brand: 'Nike', colour: 'black', size: 'UK 9', priceCents: 7999, costCents: 4000, description: 'Cushioned running shoes' },
    { ...base, sku: 'SHO-2', name: "Sprint women's running shoes", category: 'Shoes', brand: 'Adidas', colour: 'red', size: 'UK 5', priceCents: 6499, costCents: 3000, description: 'Light running shoes', stock: 0 },
  ];
  const ids: Record<string, number> = {};
  for (const p of items) ids[p.sku] = products.insert(p);
  const people = new CustomerRepo(db);
  const customers = {
    ann: people.insert({ name: 'Ann Lee', email: 'ann@example.com', createdAt: T0 }),
    bob: people.insert({ name: 'Bob Day', email: 'bob@example.com', createdAt: T0 }),
  };
  return { db, ids, customers };
}
