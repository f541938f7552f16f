/**
 * The memory store against a bare `Map` (issue 15): the claim and the claim + complete
 * lifecycle, the heap per live key, and the longest single call while a million keys expire.
 *
 * The floor is the least a Map-based store does for the same answer: look the key up, store an
 * in-flight record object (token, lease end, expiry, created, claims, digest) with a token from
 * the same ULID source, and return the same `ClaimResult`; `complete` checks the owner and marks
 * the record. It keeps no expiry index and so never drops an expired key, which the store does.
 * Usage: tsx --tsconfig bench/tsconfig.json bench/store-memory.ts [--quick]
 */
import { type ClaimResult, type DedupeStore, memoryStore } from '@hooklatch/core';
import { newClaimToken } from '@hooklatch/core/kit';
import { bytesPerLiveKey, collector } from './memory-store';
import { compare, comparisonRow, type StoreRow, valueRow } from './store-measure';

/** Targets of issue 15. */
export const MEMORY_TARGETS = { claimRatio: 3, bytesPerKey: 300, stallMs: 5 } as const;

const CLAIM = { leaseMs: 30_000, ttlMs: 86_400_000, digest: `sha256:${'ab'.repeat(32)}` };

interface FloorRecord {
  state: 'in_flight' | 'completed';
  token: string;
  leaseEnd: number;
  expiresAt: number;
  createdAt: number;
  completedAt?: number;
  claims: number;
  digest?: string;
}

/** The bare-Map floor of `claim` and `complete`. */
function mapFloor() {
  const map = new Map<string, FloorRecord>();
  return {
    async claim(key: string, o: typeof CLAIM): Promise<ClaimResult> {
      const t = Date.now();
      const found = map.get(key);
      if (found !== undefined && found.expiresAt > t && found.leaseEnd > t) {
        return {
          status: 'in_flight',
          leaseExpiresAt: new Date(found.leaseEnd),
          leaseRemainingMs: found.leaseEnd - t,
        };
      }
      const token = newClaimToken();
      const leaseEnd = t + o.leaseMs;
      const expiresAt = t + Math.max(o.leaseMs, o.ttlMs);
      map.set(key, {
        state: 'in_flight',
        token,
        leaseEnd,
        expiresAt,
        createdAt: t,
        claims: 1,
        digest: o.digest,
      });
      return { status: 'claimed', token, leaseExpiresAt: new Date(leaseEnd), claims: 1 };
    },
    async complete(key: string, token: string, ttlMs: number): Promise<boolean> {
      const t = Date.now();
      const found = map.get(key);
      if (found === undefined || found.state !== 'in_flight' || found.token !== token) return false;
      found.state = 'completed';
      found.completedAt = t;
      found.expiresAt = t + ttlMs;
      return true;
    },
  };
}

let serial = 0;
const freshKeys = (count: number) =>
  Array.from({ length: count }, () => `stripe:evt_${(serial++).toString(36).padStart(24, '0')}`);

/** Claim (or claim + complete) ratios of the store over the Map floor. */
async function ratios(quick: boolean): Promise<StoreRow[]> {
  const operations = quick ? 10_000 : 50_000;
  const options = { rounds: quick ? 2 : 7, operations, concurrency: 1 };
  let keys: string[] = [];
  let store: DedupeStore = memoryStore();
  let floor = mapFloor();
  const gc = collector();
  // Each batch starts on a fresh store with its garbage collected: otherwise one side pays
  // for the other's garbage, and the ratio swings with where a major GC lands.
  const setup = () => {
    keys = freshKeys(operations);
    store = memoryStore();
    floor = mapFloor();
    gc();
  };
  const claim = await compare(
    { setup, operation: (i) => store.claim(keys[i] as string, CLAIM) },
    { setup, operation: (i) => floor.claim(keys[i] as string, CLAIM) },
    options,
  );
  const lifecycle = await compare(
    {
      setup,
      operation: async (i) => {
        const result = await store.claim(keys[i] as string, CLAIM);
        if (result.status !== 'claimed') throw new Error('bench: memory claim lost');
        await store.complete(keys[i] as string, result.token, { ttlMs: CLAIM.ttlMs });
      },
    },
    {
      setup,
      operation: async (i) => {
        const result = await floor.claim(keys[i] as string, CLAIM);
        if (result.status !== 'claimed') throw new Error('bench: map claim lost');
        await floor.complete(keys[i] as string, result.token, CLAIM.ttlMs);
      },
    },
    options,
  );
  return [
    comparisonRow('memory: claim', claim, 'Map check-and-set', `<= ${MEMORY_TARGETS.claimRatio}`),
    comparisonRow('memory: claim + complete', lifecycle, 'Map, same steps', 'n/a'),
  ];
}

/**
 * The longest single call while `keys` records expire: fill the store (the clock is the
 * store's injectable `now`), move the clock past every expiry, then claim new keys, each of
 * which also drops a few expired records. The latencies go into a preallocated array, so the
 * bench's own bookkeeping never grows (and copies) an array between two calls.
 */
export async function expiryStall(
  keys: number,
  calls: number,
): Promise<{ maxMs: number; p999Ms: number; fillMaxMs: number }> {
  let clock = 1_900_000_000_000;
  const store = memoryStore({ now: () => clock });
  const short = { leaseMs: 1_000, ttlMs: 1_000, digest: CLAIM.digest };
  let fillMaxMs = 0;
  for (let i = 0; i < keys; i++) {
    const key = `stripe:evt_${i.toString(36).padStart(16, '0')}`;
    const started = performance.now();
    await store.claim(key, short);
    const took = performance.now() - started;
    if (took > fillMaxMs) fillMaxMs = took;
  }
  clock += 10_000;
  const latencies = new Float64Array(calls);
  for (let i = 0; i < calls; i++) {
    const key = `new:${i}`;
    const started = performance.now();
    await store.claim(key, short);
    latencies[i] = performance.now() - started;
  }
  latencies.sort();
  await store.close?.();
  return {
    maxMs: latencies[calls - 1] as number,
    p999Ms: latencies[Math.floor(calls * 0.999)] as number,
    fillMaxMs,
  };
}

/**
 * The same test on the least a store that drops expired keys does: the keys in 256 Maps (as the
 * store shards them, so no Map rehashes a million keys at once), each call adding its key and
 * deleting up to 16 of the oldest. Its longest call is what the heap and V8's collections cost
 * with nothing of the store around, so the row above can be read against it.
 */
export async function expiryStallFloor(keys: number, calls: number): Promise<{ maxMs: number }> {
  const shards = Array.from({ length: 256 }, () => new Map<string, number>());
  // The last two characters pick the Map: enough spread for these keys, and nearly free.
  const shard = (key: string) =>
    shards[(key.charCodeAt(key.length - 1) * 31 + key.charCodeAt(key.length - 2)) & 255] as Map<
      string,
      number
    >;
  const order: string[] = [];
  for (let i = 0; i < keys; i++) {
    const key = `stripe:evt_${i.toString(36).padStart(16, '0')}`;
    shard(key).set(key, i);
    order.push(key);
  }
  const latencies = new Float64Array(calls);
  let next = 0;
  for (let i = 0; i < calls; i++) {
    const key = `new:${i}`;
    const started = performance.now();
    await Promise.resolve();
    const map = shard(key);
    if (!map.has(key)) map.set(key, i);
    for (let d = 0; d < 16 && next < order.length; d++) {
      const old = order[next++] as string;
      shard(old).delete(old);
    }
    latencies[i] = performance.now() - started;
  }
  latencies.sort();
  return { maxMs: latencies[calls - 1] as number };
}

/** Every memory-store row. */
export async function memoryRows(quick: boolean): Promise<StoreRow[]> {
  const rows = await ratios(quick);
  const keys = quick ? 50_000 : 1_000_000;
  const perKey = await bytesPerLiveKey(keys);
  rows.push(
    valueRow(
      `memory: heap per live key (${keys} keys)`,
      `${perKey.toFixed(0)} B`,
      `<= ${MEMORY_TARGETS.bytesPerKey} B`,
    ),
  );
  const expiring = quick ? 100_000 : 1_000_000;
  const stall = await expiryStall(expiring, quick ? 50_000 : 500_000);
  rows.push(
    valueRow(
      `memory: longest call while ${expiring} keys expire`,
      `${stall.maxMs.toFixed(2)} ms (p99.9 ${stall.p999Ms.toFixed(3)} ms)`,
      `<= ${MEMORY_TARGETS.stallMs} ms`,
    ),
    valueRow(
      `memory: the same on 256 bare Maps (set + delete, the floor)`,
      `${(await expiryStallFloor(expiring, quick ? 50_000 : 500_000)).maxMs.toFixed(2)} ms`,
      'n/a',
    ),
    valueRow(
      `memory: longest call while filling ${expiring} keys`,
      `${stall.fillMaxMs.toFixed(2)} ms`,
      'n/a',
    ),
  );
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await memoryRows(process.argv.includes('--quick')));
}
