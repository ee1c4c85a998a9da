import { describe, expect, it } from 'vitest';
import { ConversationQueue } from '../../src/bot/conversationQueue';
import { RateLimiter } from '../../src/bot/rateLimiter';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('ConversationQueue', () => {
  it('runs one conversation strictly in arrival order, even when later work is faster', async () => {
    const queue = new ConversationQueue();
    const log: string[] = [];
    await Promise.all(
      [30, 1, 15, 0].map((ms, i) =>
        queue.run('c1', async () => {
          log.push(`start ${i}`);
          await sleep(ms);
          log.push(`end ${i}`);
        }),
      ),
    );
    expect(log).toEqual(['start 0', 'end 0', 'start 1', 'end 1', 'start 2', 'end 2', 'start 3', 'end 3']);
    expect(queue.size).toBe(0);
  });

  it('runs different conversations concurrently and survives a failing turn', async () => {
    const queue = new ConversationQueue();
    const log: string[] = [];
    const slow = queue.run('a', async () => {
      await sleep(30);
      log.push('a');
    });
    const failing = queue.run('b', async () => {
      throw new Error('boom');
    });
    const after = queue.run('b', async () => log.push('b after failure'));
    await expect(failing).rejects.toThrow('boom');
    await Promise.all([slow, after]);
    expect(log).toEqual(['b after failure', 'a']);
  });
});

describe('RateLimiter', () => {
  it('allows a burst, then the steady rate, per key', () => {
    let now = 0;
    const limiter = new RateLimiter(2, 3, () => now);
    expect([1, 2, 3, 4].map(() => limiter.take('x'))).toEqual([true, true, true, false]);
    expect(limiter.take('y')).toBe(true);
    now += 500; // one token back at 2 per second
    expect([limiter.take('x'), limiter.take('x')]).toEqual([true, false]);
    now += 10_000;
    expect([1, 2, 3, 4].map(() => limiter.take('x'))).toEqual([true, true, true, false]);
  });
});
