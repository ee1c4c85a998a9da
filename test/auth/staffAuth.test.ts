import { describe, expect, it } from 'vitest';
import { StaffAuth } from '../../src/auth/staffAuth';
import type { Clock } from '../../src/engine/clock';

function clockAt(iso: string) {
  let now = new Date(iso).getTime();
  return { clock: { now: () => new Date(now) } as Clock, advance: (ms: number) => (now += ms) };
}

const base = { staffIds: ['alice'], token: 's3cret-token', idleMinutes: 30 };

describe('StaffAuth', () => {
  it('does not trust a claimed staff id when channel auth is off (anonymous endpoint)', () => {
    const { clock } = clockAt('2025-01-01T00:00:00Z');
    const auth = new StaffAuth({ ...base, channelAuth: false, clock });
    expect(auth.isStaff({ userId: 'alice', conversationId: 'c1' })).toBe(false);
  });

  it('trusts a staff id when channel auth is on, and a vouching transport always', () => {
    const { clock } = clockAt('2025-01-01T00:00:00Z');
    const auth = new StaffAuth({ ...base, channelAuth: true, clock });
    expect(auth.isStaff({ userId: 'alice', conversationId: 'c1' })).toBe(true);
    expect(auth.isStaff({ userId: 'mallory', conversationId: 'c1' })).toBe(false);
    expect(auth.isStaff({ userId: 'web-123', conversationId: 'c1', vouched: true })).toBe(true);
  });

  it('elevates with the right token, only for that user, until it has been idle too long', () => {
    const { clock, advance } = clockAt('2025-01-01T00:00:00Z');
    const auth = new StaffAuth({ ...base, channelAuth: false, clock });
    expect(auth.login({ userId: 'u1', conversationId: 'c1' }, 'wrong')).toBeUndefined();
    const elevation = auth.login({ userId: 'u1', conversationId: 'c1' }, ' s3cret-token ')!;
    expect(elevation).toBeDefined();
    expect(auth.isStaff({ userId: 'u1', conversationId: 'c1', elevation })).toBe(true);
    expect(auth.isStaff({ userId: 'u2', conversationId: 'c1', elevation })).toBe(false);
    advance(29 * 60_000);
    const touched = auth.touch(elevation);
    advance(29 * 60_000);
    expect(auth.isStaff({ userId: 'u1', conversationId: 'c1', elevation: touched })).toBe(true);
    expect(auth.isStaff({ userId: 'u1', conversationId: 'c1', elevation })).toBe(false); // 58 idle minutes
  });

  it('rate-limits wrong tokens: after 5 failures even the right token is refused for a while', () => {
    const { clock, advance } = clockAt('2025-01-01T00:00:00Z');
    const auth = new StaffAuth({ ...base, channelAuth: false, clock });
    const who = { userId: 'u1', conversationId: 'c1' };
    for (let i = 0; i < 5; i++) expect(auth.login(who, `guess-${i}`)).toBeUndefined();
    expect(auth.rateLimited(who)).toBe(true);
    expect(auth.login(who, 's3cret-token')).toBeUndefined();
    expect(auth.login({ userId: 'u1', conversationId: 'c2' }, 's3cret-token')).toBeDefined(); // per conversation
    advance(16 * 60_000);
    expect(auth.login(who, 's3cret-token')).toBeDefined();
  });

  it('refuses every login when no STAFF_TOKEN is configured', () => {
    const { clock } = clockAt('2025-01-01T00:00:00Z');
    const auth = new StaffAuth({ ...base, token: '', channelAuth: false, clock });
    expect(auth.login({ userId: 'u1', conversationId: 'c1' }, '')).toBeUndefined();
    expect(auth.isStaff({ userId: 'u1', conversationId: 'c1', elevation: { userId: 'u1', since: '2025-01-01T00:00:00Z', lastSeen: '2025-01-01T00:00:00Z' } })).toBe(false);
  });
});
