/**
 * Store down: a real redis-server (our own, on a spare port) is SIGKILLed; every operation must
 * then fail with STORE_UNAVAILABLE within the store's own timeout, and processOnce must answer 503.
 */
import { processOnce, type WebhookEvent } from '@hooklatch/core';
import { redisStore } from '@hooklatch/store-redis';
import { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { serverUrl } from '../../testing/test-support/require-server';
import { nodeRedisClient } from './support/clients';
import { hasRedisServer } from './support/redis-server-binary';
import { startThrowawayRedis } from './support/throwaway-redis';

// The fault test needs the redis-server binary, which services.sh installs with the shared server.
const runs = hasRedisServer && serverUrl('redis') !== undefined;

const event: WebhookEvent = {
  provider: 'test',
  type: 'thing.happened',
  id: 'evt_1',
  idSource: 'event',
  dedupeKey: 'test:evt_1',
  occurredAt: new Date(),
  receivedAt: new Date(),
  meta: {},
  payload: {},
};

const TIMEOUT_MS = 500;

describe.skipIf(!runs)('redis store unavailable', () => {
  const clients = {
    // Default client settings: offline queue and many retries. Our own timeout must bound it.
    ioredis: async (url: string) => {
      const client = new Redis(url);
      client.on('error', () => {});
      return { client, close: async () => client.disconnect() };
    },
    'node-redis': async (url: string) => {
      const client = await nodeRedisClient(url);
      return { client, close: async () => void (await client.close?.()) };
    },
  };

  for (const [name, connect] of Object.entries(clients)) {
    it(`fails with STORE_UNAVAILABLE and processOnce answers 503 (${name})`, async () => {
      const server = await startThrowawayRedis();
      const { client, close } = await connect(server.url);
      try {
        const store = redisStore({ client, timeoutMs: TIMEOUT_MS });
        expect((await store.claim('before', { leaseMs: 60_000, ttlMs: 60_000 })).status).toBe(
          'claimed',
        );

        await server.kill();

        const started = Date.now();
        await expect(
          store.claim('after', { leaseMs: 60_000, ttlMs: 60_000 }),
        ).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE', httpStatus: 503 });
        // Bounded: the operation timeout plus scheduling slack, not the client's retry horizon.
        expect(Date.now() - started).toBeLessThan(TIMEOUT_MS + 1_500);
        await expect(store.get('before')).rejects.toMatchObject({ code: 'STORE_UNAVAILABLE' });

        let ran = false;
        const outcome = await processOnce(store, event, () => {
          ran = true;
        });
        expect(outcome).toMatchObject({ outcome: 'store_unavailable', status: 503 });
        expect(ran).toBe(false);
      } finally {
        await close();
        await server.kill();
      }
    }, 20_000);
  }
});
