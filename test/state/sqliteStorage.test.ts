import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MemoryStorage } from 'botbuilder';
import { openDatabase } from '../../src/engine/db';
import { BotStateRepo } from '../../src/engine/repos/botState';
import { SqliteStorage } from '../../src/state/sqliteStorage';
import { storageContract } from './storageContract';

storageContract('MemoryStorage', () => new MemoryStorage());
storageContract('SqliteStorage', () => new SqliteStorage(new BotStateRepo(openDatabase(':memory:'))));

describe('SqliteStorage', () => {
  it('writes a batch atomically: one stale key writes nothing', async () => {
    const storage = new SqliteStorage(new BotStateRepo(openDatabase(':memory:')));
    await storage.write({ a: { v: 1 } });
    const stale = (await storage.read(['a'])).a;
    await storage.write({ a: { v: 2 } });
    await expect(storage.write({ b: { v: 1 }, a: { ...stale, v: 3 } })).rejects.toThrow(/eTag conflict/);
    expect(await storage.read(['b'])).toEqual({});
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
