import type { Db } from './db';

interface Job {
  work: () => void;
  resolve: () => void;
  reject: (err: unknown) => void;
}

/**
 * Group commit: writes queued during one pass of the event loop (a turn's conversation state,
 * user state and transcript, and those of the other turns that ended in the same pass) share one
 * transaction, so one WAL commit instead of one each. The commit runs in setImmediate, right after
 * the pass's I/O callbacks. Each write runs in its own savepoint: a failing one rolls back alone
 * and rejects only its own promise. Every promise settles after the commit, so a write whose
 * promise resolved is as durable as before.
 */
export class GroupCommit {
  private queue: Job[] = [];
  /** Runs its argument in a transaction, or in a savepoint when one is open (built once: better-sqlite3 builds several closures per transaction function). */
  private readonly transaction: (work: () => void) => void;

  constructor(db: Db) {
    this.transaction = db.transaction((work: () => void) => work());
  }

  /** Runs `work` (synchronous SQL) in the next group transaction; resolves once it is committed. */
  run(work: () => void): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      if (this.queue.push({ work, resolve, reject }) === 1) setImmediate(() => this.commit());
    });
  }

  private commit(): void {
    const jobs = this.queue;
    this.queue = [];
    if (jobs.length === 1) return settle(jobs[0], () => this.transaction(jobs[0].work));
    const failed = new Map<Job, unknown>();
    try {
      this.transaction(() => {
        for (const job of jobs) {
          try {
            this.transaction(job.work); // nested: a savepoint
          } catch (err) {
            failed.set(job, err);
          }
        }
      });
    } catch (err) {
      for (const job of jobs) job.reject(err);
      return;
    }
    for (const job of jobs) {
      if (failed.has(job)) job.reject(failed.get(job));
      else job.resolve();
    }
  }
}

function settle(job: Job, fn: () => void): void {
  try {
    fn();
  } catch (err) {
    job.reject(err);
    return;
  }
  job.resolve();
}
