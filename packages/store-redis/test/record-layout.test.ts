/**
 * What the store writes in Redis, read back with plain commands: the Redis key is
 * `prefix + storageKey(key)` (ASCII, at most 255 characters), the hash keeps `encodeKey(key)` in
 * `k` and the digest in `g`, `extend` moves Redis's own expiry, and `leaseRemainingMs` is the
 * server's arithmetic, not the app clock's. Run through both client libraries.
 */
import { randomBytes } from 'node:crypto';
import { encodeKey, storageKey } from '@hooklatch/core/kit';
import { redisStore } from '@hooklatch/store-redis';
import { serverUrl } from '@hooklatch/testing';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { type Connected, connectors, deleteKeys, ioredisClient } from './support/clients';

const url = serverUrl('redis');
const long = { leaseMs: 60_000, ttlMs: 60_000 };

/** Keys a UTF-8 client or a verbatim Redis key would mangle or let grow without bound. */
const KEYS = ['plain:1', 'with space', 'nul\u0000', 'lone \ud800', 'x'.repeat(10_000), '~tilde'];

describe.skipIf(!url)('redis record layout', () => {
  let io: Redis;
  beforeAll(() => {
    io = ioredisClient(url as string);
  });
  afterAll(() => io.disconnect());

  for (const [name, connect] of Object.entries(connectors)) {
    describe(name, () => {
      const prefix = `hl-lay-${randomBytes(4).toString('hex')}:`;
      let connected: Connected;
      beforeAll(async () => {
        connected = await connect(url as string);
      });
      afterEach(() => {
        vi.useRealTimers();
      });
      afterAll(async () => {
        await deleteKeys(io, prefix);
        await connected?.close();
      });
      const open = (sub = '') => redisStore({ client: connected.client, prefix: prefix + sub });

      it('writes prefix + storageKey(key) and keeps encodeKey(key) in the hash', async () => {
        const store = open();
        for (const key of KEYS) {
          const claim = await store.claim(key, long);
          expect(claim.status, `key of length ${key.length}`).toBe('claimed');
          const redisKey = prefix + storageKey(key);
          expect(redisKey.length).toBeLessThanOrEqual(255);
          expect(await io.hget(redisKey, 'k')).toBe(encodeKey(key));
          expect((await store.get(key))?.key === key).toBe(true);
        }
        // Plain keys stay readable for operators; the rest are in digest form.
        expect(await io.exists(`${prefix}plain:1`)).toBe(1);
        expect(await io.exists(`${prefix}with space`)).toBe(0);
      });

      it('lists digest-form keys exactly, and a key prefix only where it truly matches', async () => {
        const store = open('list:');
        for (const key of KEYS) await store.claim(key, long);
        const listed = await store.list?.({ limit: 1_000 });
        expect(listed?.map((r) => r.key).sort()).toEqual([...KEYS].sort());
        expect((await store.list?.({ prefix: 'plain:' }))?.map((r) => r.key)).toEqual(['plain:1']);
        // Every digest-form Redis key starts with `~`; only '~tilde' itself starts with it.
        expect((await store.list?.({ prefix: '~' }))?.map((r) => r.key)).toEqual(['~tilde']);
      });

      it('stores the digest in g and reads it back on in_flight, completed, get', async () => {
        const store = open();
        const claim = await store.claim('digest', { ...long, digest: 'sha256:abc' });
        if (claim.status !== 'claimed') throw new Error('expected claimed');
        expect(await io.hget(`${prefix}digest`, 'g')).toBe('sha256:abc');
        expect(await store.claim('digest', long)).toMatchObject({ digest: 'sha256:abc' });
        await store.complete('digest', claim.token, { ttlMs: 60_000 });
        const done = await store.claim('digest', long);
        expect(done.status === 'completed' && done.record.digest).toBe('sha256:abc');
      });

      it("extend moves Redis's own key expiry out, not just the stored field", async () => {
        const store = open();
        const claim = await store.claim('extend', { leaseMs: 2_000, ttlMs: 2_000 });
        if (claim.status !== 'claimed') throw new Error('expected claimed');
        expect(await io.pttl(`${prefix}extend`)).toBeLessThanOrEqual(2_000);
        expect(await store.extend('extend', claim.token, 60_000)).toBe(true);
        expect(await io.pttl(`${prefix}extend`)).toBeGreaterThan(55_000);
        const record = await store.get('extend');
        expect(record?.expiresAt.getTime()).toBe(record?.leaseExpiresAt.getTime());
      });

      it('reports leaseRemainingMs from the server clock, whatever the app clock says', async () => {
        const store = open();
        await store.claim('clock', { leaseMs: 30_000, ttlMs: 60_000 });
        // The app's clock runs 60 s fast: a remaining time from Date.now() would be 0 or less.
        vi.useFakeTimers({ toFake: ['Date'] });
        vi.setSystemTime(Date.now() + 60_000);
        const copy = await store.claim('clock', long);
        expect(copy.status).toBe('in_flight');
        if (copy.status !== 'in_flight') return;
        expect(copy.leaseRemainingMs).toBeGreaterThan(25_000);
        expect(copy.leaseRemainingMs).toBeLessThanOrEqual(30_000);
      });
    });
  }

  it('reads records written before k was encoded and g existed', async () => {
    const prefix = `hl-old-${randomBytes(4).toString('hex')}:`;
    const now = Date.now();
    await io.hset(`${prefix}order:1`, {
      s: 'completed',
      t: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
      l: now,
      e: now + 60_000,
      c: now,
      d: now,
      n: 1,
      k: 'order:1',
      r: '{"ok":true}',
    });
    try {
      const record = await redisStore({ client: io, prefix }).get('order:1');
      expect(record).toMatchObject({ key: 'order:1', state: 'completed', result: { ok: true } });
      expect(record?.digest).toBeUndefined();
    } finally {
      await deleteKeys(io, prefix);
    }
  });
});
