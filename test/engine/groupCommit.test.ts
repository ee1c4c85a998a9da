import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/engine/db';
import { GroupCommit } from '../../src/engine/groupCommit';

function setUp() {
  const db = openDatabase(':memory:');
  db.exec('CREATE TABLE t (k TEXT PRIMARY KEY, v INTEGER NOT NULL)');
  const put = db.prepare('INSERT INTO t (k, v) VALUES (?, ?)');
  const rows = () => db.prepare('SELECT k, v FROM t ORDER BY k').all();
  // The database as GroupCommit sees it, counting outermost transactions (commits).
  let commits = 0;
  const counted = {
    transaction: (fn: (...args: unknown[]) => void) => {
      const tx = db.transaction(fn);
      return (...args: unknown[]) => {
        if (!db.inTransaction) commits++;
        return tx(...args);
      };
    },
  } as unknown as typeof db;
  return { put, rows, commits: () => commits, group: new GroupCommit(counted) };
}

describe('GroupCommit', () => {
  it('commits writes queued together in one transaction, in order, and resolves after the commit', async () => {
    const { put, rows, commits, group } = setUp();
    const writes = [group.run(() => put.run('a', 1)), group.run(() => put.run('b', 2))];
    expect(rows()).toEqual([]);
    await Promise.all(writes);
    expect(rows()).toEqual([{ k: 'a', v: 1 }, { k: 'b', v: 2 }]);
    expect(commits()).toBe(1);
  });

  it('rolls back a failing write alone and rejects only its promise', async () => {
    const { put, rows, group } = setUp();
    const results = await Promise.allSettled([
      group.run(() => put.run('a', 1)),
      group.run(() => {
        put.run('b', 2);
        put.run('a', 3); // duplicate key: this whole write is undone
      }),
      group.run(() => put.run('c', 4)),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(rows()).toEqual([{ k: 'a', v: 1 }, { k: 'c', v: 4 }]);
  });

  it('rejects a single failing write', async () => {
    const { put, rows, group } = setUp();
    await group.run(() => put.run('a', 1));
    await expect(group.run(() => put.run('a', 2))).rejects.toThrow(/UNIQUE/);
    expect(rows()).toEqual([{ k: 'a', v: 1 }]);
  });
});
