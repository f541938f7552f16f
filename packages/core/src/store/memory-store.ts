/**
 * The embedded default store: a Map in this process. Right for tests, single-process services
 * and the demo; use a durable store when more than one process receives webhooks.
 */
import { StoreUnavailableError } from '../errors';
import { newClaimToken } from './claim-token';
import {
  checkMemoryStoreOptions,
  memoryStoreChecks as checks,
  type MemoryStoreOptions,
} from './memory-store-options';
import { COMPLETED, RecordTable } from './record-table';
import type {
  ClaimOptions,
  ClaimResult,
  CompleteOptions,
  DedupeRecord,
  DedupeStore,
  ListOptions,
} from './types';

export type { MemoryStoreOptions } from './memory-store-options';

/**
 * Expired records dropped per claim at most: the sweep is amortized, never a stall (16 drops
 * cost tens of µs at a million keys), and it outpaces any rate of new keys, so expired records
 * never pile up.
 */
export const SWEEP_BATCH = 16;

/**
 * Create an in-memory dedupe store.
 *
 * Every method is synchronous under the hood (one turn of the event loop), which is what makes
 * `claim` atomic here. A claim costs O(log n) at most: expired records are dropped a few per
 * call, earliest expiry first, never by a scan of every key, and the storage grows a page at a
 * time without copying what it holds. Memory is bounded by the live keys (about 115 bytes per
 * record plus the key and its Map entry, about 205 B in all; `bench/memory-store.ts` measures
 * it).
 */
export function memoryStore(options: MemoryStoreOptions = {}): DedupeStore {
  checkMemoryStoreOptions(options);
  const clock = options.now ?? Date.now;
  const maxEntries = options.maxEntries ?? Number.POSITIVE_INFINITY;
  let table = new RecordTable(maxEntries);

  const now = (): number => {
    const t = clock();
    if (!Number.isFinite(t)) throw checks.invalid('now', 'must return a finite number of epoch ms');
    return t;
  };

  /** The slot of a live record for `key`, or -1 (an expired one is dropped on the way). */
  const live = (key: string, t: number): number => {
    const slot = table.find(key);
    if (slot >= 0 && table.expiry.at(slot) <= t) {
      table.remove(slot);
      return -1;
    }
    return slot;
  };

  /** The slot of a live in-flight record owned by `token`, or -1. */
  const owned = (key: string, token: string, t: number): number => {
    checks.key(key);
    const slot = live(key, t);
    if (slot < 0 || table.stateOf(slot) === COMPLETED || table.tokenOf(slot) !== token) return -1;
    return slot;
  };

  const full = (): StoreUnavailableError =>
    new StoreUnavailableError(
      `memoryStore is full: all ${maxEntries} records are live (in flight or inside their TTL). Retry later or raise maxEntries.`,
      { code: 'STORE_FULL', details: { maxEntries, live: table.size } },
    );

  return {
    name: 'memory',

    async claim(key: string, claimOptions: ClaimOptions): Promise<ClaimResult> {
      checks.key(key);
      // `checks.claim`'s checks in its order, except that a `sha256:` / `sha256-body:` + hex
      // digest is told by packing it (the table keeps the words for the insert) instead of by
      // the general pattern: every packable digest is 71 or 76 printable ASCII characters, so
      // the verdict is equal.
      const { leaseMs, ttlMs, digest } = checks.object('claim options', claimOptions);
      checks.duration('leaseMs', leaseMs);
      checks.duration('ttlMs', ttlMs);
      if (digest !== undefined && !(typeof digest === 'string' && table.stageDigest(digest))) {
        checks.digest(digest);
      }
      const t = now();
      table.dropExpired(t, SWEEP_BATCH);
      const slot = live(key, t);
      if (slot >= 0 && table.stateOf(slot) === COMPLETED) {
        return { status: 'completed', record: table.read(slot) };
      }
      if (slot >= 0 && table.leaseEndOf(slot) > t) {
        const leaseEnd = table.leaseEndOf(slot);
        const owner = table.digestOf(slot);
        return {
          status: 'in_flight',
          leaseExpiresAt: new Date(leaseEnd),
          leaseRemainingMs: leaseEnd - t,
          ...(owner === undefined ? {} : { digest: owner }),
        };
      }
      const token = newClaimToken();
      const leaseEnd = t + leaseMs;
      const expiresAt = t + Math.max(leaseMs, ttlMs);
      let claims = 1;
      if (slot >= 0) {
        // Takeover of an ended lease: same record, new owner.
        claims = table.claimsOf(slot) + 1;
        table.claim(slot, token, leaseEnd, expiresAt, claims, digest);
      } else {
        if (table.size >= maxEntries && table.dropExpired(t, 1) === 0) throw full();
        table.insert(key, token, t, leaseEnd, expiresAt, digest);
      }
      return { status: 'claimed', token, leaseExpiresAt: new Date(leaseEnd), claims };
    },

    async extend(key: string, token: string, leaseMs: number) {
      checks.duration('leaseMs', leaseMs);
      const t = now();
      const slot = owned(key, token, t);
      if (slot < 0 || table.leaseEndOf(slot) <= t) return false;
      const leaseEnd = t + leaseMs;
      table.setLeaseEnd(slot, leaseEnd);
      if (table.expiry.at(slot) < leaseEnd) table.expiry.set(slot, leaseEnd);
      return true;
    },

    async complete(key: string, token: string, completeOptions: CompleteOptions) {
      checks.duration('ttlMs', checks.object('complete options', completeOptions).ttlMs);
      checks.noTransaction(completeOptions.tx);
      const t = now();
      const slot = owned(key, token, t);
      if (slot < 0) return false;
      const { result } = completeOptions;
      table.complete(
        slot,
        t,
        t + completeOptions.ttlMs,
        result === undefined ? undefined : structuredClone(result),
      );
      return true;
    },

    async release(key: string, token: string) {
      const slot = owned(key, token, now());
      if (slot < 0) return false;
      table.remove(slot);
      return true;
    },

    async get(key: string) {
      checks.key(key);
      const slot = live(key, now());
      return slot < 0 ? null : table.read(slot);
    },

    async delete(key: string) {
      checks.key(key);
      const slot = live(key, now());
      if (slot < 0) return false;
      table.remove(slot);
      return true;
    },

    async list({ prefix = '', limit = 100 }: ListOptions = {}) {
      const t = now();
      const out: DedupeRecord[] = [];
      for (const [key, slot] of table.entries()) {
        if (out.length >= limit) break;
        if (table.expiry.at(slot) <= t || !key.startsWith(prefix)) continue;
        out.push(table.read(slot));
      }
      return out;
    },

    async close() {
      // A fresh table instead of removing a million records one by one (a second-long call),
      // and the old pages are freed with it.
      table = new RecordTable(maxEntries);
    },
  };
}
