import { describe, expect, it } from 'vitest';
import { Identity } from '../../src/engine/identity';
import type { Clock } from '../../src/engine/clock';
import { tinyStore } from '../support/fixtures';

const movableClock = (start: string) => {
  let now = new Date(start).getTime();
  const clock: Clock = { now: () => new Date(now) };
  return { clock, advance: (ms: number) => (now += ms) };
};

describe('Identity', () => {
  it('links a chat user to the customer with that email after the right code', () => {
    const { db, customers } = tinyStore();
    const identity = new Identity(db, movableClock('2025-03-01T10:00:00Z').clock);
    const { code, existingCustomer } = identity.startLink('u1', ' Ann@Example.com ');
    expect(existingCustomer).toBe(true);
    expect(code).toMatch(/^\d{6}$/);
    expect(identity.customerFor('u1')).toBeUndefined();
    expect(identity.verify('u1', code).id).toBe(customers.ann);
    expect(identity.customerFor('u1')?.id).toBe(customers.ann);
  });

  it('creates the customer for a new email on verification', () => {
    const { db } = tinyStore();
    const identity = new Identity(db, movableClock('2025-03-01T10:00:00Z').clock);
    const { code, existingCustomer } = identity.startLink('u2', 'new.person@example.org');
    expect(existingCustomer).toBe(false);
    expect(identity.verify('u2', code).email).toBe('new.person@example.org');
  });

  it('refuses wrong, expired and brute-forced codes', () => {
    const { db } = tinyStore();
    const { clock, advance } = movableClock('2025-03-01T10:00:00Z');
    const identity = new Identity(db, clock);
    expect(() => identity.verify('u1', '123456')).toThrow(/no sign-in/);
    expect(() => identity.startLink('u1', 'not an email')).toThrow(/email/);

    const { code } = identity.startLink('u1', 'ann@example.com');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 0; i < 5; i++) expect(() => identity.verify('u1', wrong)).toThrow(/not right/);
    expect(() => identity.verify('u1', code)).toThrow(/too many/);

    const second = identity.startLink('u1', 'ann@example.com');
    advance(11 * 60 * 1000);
    expect(() => identity.verify('u1', second.code)).toThrow(/expired/);
    expect(identity.customerFor('u1')).toBeUndefined();
  });
});
