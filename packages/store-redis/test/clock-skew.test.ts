/**
 * Retention is Redis's own count, whatever the completing app server's clock says: a completed
 * record written by a process whose clock runs behind the server's is still a duplicate for a
 * store instance that claims through the CLAIM script (every new instance does, until a script
 * has run on it), against the real Redis in HOOKLATCH_REDIS_URL.
 */
import { processOnce, type WebhookEvent } from '@hooklatch/core';
import { redisStore } from '@hooklatch/store-redis';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { serverUrl } from '../../testing/test-support/require-server';
import { deleteKeys, ioredisClient } from './support/clients';

const url = serverUrl('redis');
const event: WebhookEvent = {
  provider: 'skew',
  type: 't',
  id: 'e1',
  idSource: 'event',
  dedupeKey: 'skew:e1',
  occurredAt: new Date(),
  receivedAt: new Date(),
  meta: {},
  payload: {},
};

describe.skipIf(!url)('redis: an app clock behind the server', () => {
  let io: Redis;
  const prefix = `hl-skew-${process.pid}-${Date.now()}:`;
  beforeAll(() => {
    io = ioredisClient(url as string);
  });
  afterAll(async () => {
    await deleteKeys(io, prefix);
    io?.disconnect();
  });

  it('a record completed by a lagging clock stays a duplicate for its whole TTL', async () => {
    let runs = 0;
    const handler = () => ++runs;
    // The completing host's clock is ten minutes behind the server's; the TTL is one minute.
    const lagging = redisStore({ client: io, prefix });
    const realNow = Date.now.bind(Date);
    const spy = vi.spyOn(Date, 'now').mockImplementation(() => realNow() - 600_000);
    try {
      const first = await processOnce(lagging, event, handler, { ttlMs: 60_000 });
      expect(first).toMatchObject({ outcome: 'processed', completion: 'stored' });
    } finally {
      spy.mockRestore();
    }
    const ttl = await io.pttl(`${prefix}skew:e1`);
    expect(ttl).toBeGreaterThan(50_000);
    // Another process (a new store instance: its first claim runs the CLAIM script).
    const other = redisStore({ client: io, prefix });
    expect(await processOnce(other, event, handler, { ttlMs: 60_000 })).toMatchObject({
      outcome: 'duplicate',
    });
    // And one that has switched to the plain SET path, for completeness.
    expect(await processOnce(other, event, handler, { ttlMs: 60_000 })).toMatchObject({
      outcome: 'duplicate',
    });
    expect(runs).toBe(1);
  });
});
