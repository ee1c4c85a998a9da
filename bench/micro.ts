import { Engine, openDatabase } from '../src/engine';
import { quantile } from '../src/engine/recommend/evaluate';
import { createNlu } from '../src/nlu';
import type { SearchFilters } from '../src/engine/search';
import { SCRIPTS } from './load';

export interface MicroResult {
  name: string;
  calls: number;
  p50Us: number;
  p99Us: number;
  maxUs: number;
}

const NLU_TEXTS = [
  ...SCRIPTS.flat(),
  'add to cart',
  'checkout',
  'where is my order SM100123?',
  'I want to return the shoes I bought last week, they are too small',
  'between 20 and 40 quid for a red jumbo bag please',
  'I love this shop, great service',
  'this is the worst delivery ever, I want a refund',
  'do you ship to Ireland and how long does it take?',
  'can I talk to a human',
  '😀👍',
  '',
  'running shoes under £60 in size 10, not red, anything but nike',
  'the shoes are nice but delivery was awful '.repeat(20),
];

const SEARCHES: SearchFilters[] = [
  { query: 'mugs', colour: 'red', maxPriceCents: 1000 },
  { query: 'running shoes', category: 'Shoes' },
  { query: 'running', category: 'Shoes', colour: 'black' },
  { query: 'wireless earbuds' },
  { query: 'yoga mat', colour: 'pink' },
  { query: 'duvets', maxPriceCents: 5000 },
  { query: 'hoodie', colour: 'navy' },
  { query: 'lipstick', sort: 'price_asc' },
  { category: 'Kitchen', sort: 'price_asc' },
  { query: 'blue green mug vase kettle' },
  { query: 'zzzz qqqq' },
  { brand: 'Nike', minPriceCents: 2000, maxPriceCents: 8000 },
];

/** Times `fn` over `inputs` (cycled `rounds` times after one warm-up round), in microseconds. */
export function timeCalls<T>(name: string, inputs: T[], rounds: number, fn: (input: T) => unknown): MicroResult {
  for (const input of inputs) fn(input);
  const us: number[] = [];
  for (let r = 0; r < rounds; r++)
    for (const input of inputs) {
      const t = performance.now();
      fn(input);
      us.push((performance.now() - t) * 1000);
    }
  return { name, calls: us.length, p50Us: Math.round(quantile(us, 0.5)), p99Us: Math.round(quantile(us, 0.99)), maxUs: Math.round(Math.max(...us)) };
}

/**
 * In-process micro-benchmarks on a store file (a copy: the engine may write model caches):
 * NLU analyse, search, personalised recommendations, promotion choice.
 */
export function runMicro(dbFile: string, nluCacheDir: string, options: { customers?: number } = {}): MicroResult[] {
  const db = openDatabase(dbFile);
  try {
    const engine = new Engine(db);
    const nlu = createNlu({ vocabulary: engine.vocabulary(), cacheDir: nluCacheDir, onLog: () => undefined });
    engine.search.refreshStats();
    engine.recommender.refresh();
    const ids = (db.prepare('SELECT DISTINCT customer_id AS id FROM orders ORDER BY customer_id').all() as { id: number }[]).map((r) => r.id);
    const n = Math.min(options.customers ?? 500, ids.length);
    const customers: (number | null)[] = [null, ...Array.from({ length: n }, (_, i) => ids[Math.floor((i * ids.length) / n)])];
    return [
      timeCalls('nlu analyze', NLU_TEXTS, 60, (text) => nlu.analyze(text)),
      timeCalls('search', SEARCHES, 100, (filters) => engine.search.search({ ...filters, limit: 5 })),
      timeCalls('recommend forCustomer', customers, 2, (id) => engine.recommender.forCustomer(id, { k: 5, inStockOnly: true })),
      timeCalls('promotions offersFor', customers, 2, (id) => engine.promotions.offersFor(id)),
    ];
  } finally {
    db.close();
  }
}
