import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../../src/engine/db';
import { DirectLineRepo } from '../../../src/engine/repos/directLine';

const AT = '2024-05-01T10:00:00.000Z';

describe('DirectLineRepo', () => {
  it('creates a conversation once and remembers its owner', () => {
    const repo = new DirectLineRepo(openDatabase(':memory:'));
    expect(repo.createConversation('conv-a', 'web-1', AT)).toBe(true);
    expect(repo.createConversation('conv-a', 'web-2', AT)).toBe(false);
    expect(repo.conversation('conv-a')).toEqual({ id: 'conv-a', userId: 'web-1', createdAt: AT });
    expect(repo.conversation('conv-b')).toBeUndefined();
  });

  it('numbers activities per conversation from 1 and pages through them after a watermark', () => {
    const repo = new DirectLineRepo(openDatabase(':memory:'));
    repo.createConversation('conv-a', 'web-1', AT);
    repo.createConversation('conv-b', 'web-2', AT);
    for (let i = 1; i <= 5; i++) repo.append('conv-a', AT, (seq) => ({ type: 'message', text: `a${i}`, seq }));
    repo.append('conv-b', AT, (seq) => ({ type: 'message', text: 'b1', seq }));

    expect(repo.lastSeq('conv-a')).toBe(5);
    expect(repo.lastSeq('conv-b')).toBe(1);
    expect(repo.lastSeq('conv-none')).toBe(0);
    expect(repo.after('conv-a', 0, 100).map((r) => [r.seq, r.activity.text])).toEqual([[1, 'a1'], [2, 'a2'], [3, 'a3'], [4, 'a4'], [5, 'a5']]);
    expect(repo.after('conv-a', 3, 100).map((r) => r.activity.seq)).toEqual([4, 5]);
    expect(repo.after('conv-a', 1, 2).map((r) => r.seq)).toEqual([2, 3]);
    expect(repo.after('conv-a', 5, 100)).toEqual([]);
    expect(repo.after('conv-b', 0, 100).map((r) => r.activity.text)).toEqual(['b1']);
  });

  it('refuses activities for a conversation that does not exist', () => {
    const repo = new DirectLineRepo(openDatabase(':memory:'));
    expect(() => repo.append('conv-none', AT, () => ({ type: 'message' }))).toThrow(/FOREIGN KEY/);
  });

  it('creates the signing secret once and returns the stored one afterwards', () => {
    const repo = new DirectLineRepo(openDatabase(':memory:'));
    let made = 0;
    const first = repo.signingSecret(() => `secret-${++made}`);
    const second = repo.signingSecret(() => `secret-${++made}`);
    expect(first).toBe('secret-1');
    expect(second).toBe('secret-1');
    expect(made).toBe(1);
  });

  it('keeps conversations and logs in the file across reopening', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shopmate-dl-'));
    const file = path.join(dir, 'shop.db');
    try {
      const db = openDatabase(file);
      const repo = new DirectLineRepo(db);
      repo.createConversation('conv-a', 'web-1', AT);
      repo.append('conv-a', AT, (seq) => ({ type: 'message', text: 'kept', seq }));
      db.close();
      const again = new DirectLineRepo(openDatabase(file));
      expect(again.conversation('conv-a')?.userId).toBe('web-1');
      expect(again.after('conv-a', 0, 10).map((r) => r.activity.text)).toEqual(['kept']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
