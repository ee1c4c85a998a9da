import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../../src/engine/db';
import { ProductRepo } from '../../src/engine/repos/products';
import { ROOT, SHARED_NLU_CACHE, tempDir } from '../support/botServer';

describe('shopmate chat', () => {
  it('talks to the same bot in the terminal', () => {
    const dir = tempDir();
    const file = path.join(dir, 'shop.db');
    const db = openDatabase(file);
    new ProductRepo(db).insert({ sku: 'MUG-1', name: 'Red enamel mug', category: 'Kitchen', priceCents: 899, stock: 5, createdAt: '2025-01-01T00:00:00.000Z' });
    db.close();
    const run = spawnSync(process.execPath, ['bin/shopmate.js', 'chat', '--db', file, '--user', 'tester'], {
      cwd: ROOT,
      input: 'show me mugs\nhow long does delivery take\n/quit\n',
      encoding: 'utf8',
      env: { ...process.env, NLU_CACHE_DIR: SHARED_NLU_CACHE, LOG_LEVEL: 'silent' },
      timeout: 60_000,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/bot> Hi! I'm the Shopmate assistant/);
    expect(run.stdout).toMatch(/\* Red enamel mug/);
    expect(run.stdout).toMatch(/\[Add to cart\] \[Similar\] \[Details\]/);
    expect(run.stdout).toMatch(/working days/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('explains a missing store in one line', () => {
    const run = spawnSync(process.execPath, ['bin/shopmate.js', 'chat', '--db', '/nonexistent/shop.db'], { cwd: ROOT, encoding: 'utf8', input: '' });
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(/no store at/);
  });
});
