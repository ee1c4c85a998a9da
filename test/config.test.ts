import { describe, expect, it } from 'vitest';
import { channelAuthEnabled, loadConfig } from '../src/config';

describe('config', () => {
  it('has working defaults for a local start', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3978, DB_PATH: 'data/shop.db', MicrosoftAppId: '', STAFF_IDS: [], LOG_LEVEL: 'info' });
    expect(channelAuthEnabled(c)).toBe(false);
  });

  it('reads and converts values, treating empty strings as unset', () => {
    const c = loadConfig({ PORT: '8080', STAFF_IDS: ' a, b ,,c ', LOG_LEVEL: 'debug', DB_PATH: '' });
    expect(c).toMatchObject({ PORT: 8080, STAFF_IDS: ['a', 'b', 'c'], LOG_LEVEL: 'debug', DB_PATH: 'data/shop.db' });
  });

  it('fails with one line naming the bad key', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/^invalid configuration: PORT: /);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL/);
    expect(() => loadConfig({ MicrosoftAppId: 'abc' })).toThrow(/MicrosoftAppPassword: required/);
    try {
      loadConfig({ PORT: '-1' });
    } catch (e) {
      expect((e as Error).message.split('\n')).toHaveLength(1);
    }
  });

  it('turns channel authentication on when an app id is set', () => {
    expect(channelAuthEnabled(loadConfig({ MicrosoftAppId: 'abc', MicrosoftAppPassword: 'pw' }))).toBe(true);
  });
});
