/**
 * One small command interface over the two popular clients, found by shape. The user's client is
 * used as is: no wrapper object, no second connection, no `defineCommand` on their instance.
 */
import { ConfigurationError } from '@hooklatch/core';

/** The part of an ioredis `Redis` or `Cluster` this store uses. */
export interface IoredisLike {
  call(command: string, ...args: Array<string | number>): Promise<unknown>;
}

/**
 * The part of a node-redis (v4+) client or cluster this store uses. A client takes
 * `sendCommand(args)`, a cluster `sendCommand(firstKey, isReadonly, args)`.
 */
export interface NodeRedisLike {
  sendCommand(...args: never[]): Promise<unknown>;
}

/** An ioredis client (`Redis` or `Cluster`) or a node-redis v4+ client (`createClient`/`createCluster`). */
export type RedisClientLike = IoredisLike | NodeRedisLike;

/** What the store needs from a client. */
export interface Commander {
  /** `ioredis` or `node-redis`. */
  readonly kind: 'ioredis' | 'node-redis';
  /** True for a Redis Cluster client: `list` is then unavailable (SCAN sees one node only). */
  readonly cluster: boolean;
  /** Send one command whose (only) key is `key`. */
  send(key: string | undefined, args: string[]): Promise<unknown>;
}

type NodeRedisClient = { sendCommand(args: string[]): Promise<unknown> };
type NodeRedisCluster = {
  sendCommand(firstKey: string | undefined, isReadonly: boolean, args: string[]): Promise<unknown>;
};

/** Find out which client this is and build the command interface over it. */
export function commanderFor(client: unknown): Commander {
  // Only an instance counts: a function (the `Redis` class itself, say) has `call` too, from
  // Function.prototype, and would fail on every request instead of here.
  const shape = typeof client === 'object' ? (client as Record<string, unknown> | null) : null;
  if (shape && typeof shape.call === 'function') {
    const io = client as IoredisLike;
    return {
      kind: 'ioredis',
      cluster: shape.isCluster === true,
      // ioredis routes by the command's key positions, EVALSHA's included.
      send: (_key, args) => io.call(...(args as [string, ...string[]])),
    };
  }
  if (shape && typeof shape.sendCommand === 'function') {
    // node-redis clusters expose their master list; single clients do not.
    if ('masters' in shape || typeof shape.getSlotMaster === 'function') {
      const cluster = client as NodeRedisCluster;
      return {
        kind: 'node-redis',
        cluster: true,
        send: (key, args) => cluster.sendCommand(key, false, args),
      };
    }
    const single = client as NodeRedisClient;
    return { kind: 'node-redis', cluster: false, send: (_key, args) => single.sendCommand(args) };
  }
  throw new ConfigurationError(
    'CONFIG_INVALID',
    'redisStore: `client` must be an ioredis client or a node-redis (v4+) client instance.',
    { details: { store: 'redis', option: 'client', driverCode: 'NOT_A_REDIS_CLIENT' } },
  );
}
