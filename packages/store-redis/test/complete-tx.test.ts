/**
 * `complete({ tx })` on Redis: Redis has no transaction of yours to join, so a `tx` must be a
 * CONFIG_INVALID, never ignored. Ignored, the mark was written at once: a handler whose database
 * transaction then rolled back (and threw) left a completed record behind, and the provider's
 * retry was answered 200 `duplicate` for work that never happened (issue 10 review; the
 * pipeline consequence is shown on memoryStore in core's process-once-adversarial tests).
 */
import { randomBytes } from 'node:crypto';
import { redisStore } from '@hooklatch/store-redis';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverUrl } from '../../testing/test-support/require-server';
import { deleteKeys, ioredisClient } from './support/clients';

const url = serverUrl('redis');
const prefix = `hl-tx-${randomBytes(4).toString('hex')}:`;

describe.skipIf(!url)('redis store: complete with a transaction handle', () => {
  let io: Redis;
  beforeAll(() => {
    io = ioredisClient(url as string);
  });
  afterAll(async () => {
    await deleteKeys(io, prefix);
    io.disconnect();
  });

  it('refuses a tx with CONFIG_INVALID and leaves the claim in flight', async () => {
    const store = redisStore({ client: io, prefix });
    const claim = await store.claim('k-tx', { leaseMs: 60_000, ttlMs: 60_000 });
    if (claim.status !== 'claimed') throw new Error('expected a claim');
    await expect(
      store.complete('k-tx', claim.token, { ttlMs: 60_000, tx: {} }),
    ).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      details: expect.objectContaining({ store: 'redis', option: 'tx' }),
    });
    expect((await store.get('k-tx'))?.state).toBe('in_flight');
  });
});
