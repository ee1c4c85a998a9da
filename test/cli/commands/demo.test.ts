import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main';
import type { CliIO } from '../../../src/cli/io';
import { parseEnd } from '../../../src/cli/commands/demo';
import { fixedClock } from '../../../src/engine/clock';
import { getMeta, openDatabase } from '../../../src/engine/db';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopmate-demo-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function fakeIO() {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (t) => out.push(t), err: (t) => err.push(t) };
  return { io, out, err };
}

describe('shopmate demo', () => {
  it('builds the store, prints one JSON summary on stdout and progress on stderr, then refuses to build twice', async () => {
    const file = path.join(dir, 'demo.db');
    const { io, out, err } = fakeIO();
    expect(await main(['demo', '--db', file, '--seed', '7', '--end', '2025-06-30', '--json'], io)).toBe(0);
    expect(out).toHaveLength(1);
    const summary = JSON.parse(out[0]);
    expect(summary).toMatchObject({ seed: 7, end: '2025-06-30T23:59:59.999Z', categories: 12, customers: 3000 });
    expect(summary.revenue).toBeCloseTo(summary.revenueCents / 100, 2);
    expect(err.length).toBeGreaterThan(2);
    expect(err.every((line) => line.startsWith('demo: '))).toBe(true);

    const db = openDatabase(file, { readonly: true });
    expect((db.prepare('SELECT COUNT(*) AS n FROM orders').get() as { n: number }).n).toBe(summary.orders);
    expect(getMeta(db, 'demo_seed')).toBe('7');
    db.close();

    const again = fakeIO();
    expect(await main(['demo', '--db', file], again.io)).toBe(2);
    expect(again.out).toEqual([]);
    expect(again.err.join('\n')).toMatch(/already has \d+ products/);
  });

  it('rejects a missing --db, a bad --end and a bad --seed with a one-line reason', async () => {
    for (const argv of [['demo'], ['demo', '--db', path.join(dir, 'x.db'), '--end', '2025-02-30'], ['demo', '--db', path.join(dir, 'y.db'), '--seed', 'abc']]) {
      const { io, out, err } = fakeIO();
      expect(await main(argv, io)).toBe(2);
      expect(out).toEqual([]);
      expect(err).toHaveLength(1);
      expect(err[0].split('\n')).toHaveLength(1);
    }
  });

  it('reads --end as the whole last day and defaults to now', () => {
    expect(parseEnd('2024-12-31').toISOString()).toBe('2024-12-31T23:59:59.999Z');
    expect(parseEnd(undefined, fixedClock('2025-03-04T05:06:07Z')).toISOString()).toBe('2025-03-04T05:06:07.000Z');
    expect(() => parseEnd('31/12/2024')).toThrow(/YYYY-MM-DD/);
  });
});
