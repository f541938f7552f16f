/**
 * Owner tokens for claims: ULIDs (26 Crockford base32 characters, sortable by time) from one
 * monotonic `ulid` factory per process. The factory draws one random number per character of a
 * new millisecond's random part (16 draws); by default each draw is its own
 * `crypto.getRandomValues` call, which made token generation the most expensive step of a claim
 * (about 2 µs per draw, 32 µs per token). Here the draws come from a pool of random bytes
 * refilled by ONE `getRandomValues` call per {@link RANDOM_POOL_BYTES} bytes (256 new-millisecond
 * tokens). Tokens within one millisecond increment the previous one, so they stay strictly
 * increasing. A token proves ownership to the store; it is never shown to senders.
 */
import { monotonicFactory } from 'ulid';

/** Bytes fetched per `crypto.getRandomValues` call (its limit is 65 536). */
export const RANDOM_POOL_BYTES = 4096;

/**
 * A random source in the shape `ulid` expects (a float in [0, 1)), fed from a byte pool. Each
 * draw uses one byte's low 5 bits: `ulid` maps a draw to one of 32 characters, 256 is a multiple
 * of 32, so every character stays exactly equally likely. `fill` is the platform's CSPRNG.
 */
export function pooledRandom(
  fill: (bytes: Uint8Array) => unknown = (bytes) => globalThis.crypto.getRandomValues(bytes),
  size: number = RANDOM_POOL_BYTES,
): () => number {
  const pool = new Uint8Array(size);
  let next = size;
  return () => {
    if (next === size) {
      fill(pool);
      next = 0;
    }
    return ((pool[next++] as number) & 31) / 32;
  };
}

const nextUlid = monotonicFactory(pooledRandom());

/** A new, unique claim owner token (a ULID, greater than every token this process made before). */
export function newClaimToken(): string {
  return nextUlid();
}
