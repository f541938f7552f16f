/**
 * Options and call arguments are validated (issue 10, item 4): CONFIG_INVALID naming the option,
 * before anything reaches Redis. Before the fix `leaseMs: NaN` reached the script as "NaN" and
 * failed as STORE_UNAVAILABLE ("Redis failed"), a bad prefix or timeout was taken as is.
 */
import { randomBytes } from 'node:crypto';
import type { DedupeStore } from '@hooklatch/core';
import { redisStore } from '@hooklatch/store-redis';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverUrl } from '../../testing/test-support/require-server';
import { deleteKeys, ioredisClient } from './support/clients';

const url = serverUrl('redis');
const prefix = `hl-opt-${randomBytes(4).toString('hex')}:`;
const long = { leaseMs: 60_000, ttlMs: 60_000 };

const invalid = (option: string) =>
  expect.objectContaining({
    code: 'CONFIG_INVALID',
    details: expect.objectContaining({ store: 'redis', option }),
  });

const BAD_DURATIONS: unknown[] = [Number.NaN, 0, -1, Number.POSITIVE_INFINITY, '1000', null, 4e12];

describe.skipIf(!url)('redis store options', () => {
  let io: Redis;
  let store: DedupeStore;
  beforeAll(() => {
    io = ioredisClient(url as string);
    store = redisStore({ client: io, prefix });
  });
  afterAll(async () => {
    await deleteKeys(io, prefix);
    io.disconnect();
  });

  it('validates prefix at construction', () => {
    const make = (value: unknown) => () => redisStore({ client: io, prefix: value as string });
    for (const bad of ['has space:', 'ключ:', 'tab\t', 'x'.repeat(56), 42, null]) {
      expect(make(bad), String(bad)).toThrowError(invalid('prefix'));
    }
    expect(make('x'.repeat(55))).not.toThrow();
    expect(make('')).not.toThrow();
  });

  it('validates timeoutMs at construction, and refuses the old operationTimeoutMs', () => {
    // 2^31 ms and more: setTimeout would fire at once, failing every call.
    for (const bad of [...BAD_DURATIONS, 2 ** 31]) {
      expect(() => redisStore({ client: io, timeoutMs: bad as number }), String(bad)).toThrowError(
        invalid('timeoutMs'),
      );
    }
    expect(() => redisStore({ client: io, operationTimeoutMs: 500 } as never)).toThrowError(
      invalid('operationTimeoutMs'),
    );
    expect(() => redisStore({ client: io, timeoutMs: 0.5 })).not.toThrow();
    expect(() => redisStore(undefined as never)).toThrowError(invalid('options'));
  });

  it('validates claim leaseMs, ttlMs and digest, writing nothing', async () => {
    for (const bad of BAD_DURATIONS) {
      const options = { leaseMs: bad as number, ttlMs: 60_000 };
      await expect(store.claim('k', options), `leaseMs ${bad}`).rejects.toEqual(invalid('leaseMs'));
      await expect(
        store.claim('k', { leaseMs: 60_000, ttlMs: bad as number }),
        `ttlMs ${bad}`,
      ).rejects.toEqual(invalid('ttlMs'));
    }
    for (const bad of ['', 'x'.repeat(129), 'é', 'tab\t', 7]) {
      await expect(
        store.claim('k', { ...long, digest: bad as string }),
        `digest ${bad}`,
      ).rejects.toEqual(invalid('digest'));
    }
    await expect(store.claim('k', undefined as never)).rejects.toEqual(invalid('claim options'));
    await expect(store.claim(42 as never, long)).rejects.toEqual(invalid('key'));
    expect(await io.exists(`${prefix}k`)).toBe(0);
  });

  it('validates extend leaseMs and complete ttlMs, leaving the record as it was', async () => {
    const claim = await store.claim('held', long);
    if (claim.status !== 'claimed') throw new Error('expected claimed');
    for (const bad of BAD_DURATIONS) {
      await expect(
        store.extend('held', claim.token, bad as number),
        `extend ${bad}`,
      ).rejects.toEqual(invalid('leaseMs'));
      await expect(
        store.complete('held', claim.token, { ttlMs: bad as number }),
        `complete ${bad}`,
      ).rejects.toEqual(invalid('ttlMs'));
    }
    expect(await store.get('held')).toMatchObject({
      state: 'in_flight',
      token: claim.token,
      leaseExpiresAt: claim.leaseExpiresAt,
    });
  });
});
