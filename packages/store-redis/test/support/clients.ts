/** Connections to the shared Redis in HOOKLATCH_REDIS_URL, and key clean-up for the suites. */
import type { DedupeStore } from '@hooklatch/core';
import { Redis } from 'ioredis';
import { createClient } from 'redis';

/** An ioredis connection that fails fast instead of retrying a command forever. */
export function ioredisClient(url: string): Redis {
  return new Redis(url, { maxRetriesPerRequest: 1, commandTimeout: 5_000 });
}

/** A node-redis client, as `createClient` types it. */
export type NodeRedisClient = ReturnType<typeof createClient>;

/** A connected node-redis client. */
export async function nodeRedisClient(url: string): Promise<NodeRedisClient> {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 5_000 },
  });
  // node-redis emits 'error' on lost connections; without a listener Node would crash the run.
  client.on('error', () => {});
  await client.connect();
  return client;
}

/** Delete every key under `prefix` (SCAN + DEL), through ioredis. */
export async function deleteKeys(client: Redis, prefix: string): Promise<void> {
  let cursor = '0';
  do {
    const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
    cursor = next;
    if (keys.length > 0) await client.del(...keys);
  } while (cursor !== '0');
}

/** The key prefix a store was created with, remembered for clean-up. */
export const prefixes = new WeakMap<DedupeStore, string>();

/** A connected client of one library, and how to close it. */
export interface Connected {
  client: Redis | Awaited<ReturnType<typeof nodeRedisClient>>;
  close: () => Promise<void>;
}

/** Connect with each supported library, for tests that must hold for both. */
export const connectors: Record<'ioredis' | 'node-redis', (url: string) => Promise<Connected>> = {
  ioredis: async (url) => {
    const client = ioredisClient(url);
    client.on('error', () => {}); // refused connections are what some tests provoke
    return { client, close: async () => client.disconnect() };
  },
  'node-redis': async (url) => {
    const client = await nodeRedisClient(url);
    // destroy(), not close(): close() waits for pending replies, which a killed server never sends.
    return { client, close: async () => client.destroy() };
  },
};
