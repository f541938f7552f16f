/**
 * `complete({ tx })` on Redis: Redis has no transaction of yours to join, so a `tx` must be a
 * CONFIG_INVALID, never ignored. Ignored, the mark was written at once: a handler whose database
 * transaction then rolled back (and threw) left a completed record behind, and the provider's
 * retry was answered 200 `duplicate` for work that never happened (issue 10 review).
 */
import { randomBytes } from 'node:crypto';
import { processOnce, type WebhookEvent } from '@hooklatch/core';
import { redisStore } from '@hooklatch/store-redis';
import { serverUrl } from '@hooklatch/testing';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
    await expect(store.complete('k-tx', claim.token, { ttlMs: 60_000, tx: {} })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      details: expect.objectContaining({ store: 'redis', option: 'tx' }),
    });
    expect((await store.get('k-tx'))?.state).toBe('in_flight');
  });

  it('a handler that completes "in its transaction", rolls back and throws runs again on retry', async () => {
    const store = redisStore({ client: io, prefix });
    const event = {
      provider: 'test',
      type: 't',
      id: 'e1',
      dedupeKey: 'test:e1',
      payload: {},
    } as unknown as WebhookEvent;
    let runs = 0;
    const handler = async (_e: unknown, ctx: { complete(o: { tx: unknown }): Promise<boolean> }) => {
      runs++;
      if (runs > 1) return 'done';
      await ctx.complete({ tx: { fake: 'transaction' } });
      throw new Error('rolled back');
    };
    const first = await processOnce(store, event, handler, { logger: false });
    expect(first).toMatchObject({ outcome: 'failed', status: 500 });
    const retry = await processOnce(store, event, handler, { logger: false });
    expect(retry).toMatchObject({ outcome: 'processed', status: 200 });
    expect(runs).toBe(2);
  });
});
