/**
 * Round trips counted by the server (issue 15): on a private redis-server, where no other client
 * runs commands, `INFO commandstats` deltas show what one lifecycle costs. A claim of a fresh key
 * is one plain SET (no script), `complete` one EVALSHA, so a claim + complete is exactly two
 * commands from the client. A duplicate of a completed key is answered by the claim's SET alone.
 */
import { randomBytes } from 'node:crypto';
import { redisStore } from '@hooklatch/store-redis';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverUrl } from '../../testing/test-support/require-server';
import { type Connected, connectors, ioredisClient } from './support/clients';
import { hasRedisServer } from './support/redis-server-binary';
import { startThrowawayRedis, type ThrowawayRedis } from './support/throwaway-redis';

const long = { leaseMs: 60_000, ttlMs: 60_000 };

/** Calls per command since the server started, from INFO commandstats. */
async function commandCalls(admin: Redis): Promise<Map<string, number>> {
  const calls = new Map<string, number>();
  for (const match of (await admin.info('commandstats')).matchAll(/cmdstat_([^:]+):calls=(\d+)/g)) {
    calls.set(match[1] as string, Number(match[2]));
  }
  return calls;
}

/** What `work` made the server run, per command (the admin's own INFO left out). */
async function delta(admin: Redis, work: () => Promise<unknown>): Promise<Record<string, number>> {
  const before = await commandCalls(admin);
  await work();
  const after = await commandCalls(admin);
  const out: Record<string, number> = {};
  for (const [command, calls] of after) {
    const added = calls - (before.get(command) ?? 0);
    if (added > 0 && command !== 'info') out[command] = added;
  }
  return out;
}

describe.skipIf(!hasRedisServer || !serverUrl('redis'))('redis round trips per lifecycle', () => {
  let server: ThrowawayRedis;
  let admin: Redis;
  beforeAll(async () => {
    server = await startThrowawayRedis();
    admin = ioredisClient(server.url);
  });
  afterAll(async () => {
    admin?.disconnect();
    await server?.kill();
  });

  for (const [name, connect] of Object.entries(connectors)) {
    it(`claim is one SET, complete one EVALSHA (${name})`, async () => {
      const connected: Connected = await connect(server.url);
      try {
        const store = redisStore({ client: connected.client, prefix: `rt-${name}:` });
        // The store's first claim runs the claim script (proving scripts run), then never again
        // for a fresh key. EVAL only while the server does not have a script yet.
        const firstKey = `first-${randomBytes(4).toString('hex')}`;
        const first = await delta(admin, async () => {
          const result = await store.claim(firstKey, long);
          if (result.status !== 'claimed') throw new Error('expected claimed');
          await store.complete(firstKey, result.token, { ttlMs: 60_000 });
        });
        expect((first.evalsha ?? 0) + (first.eval ?? 0)).toBeGreaterThanOrEqual(2);

        let token = '';
        const claim = await delta(admin, async () => {
          const result = await store.claim('k', long);
          if (result.status !== 'claimed') throw new Error('expected claimed');
          token = result.token;
        });
        expect(claim).toEqual({ set: 1 });

        const complete = await delta(admin, () => store.complete('k', token, { ttlMs: 60_000 }));
        // One command from the client; the rest ran inside the script.
        expect(complete).toEqual({ evalsha: 1, get: 1, pexpire: 1, set: 1 });

        const duplicate = await delta(admin, async () => {
          expect((await store.claim('k', long)).status).toBe('completed');
        });
        expect(duplicate).toEqual({ set: 1 });
      } finally {
        await connected.close();
      }
    });
  }
});
