/**
 * `timeoutMs` (issue 10, item 12: one name and meaning on every store): a frozen server
 * (SIGSTOP: connections stay open, nothing answers) must fail each call with STORE_UNAVAILABLE
 * after `timeoutMs`, enforced by the store's own timer whatever the client is configured to do.
 */
import { redisStore } from '@hooklatch/store-redis';
import { describe, expect, it } from 'vitest';
import { serverUrl } from '../../testing/test-support/require-server';
import { connectors } from './support/clients';
import { hasRedisServer } from './support/redis-server-binary';
import { startThrowawayRedis } from './support/throwaway-redis';

const TIMEOUT_MS = 300;
const long = { leaseMs: 60_000, ttlMs: 60_000 };

describe.skipIf(!hasRedisServer || !serverUrl('redis'))('redis timeoutMs', () => {
  for (const [name, connect] of Object.entries(connectors)) {
    it(`a frozen server fails every call after timeoutMs (${name})`, async () => {
      const server = await startThrowawayRedis();
      const { client, close } = await connect(server.url);
      try {
        const store = redisStore({ client, timeoutMs: TIMEOUT_MS });
        const claim = await store.claim('before', long);
        if (claim.status !== 'claimed') throw new Error('expected claimed');
        server.freeze();
        const calls = {
          claim: () => store.claim('after', long),
          extend: () => store.extend('before', claim.token, 60_000),
          complete: () => store.complete('before', claim.token, { ttlMs: 60_000 }),
          get: () => store.get('before'),
        };
        for (const [operation, call] of Object.entries(calls)) {
          const started = Date.now();
          await expect(call()).rejects.toMatchObject({
            code: 'STORE_UNAVAILABLE',
            httpStatus: 503,
            details: { store: 'redis', operation, timeoutMs: TIMEOUT_MS },
          });
          const waited = Date.now() - started;
          // The option itself, not the 2 s default (which the old `operationTimeoutMs` name
          // left in force for anyone who wrote `timeoutMs`).
          expect(waited).toBeGreaterThanOrEqual(TIMEOUT_MS - 5);
          expect(waited).toBeLessThan(TIMEOUT_MS + 700);
        }
      } finally {
        await server.kill();
        await close();
      }
    }, 20_000);
  }
});
