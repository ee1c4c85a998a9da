import type { Db } from './db';
import { systemClock, type Clock } from './clock';
import { ProductRepo } from './repos/products';
import { CustomerRepo } from './repos/customers';
import { OrderRepo } from './repos/orders';
import { BotStateRepo } from './repos/botState';
import { AuditRepo } from './repos/audit';
import { ReviewRepo } from './repos/reviews';
import { InteractionRepo } from './repos/interactions';
import { ProductSearch } from './search';
import { Carts, type CartPricer } from './carts';
import { Identity } from './identity';
import { CustomerOrders } from './customerOrders';
import { Support } from './support';
import { loadPolicy, type Policy } from './policy';
import { toCents } from './money';
import { Recommender } from './recommend/recommender';
import { Promotions } from './promotions/promotionService';
import { Segmenter } from './segments/segmenter';
import { Repricer } from './pricing/repricer';

/** The store policy shipped with the code; a store edits data/policy.json or points POLICY_PATH elsewhere. */
export const DEFAULT_POLICY_PATH = packagePath('data', 'policy.json');

export interface EngineOptions {
  policy?: Policy;
  /** How carts are priced; by default the promotions engine with the policy's delivery fees. */
  pricer?: CartPricer;
}

export { openDatabase, type Db } from './db';
import { EngineError } from './errors';
import { packagePath } from '../paths';
export { EngineError } from './errors';

/** The engine: everything the bot and the CLI may ask of the store, over one SQLite database. */
export class Engine {
  readonly products: ProductRepo;
  readonly customers: CustomerRepo;
  readonly orders: OrderRepo;
  readonly botState: BotStateRepo;
  readonly audit: AuditRepo;
  readonly reviews: ReviewRepo;
  readonly interactions: InteractionRepo;
  readonly policy: Policy;
  readonly search: ProductSearch;
  readonly carts: Carts;
  readonly identity: Identity;
  readonly customerOrders: CustomerOrders;
  readonly support: Support;
  readonly segments: Segmenter;
  readonly promotions: Promotions;
  readonly recommender: Recommender;
  readonly pricing: Repricer;

  constructor(
    readonly db: Db,
    readonly clock: Clock = systemClock,
    options: EngineOptions = {},
  ) {
    this.products = new ProductRepo(db);
    this.customers = new CustomerRepo(db);
    this.orders = new OrderRepo(db);
    this.botState = new BotStateRepo(db);
    this.audit = new AuditRepo(db);
    this.reviews = new ReviewRepo(db);
    this.interactions = new InteractionRepo(db);
    this.policy = options.policy ?? loadPolicy(DEFAULT_POLICY_PATH);
    this.search = new ProductSearch(db);
    this.segments = new Segmenter(db, clock);
    this.promotions = new Promotions(db, clock, {
      shippingCents: toCents(this.policy.shipping.standard_fee),
      freeShippingFromCents: toCents(this.policy.shipping.free_over),
      segmentOf: (customerId) => this.segmentOf(customerId),
      segmentNames: () => this.segmentNames(),
      currency: this.policy.currency,
    });
    this.recommender = new Recommender(db, { clock });
    this.pricing = new Repricer(db, clock);
    this.carts = new Carts(db, clock, options.pricer ?? this.promotions);
    this.identity = new Identity(db, clock);
    this.customerOrders = new CustomerOrders(db, clock, this.policy);
    this.support = new Support(db, clock);
  }

  /** The catalogue's words for the NLU: categories, brands, colours, sizes and product names. */
  vocabulary() {
    return {
      categories: this.products.distinct('category'),
      brands: this.products.distinct('brand'),
      colours: this.products.distinct('colour'),
      sizes: this.products.distinct('size'),
      products: this.db.prepare('SELECT sku, name FROM products WHERE active = 1').all() as { sku: string; name: string }[],
    };
  }

  /** The customer's segment name; undefined when there are too few customers to segment. */
  segmentOf(customerId: number): string | undefined {
    return this.segmented(() => this.segments.segmentOf(customerId)?.segment, undefined);
  }

  segmentNames(): string[] {
    return this.segmented(() => this.segments.current().segments.map((s) => s.name), []);
  }

  private segmented<T>(read: () => T, fallback: T): T {
    try {
      return read();
    } catch (e) {
      if (e instanceof EngineError) return fallback;
      throw e;
    }
  }

  /** True when the database answers a trivial query (health checks). */
  ping(): boolean {
    return (this.db.prepare('SELECT 1 AS ok').get() as { ok: number }).ok === 1;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
