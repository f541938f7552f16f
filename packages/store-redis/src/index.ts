/**
 * @hooklatch/store-redis: a durable dedupe store on Redis, over the ioredis or node-redis client
 * you already have.
 *
 * ```ts
 * import { redisStore } from '@hooklatch/store-redis';
 * const store = redisStore({ client: redis, prefix: 'myapp:webhooks:' });
 * ```
 *
 * @module
 */

export type { IoredisLike, NodeRedisLike, RedisClientLike } from './client';
// The durable inbox (docs/inbox.md).
export type { RedisInboxOptions } from './inbox-redis';
export { redisInbox } from './inbox-redis';
export type { RedisStoreOptions } from './redis-store';
export { redisStore } from './redis-store';
