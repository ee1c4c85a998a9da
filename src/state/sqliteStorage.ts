import { randomUUID } from 'node:crypto';
import type { Storage, StoreItems } from 'botbuilder';
import type { BotStateRepo } from '../engine/repos/botState';
import type { Clock } from '../engine/clock';
import { systemClock } from '../engine/clock';
import type { GroupCommit } from '../engine/groupCommit';

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
 * batch is atomic: one conflicting key writes nothing. With a GroupCommit, writes made in the same
 * pass of the event loop (a turn's conversation and user state, and its transcript) share one commit.
 */
export class SqliteStorage implements Storage {
  constructor(
    private readonly repo: BotStateRepo,
    private readonly clock: Clock = systemClock,
    private readonly group?: GroupCommit,
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
    const rows = Object.entries(changes).map(([key, item]) => {
      const { eTag, ...rest } = (item ?? {}) as { eTag?: string };
      return { key, data: JSON.stringify(rest), expected: eTag && eTag !== '*' ? eTag : undefined };
    });
    const writeAll = () => {
      for (const { key, data, expected } of rows) {
        const next = randomUUID();
        if (expected === undefined) {
          this.repo.put(key, data, next, at);
        } else if (!this.repo.put(key, data, next, at, expected) && !this.repo.create(key, data, next, at)) {
          throw new ETagConflictError(key);
        }
      }
    };
    if (this.group) return this.group.run(writeAll);
    this.repo.transaction(writeAll);
  }

  async delete(keys: string[]): Promise<void> {
    this.repo.transaction(() => keys.forEach((key) => this.repo.delete(key)));
  }
}
