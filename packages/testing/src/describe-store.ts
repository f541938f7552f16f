/**
 * The DedupeStore conformance suite. Every store hooklatch ships runs it against a real backend,
 * and so can yours:
 *
 * ```ts
 * describeStore({ name: 'my-store', create: ({ prefix }) => myStore({ prefix }) });
 * ```
 *
 * Cases use real time with short leases, so a store must measure leases with one consistent
 * clock (the server's, for networked stores).
 */
import type { DedupeStore } from '@hooklatch/core';
import { afterEach, describe, expect, it } from 'vitest';

/** Names of the suite's cases, for `skip`. */
export const STORE_TESTS = [
  'claim',
  'second claim is in flight',
  'complete then duplicate',
  'release then re-claim',
  'expired lease re-claimed',
  'completed record not re-claimable within TTL',
  'record gone after TTL',
  'stale owner cannot complete or release',
  'concurrent claims yield exactly one claimed',
  'keys are isolated by prefix',
  'stored result round-trips',
  'get and delete',
  'list',
] as const;

/** One case name of the conformance suite. */
export type StoreTestName = (typeof STORE_TESTS)[number];

/** Cases that may be skipped: optional capabilities only, never atomicity or ownership. */
const SKIPPABLE: ReadonlySet<StoreTestName> = new Set(['list']);

/** A skip entry: which cases, and the reason shown in the test name. */
export interface StoreSkip {
  reason: string;
  tests: StoreTestName[];
}

/** Options of {@link describeStore}. */
export interface DescribeStoreOptions {
  /** Suite name, e.g. `redis (ioredis)`. */
  name: string;
  /** Create a store whose keys live under `prefix` (unique per test). */
  create: (context: { prefix: string }) => DedupeStore | Promise<DedupeStore>;
  /** Remove what a test wrote; runs after each test. @default store.close() if present */
  cleanup?: (store: DedupeStore) => void | Promise<void>;
  /** Optional capabilities this store does not have. Only `list` may be skipped. */
  skip?: StoreSkip[];
  /** Lease used by the expiry cases, in ms; raise it for slow backends. @default 250 */
  shortLeaseMs?: number;
  /** Number of concurrent claimers in the race case. @default 64 */
  concurrency?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const LONG = 60_000;

/** Register the conformance suite for one store with vitest. */
export function describeStore(options: DescribeStoreOptions): void {
  const skipReason = new Map<StoreTestName, string>();
  for (const entry of options.skip ?? []) {
    for (const test of entry.tests) {
      if (!SKIPPABLE.has(test)) {
        throw new Error(`describeStore: "${test}" is not optional and cannot be skipped.`);
      }
      skipReason.set(test, entry.reason);
    }
  }
  const lease = options.shortLeaseMs ?? 250;
  const concurrency = options.concurrency ?? 64;

  describe(`DedupeStore conformance: ${options.name}`, () => {
    const opened: DedupeStore[] = [];
    const open = async (prefix = `hl-${Math.random().toString(36).slice(2, 10)}-`) => {
      const store = await options.create({ prefix });
      opened.push(store);
      return store;
    };
    afterEach(async () => {
      for (const store of opened.splice(0)) {
        if (options.cleanup) await options.cleanup(store);
        else await store.close?.();
      }
    });

    const test = (name: StoreTestName, fn: () => Promise<void>) => {
      const reason = skipReason.get(name);
      if (reason) it.skip(`${name} (skipped: ${reason})`, fn);
      else it(name, fn, 30_000);
    };

    test('claim', async () => {
      const store = await open();
      const before = Date.now();
      const result = await store.claim('k', { leaseMs: LONG, ttlMs: LONG });
      expect(result.status).toBe('claimed');
      if (result.status !== 'claimed') return;
      expect(result.token).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
      expect(result.claims).toBe(1);
      expect(result.leaseExpiresAt.getTime()).toBeGreaterThan(before + LONG - 5_000);
      const record = await store.get('k');
      expect(record).toMatchObject({
        key: 'k',
        state: 'in_flight',
        token: result.token,
        claims: 1,
      });
    });

    test('second claim is in flight', async () => {
      const store = await open();
      const first = await store.claim('k', { leaseMs: LONG, ttlMs: LONG });
      const second = await store.claim('k', { leaseMs: LONG, ttlMs: LONG });
      expect(first.status).toBe('claimed');
      expect(second.status).toBe('in_flight');
      if (first.status === 'claimed' && second.status === 'in_flight') {
        expect(
          Math.abs(second.leaseExpiresAt.getTime() - first.leaseExpiresAt.getTime()),
        ).toBeLessThan(1_000);
      }
    });

    test('complete then duplicate', async () => {
      const store = await open();
      const first = await store.claim('k', { leaseMs: LONG, ttlMs: LONG });
      if (first.status !== 'claimed') throw new Error('expected claimed');
      expect(await store.complete('k', first.token, { ttlMs: LONG })).toBe(true);
      const again = await store.claim('k', { leaseMs: LONG, ttlMs: LONG });
      expect(again.status).toBe('completed');
      if (again.status === 'completed') {
        expect(again.record.state).toBe('completed');
        expect(again.record.token).toBe(first.token);
        expect(again.record.completedAt).toBeInstanceOf(Date);
      }
    });

    test('release then re-claim', async () => {
      const store = await open();
      const first = await store.claim('k', { leaseMs: LONG, ttlMs: LONG });
      if (first.status !== 'claimed') throw new Error('expected claimed');
      expect(await store.release('k', first.token)).toBe(true);
      const second = await store.claim('k', { leaseMs: LONG, ttlMs: LONG });
      expect(second.status).toBe('claimed');
      if (second.status === 'claimed') expect(second.token).not.toBe(first.token);
    });

    test('expired lease re-claimed', async () => {
      const store = await open();
      const first = await store.claim('k', { leaseMs: lease, ttlMs: LONG });
      if (first.status !== 'claimed') throw new Error('expected claimed');
      expect((await store.claim('k', { leaseMs: lease, ttlMs: LONG })).status).toBe('in_flight');
      await sleep(lease + 150);
      const second = await store.claim('k', { leaseMs: LONG, ttlMs: LONG });
      expect(second.status).toBe('claimed');
      if (second.status === 'claimed') {
        expect(second.token).not.toBe(first.token);
        expect(second.claims).toBe(2);
      }
    });

    test('completed record not re-claimable within TTL', async () => {
      const store = await open();
      const first = await store.claim('k', { leaseMs: lease, ttlMs: LONG });
      if (first.status !== 'claimed') throw new Error('expected claimed');
      expect(await store.complete('k', first.token, { ttlMs: LONG })).toBe(true);
      await sleep(lease + 150); // the lease is long gone; the completed record must still win
      expect((await store.claim('k', { leaseMs: LONG, ttlMs: LONG })).status).toBe('completed');
    });

    test('record gone after TTL', async () => {
      const store = await open();
      const first = await store.claim('k', { leaseMs: LONG, ttlMs: LONG });
      if (first.status !== 'claimed') throw new Error('expected claimed');
      expect(await store.complete('k', first.token, { ttlMs: lease })).toBe(true);
      expect(await store.get('k')).not.toBeNull();
      await sleep(lease + 150);
      expect(await store.get('k')).toBeNull();
      expect((await store.claim('k', { leaseMs: LONG, ttlMs: LONG })).status).toBe('claimed');
    });

    test('stale owner cannot complete or release', async () => {
      const store = await open();
      const stale = await store.claim('k', { leaseMs: lease, ttlMs: LONG });
      if (stale.status !== 'claimed') throw new Error('expected claimed');
      await sleep(lease + 150);
      const fresh = await store.claim('k', { leaseMs: LONG, ttlMs: LONG });
      if (fresh.status !== 'claimed')
        throw new Error('expected the expired lease to be re-claimed');
      expect(await store.complete('k', stale.token, { ttlMs: LONG, result: 'stale' })).toBe(false);
      expect(await store.release('k', stale.token)).toBe(false);
      expect(await store.release('k', 'not-a-token')).toBe(false);
      const record = await store.get('k');
      expect(record).toMatchObject({ state: 'in_flight', token: fresh.token });
      expect(record?.result).toBeUndefined();
      // The real owner still can, and a completed record cannot be released by anyone.
      expect(await store.complete('k', fresh.token, { ttlMs: LONG })).toBe(true);
      expect(await store.release('k', fresh.token)).toBe(false);
      expect(await store.complete('k', fresh.token, { ttlMs: LONG })).toBe(false);
      expect((await store.get('k'))?.state).toBe('completed');
    });

    test('concurrent claims yield exactly one claimed', async () => {
      const store = await open();
      const results = await Promise.all(
        Array.from({ length: concurrency }, () =>
          store.claim('race', { leaseMs: LONG, ttlMs: LONG }),
        ),
      );
      const claimed = results.filter((r) => r.status === 'claimed');
      expect(claimed).toHaveLength(1);
      expect(results.filter((r) => r.status === 'in_flight')).toHaveLength(concurrency - 1);
    });

    test('keys are isolated by prefix', async () => {
      const a = await open();
      const b = await open();
      expect((await a.claim('shared', { leaseMs: LONG, ttlMs: LONG })).status).toBe('claimed');
      expect((await b.claim('shared', { leaseMs: LONG, ttlMs: LONG })).status).toBe('claimed');
      expect((await a.claim('other', { leaseMs: LONG, ttlMs: LONG })).status).toBe('claimed');
      expect(await b.get('other')).toBeNull();
    });

    test('stored result round-trips', async () => {
      const store = await open();
      const result = {
        orderId: 'ord_1',
        total: 12.5,
        tags: ['a', 'b'],
        nested: { ok: true, none: null },
      };
      const first = await store.claim('k', { leaseMs: LONG, ttlMs: LONG });
      if (first.status !== 'claimed') throw new Error('expected claimed');
      expect(await store.complete('k', first.token, { ttlMs: LONG, result })).toBe(true);
      const again = await store.claim('k', { leaseMs: LONG, ttlMs: LONG });
      expect(again.status === 'completed' && again.record.result).toEqual(result);
      expect((await store.get('k'))?.result).toEqual(result);
    });

    test('get and delete', async () => {
      const store = await open();
      expect(await store.get('missing')).toBeNull();
      expect(await store.delete('missing')).toBe(false);
      const first = await store.claim('k', { leaseMs: LONG, ttlMs: LONG });
      if (first.status !== 'claimed') throw new Error('expected claimed');
      await store.complete('k', first.token, { ttlMs: LONG });
      expect(await store.delete('k')).toBe(true);
      expect(await store.get('k')).toBeNull();
      expect((await store.claim('k', { leaseMs: LONG, ttlMs: LONG })).status).toBe('claimed');
    });

    test('list', async () => {
      const store = await open();
      if (!store.list) throw new Error('store has no list(); declare it in skip with a reason');
      for (const key of ['order:1', 'order:2', 'invoice:1']) {
        await store.claim(key, { leaseMs: LONG, ttlMs: LONG });
      }
      const orders = await store.list({ prefix: 'order:' });
      expect(orders.map((r) => r.key).sort()).toEqual(['order:1', 'order:2']);
      expect(await store.list({ limit: 2 })).toHaveLength(2);
    });
  });
}
