import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { BotStateRepo } from '../engine/repos/botState';
import type { Clock } from '../engine/clock';
import { systemClock } from '../engine/clock';

/** Thrown when a write carries an eTag that no longer matches what is stored. */
export class ETagConflictError extends Error {
  readonly code = 'etag_conflict';
  constructor(key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

/**
 * botbuilder Storage on the SQLite store, with MemoryStorage's eTag rules: a write without an
 * eTag or with '*' always wins; otherwise it must match the stored eTag. Unlike MemoryStorage, a
 * batch is atomic: one conflicting key writes nothing.
 */
export class SqliteStorage implements Storage {
  constructor(
    private readonly repo: BotStateRepo,
    private readonly clock: Clock = systemClock,
  ) {}

  async read(keys: string[]): Promise<StoreItems> {
    if (!keys) throw new ReferenceError('Keys are required when reading.');
    const items: StoreItems = {};
    for (const key of keys) {
      const record = this.repo.get(key);
      if (record) items[key] = { ...JSON.parse(record.data), eTag: record.etag };
    }
    return items;
  }

  async write(changes: StoreItems): Promise<void> {
    if (!changes) throw new ReferenceError('Changes are required when writing.');
    const at = this.clock.now().toISOString();
    this.repo.transaction(() => {
      for (const [key, item] of Object.entries(changes)) {
        const { eTag, ...rest } = (item ?? {}) as { eTag?: string };
        const data = JSON.stringify(rest);
        const next = randomUUID();
        const expected = eTag && eTag !== '*' ? eTag : undefined;
        if (expected === undefined) {
          this.repo.put(key, data, next, at);
        } else if (!this.repo.put(key, data, next, at, expected) && !this.repo.create(key, data, next, at)) {
          throw new ETagConflictError(key);
        }
      }
    });
  }

  async delete(keys: string[]): Promise<void> {
    this.repo.transaction(() => keys.forEach((key) => this.repo.delete(key)));
  }
}
