import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Db } from '../../../src/engine/db';
import { PromotionRepo } from '../../../src/engine/promotions/promotionRepo';
import type { Promotion } from '../../../src/engine/promotions/types';

const draft = (name: string, budgetCents: number | null = null): Omit<Promotion, 'id' | 'status'> => ({
  name, kind: 'percent_off', params: { percent: 10 }, target: { kind: 'all' }, startsAt: '2025-01-01T00:00:00Z', endsAt: '2025-12-31T00:00:00Z',
  budgetCents, controlShare: 0, createdBy: 'test', createdAt: '2025-01-01T00:00:00Z',
});
const at = '2025-06-01T00:00:00Z';
const tick = () => new Promise((r) => setTimeout(r, 0));

/** Live promotions and budgets are cached in memory; whoever changes them, the repo sees it. */
describe('PromotionRepo cache', () => {
  const open: Db[] = [];
  let dir: string | undefined;
  afterEach(() => {
    for (const db of open.splice(0)) db.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('sees its own writes at once, and rolled-back writes never', () => {
    const db = openDatabase(':memory:');
    open.push(db);
    const repo = new PromotionRepo(db);
    expect(repo.live(at)).toEqual([]);
    const id = repo.insert(draft('A', 1000));
    expect(repo.live(at).map((p) => p.name)).toEqual(['A']);
    expect(repo.live('2026-01-01T00:00:00Z')).toEqual([]); // outside the window
    expect(repo.spent(id)).toEqual({ redemptions: 0, cents: 0 });
    expect(() => db.transaction(() => {
      repo.insert(draft('B'));
      expect(repo.live(at).map((p) => p.name)).toEqual(['A', 'B']);
      throw new Error('roll back');
    })()).toThrow('roll back');
    expect(repo.live(at).map((p) => p.name)).toEqual(['A']);
    repo.end(id, at);
    expect(repo.live(at)).toEqual([]);
  });

  it('sees what another connection committed', async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopmate-promo-'));
    const file = path.join(dir, 'shop.db');
    const a = openDatabase(file);
    const b = openDatabase(file);
    open.push(a, b);
    const ours = new PromotionRepo(a);
    const theirs = new PromotionRepo(b);
    expect(ours.live(at)).toEqual([]);
    theirs.insert(draft('From the CLI'));
    await tick();
    expect(ours.live(at).map((p) => p.name)).toEqual(['From the CLI']);
  });
});
