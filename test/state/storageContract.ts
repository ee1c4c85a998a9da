import { beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from 'botbuilder';

/** One contract for every botbuilder Storage we rely on (run against MemoryStorage and ours). */
export function storageContract(name: string, makeStorage: () => Storage) {
  describe(`Storage contract: ${name}`, () => {
    let storage: Storage;
    beforeEach(() => {
      storage = makeStorage();
    });

    it('reads nothing for unknown keys', async () => {
      expect(await storage.read(['nope'])).toEqual({});
    });

    it('round-trips JSON items and stamps an eTag', async () => {
      await storage.write({ a: { count: 1, nested: { list: [1, 'two', null] } } });
      const { a } = await storage.read(['a', 'b']);
      expect(a).toMatchObject({ count: 1, nested: { list: [1, 'two', null] } });
      expect(typeof a.eTag).toBe('string');
      expect(a.eTag.length).toBeGreaterThan(0);
    });

    it('changes the eTag on every write', async () => {
      await storage.write({ a: { v: 1 } });
      const first = (await storage.read(['a'])).a.eTag;
      await storage.write({ a: { v: 2 } });
      const second = await storage.read(['a']);
      expect(second.a.v).toBe(2);
      expect(second.a.eTag).not.toBe(first);
    });

    it('accepts a write carrying the current eTag', async () => {
      await storage.write({ a: { v: 1 } });
      const read = await storage.read(['a']);
      await storage.write({ a: { ...read.a, v: 2 } });
      expect((await storage.read(['a'])).a.v).toBe(2);
    });

    it('rejects a write carrying a stale eTag and keeps the newer value', async () => {
      await storage.write({ a: { v: 1 } });
      const stale = (await storage.read(['a'])).a;
      await storage.write({ a: { ...stale, v: 2 } });
      await expect(storage.write({ a: { ...stale, v: 3 } })).rejects.toThrow(/eTag conflict/);
      expect((await storage.read(['a'])).a.v).toBe(2);
    });

    it("lets '*' and a missing eTag overwrite anything", async () => {
      await storage.write({ a: { v: 1 } });
      await storage.write({ a: { v: 2, eTag: '*' } });
      expect((await storage.read(['a'])).a.v).toBe(2);
      await storage.write({ a: { v: 3 } });
      expect((await storage.read(['a'])).a.v).toBe(3);
    });

    it('creates a new key even when the item carries an eTag', async () => {
      await storage.write({ fresh: { v: 1, eTag: 'from-elsewhere' } });
      expect((await storage.read(['fresh'])).fresh.v).toBe(1);
    });

    it('deletes keys', async () => {
      await storage.write({ a: { v: 1 }, b: { v: 2 } });
      await storage.delete(['a']);
      expect(Object.keys(await storage.read(['a', 'b']))).toEqual(['b']);
    });

    it('keeps keys with odd characters apart', async () => {
      const keys = ['emulator/conversations/a|b/', "x'; DROP TABLE bot_state; --", 'ü/🙂'];
      await storage.write(Object.fromEntries(keys.map((k, i) => [k, { i }])));
      const read = await storage.read(keys);
      keys.forEach((k, i) => expect(read[k].i).toBe(i));
    });
  });
}
