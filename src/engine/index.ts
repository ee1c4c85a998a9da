import type { Db } from './db';
import { systemClock, type Clock } from './clock';
import { ProductRepo } from './repos/products';
import { CustomerRepo } from './repos/customers';
import { OrderRepo } from './repos/orders';
import { BotStateRepo } from './repos/botState';
import { AuditRepo } from './repos/audit';

export { openDatabase, type Db } from './db';
export { EngineError } from './errors';

/** The engine: everything the bot and the CLI may ask of the store, over one SQLite database. */
export class Engine {
  readonly products: ProductRepo;
  readonly customers: CustomerRepo;
  readonly orders: OrderRepo;
  readonly botState: BotStateRepo;
  readonly audit: AuditRepo;

  constructor(
    readonly db: Db,
    readonly clock: Clock = systemClock,
  ) {
    this.products = new ProductRepo(db);
    this.customers = new CustomerRepo(db);
    this.orders = new OrderRepo(db);
    this.botState = new BotStateRepo(db);
    this.audit = new AuditRepo(db);
  }

  /** True when the database answers a trivial query (health checks). */
  ping(): boolean {
    return (this.db.prepare('SELECT 1 AS ok').get() as { ok: number }).ok === 1;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
