/**
 * What the store writes in Redis, read back with plain commands: the Redis key is
 * `prefix + storageKey(key)` (ASCII, at most 255 characters), the value is one `hl2` string
 * (see src/record-format.ts) that keeps `encodeKey(key)` for keys not stored verbatim and the
 * digest, `extend` moves Redis's own expiry, and every lease is judged by the server's clock,
 * including a fresh claim's (written by a plain SET that reads no clock). Records written by
 * 0.1 (hashes) keep working. Run through both client libraries.
 */
import { randomBytes } from 'node:crypto';
import { encodeKey, storageKey } from '@hooklatch/core/kit';
import { redisStore } from '@hooklatch/store-redis';
import type { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { serverUrl } from '../../testing/test-support/require-server';
import { type Connected, connectors, deleteKeys, ioredisClient } from './support/clients';

const url = serverUrl('redis');
const long = { leaseMs: 60_000, ttlMs: 60_000 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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
      /** A store whose first claim (always by script) is behind it, so claims take the SET path. */
      const open = async (sub = '') => {
        const store = redisStore({ client: connected.client, prefix: prefix + sub });
        await store.claim(`warm-up-${randomBytes(4).toString('hex')}`, long);
        return store;
      };

      it('writes prefix + storageKey(key), keeping encodeKey(key) only when it differs', async () => {
        const store = await open();
        for (const key of KEYS) {
          const claim = await store.claim(key, long);
          expect(claim.status, `key of length ${key.length}`).toBe('claimed');
          const redisKey = prefix + storageKey(key);
          expect(redisKey.length).toBeLessThanOrEqual(255);
          const value = (await io.get(redisKey)) as string;
          const keyField = value.split(' ')[8];
          expect(keyField).toBe(key === 'plain:1' ? '-' : encodeKey(key));
          expect((await store.get(key))?.key === key).toBe(true);
        }
        // Plain keys stay readable for operators; the rest are in digest form.
        expect(await io.exists(`${prefix}plain:1`)).toBe(1);
        expect(await io.exists(`${prefix}with space`)).toBe(0);
      });

      it("a fresh claim is one SET holding the claimer's dates; complete rewrites its head", async () => {
        const store = await open();
        const before = Date.now();
        const claim = await store.claim('fresh', { leaseMs: 30_000, ttlMs: 90_000 });
        if (claim.status !== 'claimed') throw new Error('expected claimed');
        const value = (await io.get(`${prefix}fresh`)) as string;
        expect(value).toMatch(
          new RegExp(`^hl2 f ${claim.token} \\d{13} \\d{13} \\d{13} 0{13} 0{9}1 - 0 $`),
        );
        // Send time, plus the lease, plus the TTL: only the differences are judged (by the server).
        const [lease = 0, expiry = 0, created = 0] = value.split(' ').slice(3, 6).map(Number);
        expect([lease - created, expiry - created]).toEqual([30_000, 90_000]);
        expect(new Date(lease)).toEqual(claim.leaseExpiresAt);
        const pttl = await io.pttl(`${prefix}fresh`);
        expect(pttl).toBeGreaterThan(85_000);
        expect(pttl).toBeLessThanOrEqual(90_000);
        // The claim's dates and get's agree exactly (both are the claimer's clock at send time).
        const record = await store.get('fresh');
        expect(record?.leaseExpiresAt.getTime()).toBe(claim.leaseExpiresAt.getTime());
        expect(claim.leaseExpiresAt.getTime()).toBeGreaterThanOrEqual(before + 30_000);

        expect(await store.complete('fresh', claim.token, { ttlMs: 20_000, result: [1] })).toBe(
          true,
        );
        const done = (await io.get(`${prefix}fresh`)) as string;
        expect(done).toMatch(
          new RegExp(`^hl2 c ${claim.token} \\d{13} \\d{13} \\d{13} \\d{13} 0{9}1 - 0 \\[1\\]$`),
        );
        expect(await io.pttl(`${prefix}fresh`)).toBeLessThanOrEqual(20_000);
        const [doneLease, doneExpiry = 0, doneCreated, completed = 0] = done
          .split(' ')
          .slice(3, 7)
          .map(Number);
        expect(doneExpiry - completed).toBe(20_000);
        // The lease and the creation date are the claim's, copied as they were.
        expect([doneLease, doneCreated]).toEqual([lease, created]);
      });

      it("judges a fresh claim's lease by the server clock, whatever the claimer's clock said", async () => {
        const store = await open();
        // The claimer's clock runs 60 s fast: if its dates decided anything, the lease would
        // look a minute longer than it is, and the takeover below would be refused.
        vi.useFakeTimers({ toFake: ['Date'] });
        vi.setSystemTime(Date.now() + 60_000);
        const first = await store.claim('skewed', { leaseMs: 300, ttlMs: 60_000 });
        vi.useRealTimers();
        if (first.status !== 'claimed') throw new Error('expected claimed');
        const copy = await store.claim('skewed', long);
        expect(copy.status).toBe('in_flight');
        if (copy.status === 'in_flight') expect(copy.leaseRemainingMs).toBeLessThanOrEqual(300);
        await sleep(450);
        const takeover = await store.claim('skewed', long);
        expect(takeover).toMatchObject({ status: 'claimed', claims: 2 });
        expect(await store.complete('skewed', first.token, { ttlMs: 60_000 })).toBe(false);
      });

      it('stores the digest and reads it back on in_flight, completed, get', async () => {
        const store = await open();
        const digest = 'sha256:a b|c';
        const claim = await store.claim('digest', { ...long, digest });
        if (claim.status !== 'claimed') throw new Error('expected claimed');
        expect(await io.get(`${prefix}digest`)).toMatch(/ 12 sha256:a b\|c$/);
        expect(await store.claim('digest', long)).toMatchObject({ digest });
        await store.complete('digest', claim.token, { ttlMs: 60_000, result: { d: 'x y' } });
        const done = await store.claim('digest', long);
        expect(done.status === 'completed' && done.record).toMatchObject({
          digest,
          result: { d: 'x y' },
        });
      });

      it("extend moves Redis's own key expiry out, not just the stored field", async () => {
        const store = await open();
        const claim = await store.claim('extend', { leaseMs: 2_000, ttlMs: 2_000 });
        if (claim.status !== 'claimed') throw new Error('expected claimed');
        expect(await io.pttl(`${prefix}extend`)).toBeLessThanOrEqual(2_000);
        expect(await store.extend('extend', claim.token, 60_000)).toBe(true);
        expect(await io.pttl(`${prefix}extend`)).toBeGreaterThan(55_000);
        const record = await store.get('extend');
        expect(record?.expiresAt.getTime()).toBe(record?.leaseExpiresAt.getTime());
      });

      it('reports leaseRemainingMs from the server clock, whatever the app clock says', async () => {
        const store = await open();
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

  describe('records written by 0.1 (one hash per key)', () => {
    const prefix = `hl-old-${randomBytes(4).toString('hex')}:`;
    afterAll(() => deleteKeys(io, prefix));
    const TOKEN = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
    const hash = (state: string, leaseEnd: number, expires: number, extra = {}) => ({
      s: state,
      t: TOKEN,
      l: leaseEnd,
      e: expires,
      c: Date.now() - 1_000,
      n: 1,
      ...extra,
    });

    it('answers a completed one as completed, and get reads it', async () => {
      const now = Date.now();
      await io.hset(
        `${prefix}order:1`,
        hash('completed', now, now + 60_000, { d: now, k: 'order:1', r: '{"ok":true}' }),
      );
      await io.pexpireat(`${prefix}order:1`, now + 60_000);
      const store = redisStore({ client: io, prefix });
      const record = await store.get('order:1');
      expect(record).toMatchObject({ key: 'order:1', state: 'completed', result: { ok: true } });
      expect(record?.digest).toBeUndefined();
      for (let i = 0; i < 2; i++) {
        // The first claim goes by script, the second by SET (which finds a hash, not a string).
        const claim = await store.claim('order:1', long);
        expect(claim.status === 'completed' && claim.record.result).toEqual({ ok: true });
      }
      expect(await io.type(`${prefix}order:1`)).toBe('hash');
    });

    it('answers a live in-flight one as in_flight, and takes an ended lease over', async () => {
      const now = Date.now();
      await io.hset(
        `${prefix}live`,
        hash('in_flight', now + 30_000, now + 60_000, { g: 'sha256:x' }),
      );
      await io.hset(`${prefix}ended`, hash('in_flight', now - 1, now + 60_000, { k: 'ended' }));
      const store = redisStore({ client: io, prefix });
      await store.claim('warm-up', long);
      const live = await store.claim('live', long);
      expect(live).toMatchObject({ status: 'in_flight', digest: 'sha256:x' });
      if (live.status === 'in_flight') expect(live.leaseRemainingMs).toBeGreaterThan(25_000);
      const takeover = await store.claim('ended', long);
      expect(takeover).toMatchObject({ status: 'claimed', claims: 2 });
      // The new owner's record is in the string layout; the old owner can no longer complete.
      expect(await io.type(`${prefix}ended`)).toBe('string');
      expect(await store.complete('ended', TOKEN, { ttlMs: 60_000 })).toBe(false);
      if (takeover.status !== 'claimed') return;
      expect(await store.complete('ended', takeover.token, { ttlMs: 60_000 })).toBe(true);
      expect(await store.get('ended')).toMatchObject({
        key: 'ended',
        state: 'completed',
        claims: 2,
      });
    });
  });
});
