import { describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { openDatabase } from '../../src/engine/db';
import { DirectLineRepo } from '../../src/engine/repos/directLine';
import { DirectLineError } from '../../src/directline/errors';
import { TokenService, createTokenService, type TokenClaims } from '../../src/directline/tokens';

function clockAt(start: string) {
  let now = new Date(start).getTime();
  return { now: () => new Date(now), advance: (seconds: number) => (now += seconds * 1000) };
}

function statusOf(fn: () => unknown): number | undefined {
  try {
    fn();
    return undefined;
  } catch (err) {
    expect(err).toBeInstanceOf(DirectLineError);
    return (err as DirectLineError).status;
  }
}

const b64 = (s: string) => Buffer.from(s).toString('base64url');

describe('TokenService', () => {
  const secret = randomBytes(32);

  it('round-trips the claims of a token it issued, with the lifetime it reports', () => {
    const clock = clockAt('2024-05-01T10:00:00Z');
    const tokens = new TokenService(secret, clock, 600);
    const issued = tokens.issue({ userId: 'web-abc', role: 'user', conversationId: 'conv12345678' });
    expect(issued.expiresIn).toBe(600);
    const claims = tokens.verify(issued.token);
    expect(claims).toEqual({ userId: 'web-abc', role: 'user', conversationId: 'conv12345678', exp: Date.parse('2024-05-01T10:10:00Z') / 1000 });
    expect(tokens.fromHeader(`Bearer ${issued.token}`)).toEqual(claims);
  });

  it('rejects forged, tampered and malformed tokens with 401', () => {
    const clock = clockAt('2024-05-01T10:00:00Z');
    const tokens = new TokenService(secret, clock);
    const other = new TokenService(randomBytes(32), clock);
    const { token } = tokens.issue({ userId: 'web-abc', role: 'user' });
    const [payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as TokenClaims;
    const staffPayload = b64(JSON.stringify({ ...claims, userId: 'staff-1', role: 'staff' }));

    expect(statusOf(() => tokens.verify(other.issue({ userId: 'web-abc', role: 'user' }).token))).toBe(401);
    expect(statusOf(() => tokens.verify(`${staffPayload}.${signature}`))).toBe(401);
    expect(statusOf(() => tokens.verify(`${payload}.${signature.slice(0, -2)}`))).toBe(401);
    expect(statusOf(() => tokens.verify(`${payload}.${signature}.x`))).toBe(401);
    expect(statusOf(() => tokens.verify(''))).toBe(401);
    expect(statusOf(() => tokens.verify('not a token'))).toBe(401);
    expect(statusOf(() => tokens.fromHeader(undefined))).toBe(401);
    expect(statusOf(() => tokens.fromHeader(`Basic ${token}`))).toBe(401);
  });

  it('rejects a correctly signed payload that does not have the claims shape', () => {
    const tokens = new TokenService(secret, clockAt('2024-05-01T10:00:00Z'));
    // Signs bad payloads with the service's own (private) signer: only the claims check can stop them.
    const sign = (payload: string) => (tokens as unknown as { sign(p: string): Buffer }).sign(payload).toString('base64url');
    for (const bad of [{ userId: 'x y', role: 'user', exp: 9e9 }, { userId: 'a', role: 'admin', exp: 9e9 }, { userId: 'a', role: 'user' }, 'text']) {
      const payload = b64(JSON.stringify(bad));
      expect(statusOf(() => tokens.verify(`${payload}.${sign(payload)}`))).toBe(401);
    }
  });

  it('answers 403 for an expired token, unless it is within the grace period asked for', () => {
    const clock = clockAt('2024-05-01T10:00:00Z');
    const tokens = new TokenService(secret, clock, 60);
    const { token } = tokens.issue({ userId: 'web-abc', role: 'user' });
    clock.advance(59);
    expect(tokens.verify(token).userId).toBe('web-abc');
    clock.advance(1);
    expect(statusOf(() => tokens.verify(token))).toBe(403);
    expect(tokens.verify(token, { graceSeconds: 3600 }).userId).toBe('web-abc');
    clock.advance(3600);
    expect(statusOf(() => tokens.verify(token, { graceSeconds: 3600 }))).toBe(403);
  });

  it('refuses user ids and conversation ids outside the allowed alphabet when issuing', () => {
    const tokens = new TokenService(secret, clockAt('2024-05-01T10:00:00Z'));
    expect(() => tokens.issue({ userId: 'a b', role: 'user' })).toThrow();
    expect(() => tokens.issue({ userId: 'ok', role: 'user', conversationId: 'x|1' })).toThrow();
  });

  it('keeps the secret in the database, so a new service (a restarted server) accepts old tokens', () => {
    const db = openDatabase(':memory:');
    const clock = clockAt('2024-05-01T10:00:00Z');
    const first = createTokenService(new DirectLineRepo(db), clock);
    const { token } = first.issue({ userId: 'web-abc', role: 'user' });
    const second = createTokenService(new DirectLineRepo(db), clock);
    expect(second.verify(token).userId).toBe('web-abc');
    const elsewhere = createTokenService(new DirectLineRepo(openDatabase(':memory:')), clock);
    expect(statusOf(() => elsewhere.verify(token))).toBe(401);
  });
});
