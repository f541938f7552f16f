/**
 * redisStore against the real Redis in HOOKLATCH_REDIS_URL, through both supported clients.
 * Every test writes under its own prefix and deletes it afterwards.
 */
import type { DedupeStore } from '@hooklatch/core';
import { redisStore } from '@hooklatch/store-redis';
import { describeStore } from '@hooklatch/testing/vitest';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverUrl } from '../../testing/test-support/require-server';
import { deleteKeys, ioredisClient, nodeRedisClient, prefixes } from './support/clients';

const url = serverUrl('redis');

describe.skipIf(!url)('redis', () => {
  // Connected in beforeAll: a skipped suite's body still runs, and must not open connections.
  let io: Redis;
  let nodeRedis: Awaited<ReturnType<typeof nodeRedisClient>>;
  beforeAll(async () => {
    io = ioredisClient(url as string);
    nodeRedis = await nodeRedisClient(url as string);
  });
  afterAll(async () => {
    io?.disconnect();
    await nodeRedis?.quit();
  });

  const tracked = (store: DedupeStore, prefix: string) => {
    prefixes.set(store, prefix);
    return store;
  };
  const cleanup = async (store: DedupeStore) => {
    const prefix = prefixes.get(store);
    if (prefix) await deleteKeys(io, prefix);
  };

  describeStore({
    name: 'redis (ioredis)',
    create: ({ prefix }) => tracked(redisStore({ client: io, prefix }), prefix),
    cleanup,
  });

  describeStore({
    name: 'redis (node-redis)',
    create: async ({ prefix }) => tracked(redisStore({ client: nodeRedis, prefix }), prefix),
    cleanup,
  });

  describe('redis specifics', () => {
    const prefix = `hl-spec-${Math.random().toString(36).slice(2, 10)}:`;
    afterAll(() => deleteKeys(io, prefix));

    it('reloads its scripts after SCRIPT FLUSH (EVALSHA falls back to EVAL)', async () => {
      const store = redisStore({ client: io, prefix });
      await io.script('FLUSH');
      const first = await store.claim('flushed', { leaseMs: 60_000, ttlMs: 60_000 });
      expect(first.status).toBe('claimed');
      await io.script('FLUSH');
      if (first.status !== 'claimed') return;
      expect(await store.complete('flushed', first.token, { ttlMs: 60_000 })).toBe(true);
    });

    it('stores one string value per key with a server-side expiry', async () => {
      const store = redisStore({ client: nodeRedis, prefix });
      const claim = await store.claim('value', { leaseMs: 60_000, ttlMs: 120_000 });
      if (claim.status !== 'claimed') throw new Error('expected claimed');
      expect(await io.type(`${prefix}value`)).toBe('string');
      expect(await io.get(`${prefix}value`)).toMatch(/^hl2 [fi] /);
      const pttl = await io.pttl(`${prefix}value`);
      expect(pttl).toBeGreaterThan(60_000);
      expect(pttl).toBeLessThanOrEqual(120_000);
      await store.complete('value', claim.token, { ttlMs: 30_000 });
      expect(await io.get(`${prefix}value`)).toMatch(/^hl2 c /);
      expect(await io.pttl(`${prefix}value`)).toBeLessThanOrEqual(30_000);
    });

    it('uses the hooklatch: prefix by default and lists keys containing glob characters', async () => {
      const store = redisStore({ client: io });
      const key = `${prefix}glob*[x]?`;
      try {
        await store.claim(key, { leaseMs: 60_000, ttlMs: 60_000 });
        expect(await io.exists(`hooklatch:${key}`)).toBe(1);
        const listed = await store.list?.({ prefix: `${prefix}glob*[` });
        expect(listed?.map((r) => r.key)).toEqual([key]);
      } finally {
        await io.del(`hooklatch:${key}`);
      }
    });

    it('rejects a client of unknown shape with CONFIG_INVALID', () => {
      expect(() => redisStore({ client: {} as never })).toThrowError(
        expect.objectContaining({ code: 'CONFIG_INVALID' }),
      );
    });
  });
});
