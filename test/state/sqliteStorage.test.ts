import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { openDatabase } from '../../src/engine/db';
import { BotStateRepo } from '../../src/engine/repos/botState';
import { SqliteStorage } from '../../src/state/sqliteStorage';
import { GroupCommit } from '../../src/engine/groupCommit';
import { storageContract } from './storageContract';

storageContract('MemoryStorage', () => new MemoryStorage());
storageContract('SqliteStorage', () => new SqliteStorage(new BotStateRepo(openDatabase(':memory:'))));
storageContract('SqliteStorage with GroupCommit', () => {
  const db = openDatabase(':memory:');
  return new SqliteStorage(new BotStateRepo(db), undefined, new GroupCommit(db));
});

describe('SqliteStorage', () => {
  it('writes a batch atomically: one stale key writes nothing', async () => {
    const storage = new SqliteStorage(new BotStateRepo(openDatabase(':memory:')));
    await storage.write({ a: { v: 1 } });
    const stale = (await storage.read(['a'])).a;
    await storage.write({ a: { v: 2 } });
    await expect(storage.write({ b: { v: 1 }, a: { ...stale, v: 3 } })).rejects.toThrow(/eTag conflict/);
    expect(await storage.read(['b'])).toEqual({});
  });

  it('with GroupCommit, concurrent writes commit together and a stale one fails alone', async () => {
    const db = openDatabase(':memory:');
    const storage = new SqliteStorage(new BotStateRepo(db), undefined, new GroupCommit(db));
    await storage.write({ a: { v: 1 } });
    const stale = (await storage.read(['a'])).a;
    await storage.write({ a: { v: 2 } });
    const results = await Promise.allSettled([
      storage.write({ b: { v: 1 } }),
      storage.write({ c: { v: 1 }, a: { ...stale, v: 3 } }),
      storage.write({ d: { v: 1 } }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await storage.read(['a', 'b', 'c', 'd'])).toMatchObject({ a: { v: 2 }, b: { v: 1 }, d: { v: 1 } });
    expect((await storage.read(['c'])).c).toBeUndefined();
  });

  it('keeps state across reopening the same file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopmate-state-'));
    const file = path.join(dir, 'shop.db');
    const db1 = openDatabase(file);
    await new SqliteStorage(new BotStateRepo(db1)).write({ k: { cart: ['A1'] } });
    db1.close();
    const db2 = openDatabase(file);
    expect((await new SqliteStorage(new BotStateRepo(db2)).read(['k'])).k.cart).toEqual(['A1']);
    db2.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
