/**
 * The embedded default store: a Map in this process. Right for tests, single-process services
 * and the demo; use a durable store when more than one process receives webhooks.
 */
import { newClaimToken } from './claim-token';
import { ExpiryIndex } from './expiry-index';
import type {
  ClaimOptions,
  ClaimResult,
  CompleteOptions,
  DedupeRecord,
  DedupeStore,
  ListOptions,
} from './types';

/** Options of {@link memoryStore}. */
export interface MemoryStoreOptions {
  /**
   * Most records kept; when full, the oldest-inserted record is evicted (in O(1)).
   * @default Infinity
   */
  maxEntries?: number;
  /** Clock in epoch ms, injectable for tests. @default Date.now */
  now?: () => number;
  /** Prepended to every key, so several stores can share one process without clashing. @default '' */
  prefix?: string;
}

interface Entry {
  record: DedupeRecord;
}

function clone(record: DedupeRecord): DedupeRecord {
  return structuredClone(record);
}

/**
 * Create an in-memory dedupe store.
 *
 * Every method is synchronous under the hood (one turn of the event loop), which is what makes
 * `claim` atomic here. Claims cost O(1); expiry is amortized O(1) through time buckets, never a
 * scan of every key.
 */
export function memoryStore(options: MemoryStoreOptions = {}): DedupeStore {
  const now = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? Number.POSITIVE_INFINITY;
  const prefix = options.prefix ?? '';
  const entries = new Map<string, Entry>();
  const expiry = new ExpiryIndex();

  const sweep = (t: number) => {
    for (const key of expiry.takeDue(t)) {
      const entry = entries.get(key);
      if (entry && entry.record.expiresAt.getTime() <= t) entries.delete(key);
    }
  };

  const live = (key: string, t: number): Entry | undefined => {
    const entry = entries.get(key);
    if (entry && entry.record.expiresAt.getTime() <= t) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };

  const put = (key: string, record: DedupeRecord) => {
    entries.delete(key); // re-insert so Map order stays "oldest write first" for eviction
    entries.set(key, { record });
    expiry.add(key, record.expiresAt.getTime());
    while (entries.size > maxEntries) {
      const oldest = entries.keys().next().value as string;
      entries.delete(oldest);
    }
  };

  return {
    name: 'memory',

    async claim(rawKey: string, { leaseMs, ttlMs, digest }: ClaimOptions): Promise<ClaimResult> {
      const key = prefix + rawKey;
      const t = now();
      sweep(t);
      const existing = live(key, t)?.record;
      if (existing?.state === 'completed') return { status: 'completed', record: clone(existing) };
      if (existing && existing.leaseExpiresAt.getTime() > t) {
        return {
          status: 'in_flight',
          leaseExpiresAt: new Date(existing.leaseExpiresAt),
          leaseRemainingMs: existing.leaseExpiresAt.getTime() - t,
          ...(existing.digest === undefined ? {} : { digest: existing.digest }),
        };
      }
      const token = newClaimToken();
      const leaseExpiresAt = new Date(t + leaseMs);
      const claims = (existing?.claims ?? 0) + 1;
      put(key, {
        key: rawKey,
        state: 'in_flight',
        token,
        leaseExpiresAt,
        expiresAt: new Date(t + Math.max(leaseMs, ttlMs)),
        createdAt: existing?.createdAt ?? new Date(t),
        claims,
        ...(digest === undefined ? {} : { digest }),
      });
      return { status: 'claimed', token, leaseExpiresAt: new Date(leaseExpiresAt), claims };
    },

    async extend(rawKey: string, token: string, leaseMs: number) {
      const key = prefix + rawKey;
      const t = now();
      const record = live(key, t)?.record;
      if (record?.state !== 'in_flight' || record.token !== token) return false;
      if (record.leaseExpiresAt.getTime() <= t) return false;
      record.leaseExpiresAt = new Date(t + leaseMs);
      if (record.expiresAt.getTime() < t + leaseMs) {
        record.expiresAt = new Date(t + leaseMs);
        expiry.add(key, t + leaseMs);
      }
      return true;
    },

    async complete(rawKey: string, token: string, { ttlMs, result }: CompleteOptions) {
      const key = prefix + rawKey;
      const t = now();
      const record = live(key, t)?.record;
      if (record?.state !== 'in_flight' || record.token !== token) return false;
      put(key, {
        ...record,
        state: 'completed',
        completedAt: new Date(t),
        expiresAt: new Date(t + ttlMs),
        ...(result === undefined ? {} : { result: structuredClone(result) }),
      });
      return true;
    },

    async release(rawKey: string, token: string) {
      const key = prefix + rawKey;
      const record = live(key, now())?.record;
      if (record?.state !== 'in_flight' || record.token !== token) return false;
      entries.delete(key);
      return true;
    },

    async get(rawKey: string) {
      const record = live(prefix + rawKey, now())?.record;
      return record ? clone(record) : null;
    },

    async delete(rawKey: string) {
      const key = prefix + rawKey;
      const existed = live(key, now()) !== undefined;
      entries.delete(key);
      return existed;
    },

    async list({ prefix: keyPrefix = '', limit = 100 }: ListOptions = {}) {
      const t = now();
      sweep(t);
      const out: DedupeRecord[] = [];
      for (const [key, entry] of entries) {
        if (out.length >= limit) break;
        if (!key.startsWith(prefix + keyPrefix)) continue;
        if (entry.record.expiresAt.getTime() <= t) continue;
        out.push(clone(entry.record));
      }
      return out;
    },

    async close() {
      entries.clear();
    },
  };
}
