import type { Clock } from '../clock';
import type { Db } from '../db';
import { notFound } from '../errors';
import { dayAfterLastOrder, loadRfm } from './rfm';
import { segmentCustomers, type CustomerSegment, type SegmentOptions, type Segmentation } from './segmentCustomers';

export interface SegmenterOptions extends SegmentOptions {
  /**
   * What "today" is for recency: 'clock' (default) uses the injected clock; 'data' uses the UTC day
   * after the last order in the store (for historical data sets such as the imported Online Retail).
   */
  today?: 'clock' | 'data';
}

export interface SegmentMember extends CustomerSegment {
  name: string;
  externalId: string | null;
}

/**
 * Customer segments over the store's sales, computed once and cached until `refresh()`; the
 * promotions and the staff dialogs ask `segmentOf` / `customersIn` against the same snapshot.
 */
export class Segmenter {
  private cached: (Segmentation & { today: Date; byCustomer: Map<number, CustomerSegment> }) | undefined;
  private readonly customerStmt;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly options: SegmenterOptions = {},
  ) {
    this.customerStmt = db.prepare('SELECT name, external_id FROM customers WHERE id = ?');
  }

  /** The current segmentation, computing it on first use. */
  current(): Segmentation & { today: Date } {
    if (!this.cached) this.refresh();
    return this.cached as Segmentation & { today: Date };
  }

  /** Recomputes from the sales (optionally with a different fixed k). */
  refresh(overrides: Partial<SegmenterOptions> = {}): Segmentation & { today: Date } {
    const options = { ...this.options, ...overrides };
    const today = options.today === 'data' ? (dayAfterLastOrder(this.db) ?? this.clock.now()) : this.clock.now();
    const result = segmentCustomers(loadRfm(this.db, today), options);
    this.cached = { ...result, today, byCustomer: new Map(result.members.map((m) => [m.customerId, m])) };
    return this.cached;
  }

  /** The customer's segment, or undefined for a customer without purchases. */
  segmentOf(customerId: number): CustomerSegment | undefined {
    this.current();
    return this.cached?.byCustomer.get(customerId);
  }

  /** The segment's customers by spend, highest first (`name` is matched case-insensitively). */
  customersIn(segmentName: string, limit = 10): SegmentMember[] {
    const seg = this.current().segments.find((s) => s.name.toLowerCase() === segmentName.trim().toLowerCase());
    if (!seg) throw notFound(`segment "${segmentName}" (there are: ${this.current().segments.map((s) => s.name).join(", ")})`);
    return this.current()
      .members.filter((m) => m.segment === seg.name)
      .sort((a, b) => b.monetaryCents - a.monetaryCents || a.customerId - b.customerId)
      .slice(0, limit)
      .map((m) => this.withCustomer(m));
  }

  /** Every member with their name and external id (CSV export). */
  allMembers(): SegmentMember[] {
    return this.current().members.map((m) => this.withCustomer(m));
  }

  private withCustomer(m: CustomerSegment): SegmentMember {
    const row = this.customerStmt.get(m.customerId) as { name: string; external_id: string | null } | undefined;
    return { ...m, name: row?.name ?? '', externalId: row?.external_id ?? null };
  }
}
