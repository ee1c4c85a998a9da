import { createHash, timingSafeEqual } from 'node:crypto';
import type { Clock } from '../engine/clock';

/** A staff elevation earned with /login in one conversation; kept in conversation state. */
export interface Elevation {
  userId: string;
  since: string;
  lastSeen: string;
}

export interface StaffAuthOptions {
  /** Channel user ids that are staff, trusted only when channel authentication is on. */
  staffIds: string[];
  channelAuth: boolean;
  /** STAFF_TOKEN; empty disables /login. Only its hash is kept. */
  token: string;
  idleMinutes: number;
  clock: Clock;
  maxAttempts?: number;
  attemptWindowMs?: number;
}

export interface StaffCheck {
  userId: string;
  conversationId: string;
  /** True when a trusted transport (the Direct Line staff token) vouches for the sender. */
  vouched?: boolean;
  elevation?: Elevation;
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/**
 * Who is staff. With an empty MicrosoftAppId anyone can post any from.id, so an id alone is
 * trusted only when channel auth is on; otherwise staff must /login with the token in the
 * conversation (constant-time check, rate-limited, expiring when idle).
 */
export class StaffAuth {
  private readonly tokenHash: Buffer | undefined;
  private readonly attempts = new Map<string, number[]>();

  constructor(private readonly options: StaffAuthOptions) {
    this.tokenHash = options.token ? sha256(options.token) : undefined;
  }

  isStaff(check: StaffCheck): boolean {
    if (check.vouched) return true;
    if (this.options.channelAuth && this.options.staffIds.includes(check.userId)) return true;
    return this.elevationValid(check);
  }

  /** Checks a /login token; returns the new elevation, or undefined (wrong, disabled or rate-limited). */
  login(check: StaffCheck, token: string): Elevation | undefined {
    if (!this.checkToken(token, `${check.conversationId}\n${check.userId}`)) return undefined;
    const at = this.options.clock.now().toISOString();
    return { userId: check.userId, since: at, lastSeen: at };
  }

  /** Constant-time check of the staff token, rate-limited per key (a conversation, a client address). */
  checkToken(token: string, key: string): boolean {
    const now = this.options.clock.now().getTime();
    const recent = this.recentAttempts(key, now);
    if (recent.length >= (this.options.maxAttempts ?? 5)) return false;
    if (!this.tokenHash || !timingSafeEqual(sha256(token.trim()), this.tokenHash)) {
      this.attempts.set(key, [...recent, now]);
      return false;
    }
    this.attempts.delete(key);
    return true;
  }

  rateLimited(check: StaffCheck): boolean {
    const now = this.options.clock.now().getTime();
    return this.recentAttempts(`${check.conversationId}\n${check.userId}`, now).length >= (this.options.maxAttempts ?? 5);
  }

  private recentAttempts(key: string, now: number): number[] {
    const window = this.options.attemptWindowMs ?? 15 * 60_000;
    const recent = (this.attempts.get(key) ?? []).filter((t) => now - t < window);
    if (recent.length) this.attempts.set(key, recent);
    else this.attempts.delete(key);
    return recent;
  }

  /** The elevation with its idle clock restarted, after a staff command. */
  touch(elevation: Elevation): Elevation {
    return { ...elevation, lastSeen: this.options.clock.now().toISOString() };
  }

  private elevationValid({ elevation, userId }: StaffCheck): boolean {
    if (!elevation || elevation.userId !== userId || !this.tokenHash) return false;
    const idleMs = this.options.clock.now().getTime() - new Date(elevation.lastSeen).getTime();
    return idleMs >= 0 && idleMs <= this.options.idleMinutes * 60_000;
  }
}
