/**
 * Bytes of heap the memory store holds per live key: the issue-10 budget is at most 300 B
 * (the store used to hold about 1.2 KB). Each key is claimed the way processOnce claims it (a
 * provider-style key and a `sha256:` payload digest, both fresh strings the store alone keeps
 * alive), half of them are then completed, and the heap growth after a full GC is divided by
 * the number of keys. See bench/README.md.
 * Usage: tsx bench/memory-store.ts [--quick]
 */
import { randomBytes } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { memoryStore } from '@hooklatch/core';

/** The budget per live key, in bytes. */
export const MAX_BYTES_PER_KEY = 300;

/** A real GC even without `--expose-gc` on the command line (tsx does not forward it). */
export function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

/**
 * Memory held after collecting everything collectable: the JS heap plus ArrayBuffer backing
 * stores, which live outside the heap (the store's typed-array columns are most of a record).
 */
function settledHeap(gc: () => void): number {
  for (let i = 0; i < 3; i++) gc();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
}

/** Claim `keys` keys (completing every second one) and return the heap bytes held per key. */
export async function bytesPerLiveKey(keys: number): Promise<number> {
  const gc = collector();
  const store = memoryStore();
  const salt = randomBytes(4).toString('hex');
  const options = { leaseMs: 30_000, ttlMs: 86_400_000 };
  // Warm up the code paths first so compiled code and one-off caches are not counted per key.
  for (let i = 0; i < 1_000; i++) await store.claim(`warm:${i}`, options);
  await store.close?.();

  const before = settledHeap(gc);
  for (let i = 0; i < keys; i++) {
    const key = `stripe:evt_${salt}${i.toString(36).padStart(16, '0')}`;
    const digest = `sha256:${randomBytes(32).toString('hex')}`;
    const claim = await store.claim(key, { ...options, digest });
    if (claim.status !== 'claimed') throw new Error(`bench: ${key} was not claimed`);
    if (i % 2 === 0) await store.complete(key, claim.token, { ttlMs: options.ttlMs });
  }
  const after = settledHeap(gc);
  // The store must still hold every key, or the number means nothing.
  if ((await store.get(`stripe:evt_${salt}${'0'.repeat(16)}`)) === null) {
    throw new Error('bench: the first key is gone');
  }
  const perKey = (after - before) / keys;
  await store.close?.();
  return perKey;
}

/** Print the measurement (run.ts calls this after the timing table). */
export async function reportMemoryStore(quick: boolean): Promise<void> {
  const keys = quick ? 50_000 : 200_000;
  const perKey = await bytesPerLiveKey(keys);
  const verdict = perKey <= MAX_BYTES_PER_KEY ? 'within' : 'OVER';
  console.log(
    `memoryStore: ${perKey.toFixed(0)} B per live key at ${keys} keys ` +
      `(${verdict} the ${MAX_BYTES_PER_KEY} B budget)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await reportMemoryStore(process.argv.includes('--quick'));
}
