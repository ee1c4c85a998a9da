import { describe, expect, it } from 'vitest';
import { runCrashTrials } from '../../bench/crashTrials';

/**
 * SIGKILL the real server at random moments while shoppers place orders and leave feedback; after
 * each kill the file must pass integrity_check and hold everything the bot confirmed. The seed is
 * printed so a failure can be replayed: npx tsx bench/crashTrials.ts --trials 20 --seed N.
 */
describe('crash safety', () => {
  it('keeps every confirmed order and feedback through 20 SIGKILLs, and restarts on the same file', async () => {
    const seed = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
    console.log(`crash trials seed ${seed}`);
    const report = await runCrashTrials({ trials: 20, lanes: 2, seed });

    expect(report.trials).toHaveLength(20);
    for (const t of report.trials) {
      const where = `lane ${t.lane} trial ${t.trial} (seed ${seed}, killed after ${t.killedAfterMs} ms)`;
      expect(t.integrity, where).toBe('ok');
      expect(t.foreignKeyErrors, where).toBe(0);
      expect(t.ordersWithoutLines, where).toBe(0);
      expect(t.missingOrders, where).toEqual([]);
      expect(t.missingFeedback, where).toEqual([]);
      expect(t.unexpected, where).toEqual([]);
    }
    // The load really wrote: the kills landed among confirmed orders and feedback.
    expect(report.trials.reduce((n, t) => n + t.confirmedOrders, 0)).toBeGreaterThan(20);
    expect(report.trials.reduce((n, t) => n + t.confirmedFeedback, 0)).toBeGreaterThan(20);
    expect(report.restartedOk).toBe(true);
  }, 240_000);
});
