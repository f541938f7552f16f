/**
 * `redisStore`: the dedupe store for services that already run Redis. A claim is one round
 * trip, atomic on the server: a plain `SET ... NX GET` for a fresh or completed key, a Lua
 * script when the key is in flight (see `claim.ts`). `extend`, `complete` and `release` are
 * compare-and-set scripts on the owner token, one command each; completed records expire
 * through Redis's own key expiry.
 */
import type {
  ClaimOptions,
  CompleteOptions,
  DedupeRecord,
  DedupeStore,
  ListOptions,
} from '@hooklatch/core';
import {
  encodeKey,
  isPlainKey,
  newClaimToken,
  storageKey,
  storeOptionChecks,
} from '@hooklatch/core/kit';
import { claimer } from './claim';
import { commanderFor, type RedisClientLike } from './client';
import { createGuard } from './guard';
import { listRecords, readRecord } from './list';
import { timeField } from './record-format';
import { COMPLETE, EXTEND, evalScript, RELEASE } from './scripts';

/** Options of {@link redisStore}. */
export interface RedisStoreOptions {
  /**
   * Your connected ioredis client (`Redis` or `Cluster`) or node-redis v4+ client
   * (`createClient()` after `connect()`, or `createCluster()`). The store never closes it.
   */
  client: RedisClientLike;
  /**
   * Prepended to every Redis key, to share one Redis between apps or environments. Printable
   * ASCII without spaces, at most 55 characters. The same option and default on every
   * hooklatch store.
   * @default 'hooklatch:'
   */
  prefix?: string;
  /**
   * Longest wait for any one store call before it fails with `STORE_UNAVAILABLE` (and
   * `processOnce` answers 503), enforced by the store's own timer. Also configure the client to
   * give up early; see the docs. The same option and default on every hooklatch store (0.1's
   * Redis store waited 2000 ms).
   * @default 5000
   */
  timeoutMs?: number;
}

/**
 * The checks every hooklatch store shares: a bad value is a `CONFIG_INVALID` naming the option,
 * never a Redis error later (`leaseMs: NaN` would reach the script as "nan", a lease that never
 * blocks anyone).
 */
const checks = storeOptionChecks('redisStore', { store: 'redis' });

/** Milliseconds as Redis reads them: whole, rounded up so a lease is never shortened. */
const wholeMs = (value: number) => Math.ceil(value);

/** A script's yes (1) or no (0). */
const isOne = (reply: unknown) => Number(reply) === 1;

function checkedOptions(options: RedisStoreOptions) {
  checks.object('options', options);
  checks.renamed(options, 'operationTimeoutMs', 'timeoutMs');
  return {
    redis: commanderFor(options.client),
    prefix: checks.prefix(options.prefix),
    timeoutMs: checks.timeoutMs(options.timeoutMs),
  };
}

/**
 * Create a Redis-backed dedupe store over a client you already have.
 *
 * ```ts
 * const store = redisStore({ client: new Redis(process.env.REDIS_URL) });
 * ```
 *
 * Throws `CONFIG_INVALID` for a client that is not an ioredis or node-redis client, a prefix
 * that is not printable ASCII (no spaces, at most 55 characters) or a `timeoutMs` that is not
 * a finite number above 0.
 */
export function redisStore(options: RedisStoreOptions): DedupeStore {
  const { redis, prefix, timeoutMs } = checkedOptions(options);
  const guard = createGuard(timeoutMs);
  const claim = claimer(redis);
  const send = (key: string, args: string[]) => redis.send(key, args);
  // Any key maps to one ASCII Redis key; a key not stored verbatim is kept in the record.
  const redisKey = (rawKey: unknown) => prefix + storageKey(checks.key(rawKey));

  const store: DedupeStore = {
    name: 'redis',

    claim(rawKey: string, options: ClaimOptions) {
      return guard('claim', () => {
        const plain = isPlainKey(checks.key(rawKey));
        const checked = checks.claim(options);
        const leaseMs = wholeMs(checked.leaseMs);
        return claim({
          key: prefix + (plain ? rawKey : storageKey(rawKey)),
          rawKey,
          keyField: plain ? '-' : encodeKey(rawKey),
          token: newClaimToken(),
          leaseMs,
          ttlMs: Math.max(leaseMs, wholeMs(checked.ttlMs)),
          digest: checked.digest ?? '',
        });
      });
    },

    extend(rawKey: string, token: string, leaseMs: number) {
      return guard('extend', () => {
        const key = redisKey(rawKey);
        const lease = String(wholeMs(checks.duration('leaseMs', leaseMs)));
        return evalScript(send, EXTEND, key, [String(token), lease], isOne);
      });
    },

    complete(rawKey: string, token: string, options: CompleteOptions) {
      return guard('complete', () => {
        const key = redisKey(rawKey);
        const { ttlMs, result, tx } = checks.object('complete options', options);
        checks.noTransaction(tx);
        const ttl = wholeMs(checks.duration('ttlMs', ttlMs));
        const stored = result === undefined ? '' : JSON.stringify(result);
        // The completed record's dates by this process's clock; its expiry is Redis's own.
        const at = Date.now();
        return evalScript(
          send,
          COMPLETE,
          key,
          [String(token), String(ttl), timeField(at + ttl), timeField(at), stored],
          isOne,
        );
      });
    },

    release(rawKey: string, token: string) {
      return guard('release', () => {
        const key = redisKey(rawKey);
        return evalScript(send, RELEASE, key, [String(token)], isOne);
      });
    },

    get(rawKey: string): Promise<DedupeRecord | null> {
      return guard('get', () => readRecord(redis, redisKey(rawKey), rawKey, 'get'));
    },

    delete(rawKey: string) {
      return guard('delete', async () => {
        const key = redisKey(rawKey);
        return Number(await redis.send(key, ['DEL', key])) > 0;
      });
    },
  };

  // SCAN walks one node, so on a Cluster `list` would silently miss most keys: leave it out.
  if (!redis.cluster) {
    store.list = (listOptions?: ListOptions) =>
      guard('list', () => listRecords(redis, prefix, listOptions));
  }

  return store;
}
