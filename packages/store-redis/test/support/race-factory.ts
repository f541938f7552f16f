/** Store factory for runClaimRace: each child process connects on its own. */
import type { DedupeStore } from '@hooklatch/core';
import { redisStore } from '@hooklatch/store-redis';
import type { Redis } from 'ioredis';
import { ioredisClient, nodeRedisClient } from './clients';

let close: () => Promise<unknown> = async () => {};

/** A redisStore over the client named by HOOKLATCH_RACE_CLIENT (`ioredis` or `node-redis`). */
export async function createStore(prefix: string): Promise<DedupeStore> {
  const url = process.env.HOOKLATCH_REDIS_URL as string;
  if (process.env.HOOKLATCH_RACE_CLIENT === 'node-redis') {
    const client = await nodeRedisClient(url);
    close = () => client.quit();
    return redisStore({ client, prefix });
  }
  const client: Redis = ioredisClient(url);
  await client.ping();
  close = () => client.quit();
  return redisStore({ client, prefix });
}

/** Close the child's connection. */
export async function closeStore(): Promise<void> {
  await close();
}
