/**
 * `redisStore`: the dedupe store for services that already run Redis. A claim is one Lua script
 * (one round trip, atomic on the server); `complete` and `release` are compare-and-set scripts on
 * the owner token; completed records expire through Redis's own key expiry.
 */
import type {
  ClaimOptions,
  ClaimResult,
  CompleteOptions,
  DedupeRecord,
  DedupeStore,
  ListOptions,
} from '@hooklatch/core';
import { newClaimToken } from '@hooklatch/core';
import { type Commander, commanderFor, type RedisClientLike } from './client';
import { guard } from './guard';
import { decodeRecord } from './record';
import { CLAIM, COMPLETE, RECORD_FIELDS, RELEASE, type RedisScript } from './scripts';

/** Options of {@link redisStore}. */
export interface RedisStoreOptions {
  /**
   * Your connected ioredis client (`Redis` or `Cluster`) or node-redis v4+ client
   * (`createClient()` after `connect()`, or `createCluster()`). The store never closes it.
   */
  client: RedisClientLike;
  /** Prepended to every key, to share one Redis between apps or environments. @default 'hooklatch:' */
  prefix?: string;
  /**
   * Longest wait for any one Redis call before it fails with `STORE_UNAVAILABLE` (and
   * `processOnce` answers 503). Also configure the client to give up early; see the docs.
   * @default 2000
   */
  operationTimeoutMs?: number;
}

const DEFAULT_PREFIX = 'hooklatch:';
const DEFAULT_TIMEOUT_MS = 2_000;
const SCAN_COUNT = '200';

function isNoScript(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('NOSCRIPT');
}

/** Glob-escape a prefix for `SCAN MATCH`. */
function globEscape(value: string): string {
  return value.replace(/[*?[\]\\]/g, '\\$&');
}

async function evalScript(
  redis: Commander,
  script: RedisScript,
  key: string,
  args: string[],
): Promise<unknown> {
  try {
    return await redis.send(key, ['EVALSHA', script.sha, '1', key, ...args]);
  } catch (error) {
    // First use on this server (or after SCRIPT FLUSH / a failover): send the source once.
    if (!isNoScript(error)) throw error;
    return redis.send(key, ['EVAL', script.source, '1', key, ...args]);
  }
}

function claimResult(reply: unknown[], rawKey: string): ClaimResult {
  const [tag, ...rest] = reply;
  if (tag === 'claimed') {
    return {
      status: 'claimed',
      token: String(rest[0]),
      leaseExpiresAt: new Date(Number(rest[1])),
      claims: Number(rest[2]),
    };
  }
  if (tag === 'in_flight')
    return { status: 'in_flight', leaseExpiresAt: new Date(Number(rest[0])) };
  const record = decodeRecord(rest, rawKey);
  if (tag !== 'completed' || !record) {
    throw new Error(`Unexpected claim script reply: ${String(tag)}`);
  }
  return { status: 'completed', record };
}

/**
 * Create a Redis-backed dedupe store over a client you already have.
 *
 * ```ts
 * const store = redisStore({ client: new Redis(process.env.REDIS_URL) });
 * ```
 */
export function redisStore(options: RedisStoreOptions): DedupeStore {
  const redis = commanderFor(options.client);
  const prefix = options.prefix ?? DEFAULT_PREFIX;
  const timeoutMs = options.operationTimeoutMs ?? DEFAULT_TIMEOUT_MS;

  const read = async (fullKey: string, rawKey: string): Promise<DedupeRecord | null> => {
    const reply = await redis.send(fullKey, ['HMGET', fullKey, ...RECORD_FIELDS]);
    return decodeRecord(reply as unknown[], rawKey);
  };

  const store: DedupeStore = {
    name: 'redis',

    claim(rawKey: string, { leaseMs, ttlMs }: ClaimOptions) {
      const key = prefix + rawKey;
      const token = newClaimToken();
      return guard('claim', timeoutMs, async () => {
        const reply = await evalScript(redis, CLAIM, key, [
          token,
          String(Math.ceil(leaseMs)),
          String(Math.ceil(ttlMs)),
          rawKey,
        ]);
        return claimResult(reply as unknown[], rawKey);
      });
    },

    complete(rawKey: string, token: string, { ttlMs, result }: CompleteOptions) {
      const key = prefix + rawKey;
      const stored = result === undefined ? ['0', ''] : ['1', JSON.stringify(result)];
      return guard('complete', timeoutMs, async () => {
        const reply = await evalScript(redis, COMPLETE, key, [
          token,
          String(Math.ceil(ttlMs)),
          ...stored,
        ]);
        return Number(reply) === 1;
      });
    },

    release(rawKey: string, token: string) {
      const key = prefix + rawKey;
      return guard('release', timeoutMs, async () => {
        return Number(await evalScript(redis, RELEASE, key, [token])) === 1;
      });
    },

    get(rawKey: string) {
      return guard('get', timeoutMs, () => read(prefix + rawKey, rawKey));
    },

    delete(rawKey: string) {
      const key = prefix + rawKey;
      return guard(
        'delete',
        timeoutMs,
        async () => Number(await redis.send(key, ['DEL', key])) > 0,
      );
    },
  };

  // SCAN walks one node, so on a Cluster `list` would silently miss most keys: leave it out.
  if (!redis.cluster) {
    store.list = ({ prefix: keyPrefix = '', limit = 100 }: ListOptions = {}) =>
      guard('list', timeoutMs, async () => {
        const pattern = `${globEscape(prefix + keyPrefix)}*`;
        const out: DedupeRecord[] = [];
        let cursor = '0';
        do {
          const [next, keys] = (await redis.send(undefined, [
            'SCAN',
            cursor,
            'MATCH',
            pattern,
            'COUNT',
            SCAN_COUNT,
          ])) as [string, string[]];
          cursor = String(next);
          for (const key of keys) {
            if (out.length >= limit) break;
            const record = await read(key, key.slice(prefix.length));
            if (record) out.push(record); // it may have expired since SCAN saw it
          }
        } while (cursor !== '0' && out.length < limit);
        return out;
      });
  }

  return store;
}
