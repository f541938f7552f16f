/**
 * Key -> slot lookup for the memory store, split over {@link SHARDS} Maps. One Map holding a
 * million keys rehashes all of them in a single `set` (when it grows) or `delete` (V8 shrinks a
 * Map that falls below a quarter of its capacity, which is what happens while a million keys
 * expire): a 20 to 100 ms stall of one call, measured in `bench/store-memory.ts`. Split 256
 * ways, a million keys are about 4 000 per Map, and one rehash moves a 256th of them: about
 * 0.1 ms, where a Map past 30 000 keys took 2 ms and more (its table leaves V8's regular heap
 * pages for the large-object space).
 *
 * The shard is picked from the key's length and its last four UTF-16 code units, which is cheap
 * and spreads provider IDs (their varying part is at the end). Keys that share their whole tail
 * land in one shard: that costs only the stall bound, never correctness.
 */

/** Number of Maps; a power of two. */
export const SHARDS = 256;
const MASK = SHARDS - 1;
/** The shard of `key`: its length and last four code units, mixed (FNV-style multiplies). */
export function shardOf(key: string): number {
  const n = key.length;
  let hash = Math.imul(n ^ key.charCodeAt(n - 1), 0x01000193);
  hash = Math.imul(hash ^ key.charCodeAt(n - 2), 0x01000193);
  hash = Math.imul(hash ^ key.charCodeAt(n - 3), 0x01000193);
  hash = Math.imul(hash ^ key.charCodeAt(n - 4), 0x01000193);
  return (hash ^ (hash >>> 15)) & MASK;
}

export class KeyIndex {
  private readonly shards: Map<string, number>[] = Array.from({ length: SHARDS }, () => new Map());
  private count = 0;
  /** The key `get` looked up last and its shard: a claim's `add` follows its `get`. */
  private lastKey: string | undefined;
  private lastShard = 0;

  get size(): number {
    return this.count;
  }

  /** The slot of `key`, or -1. */
  get(key: string): number {
    const shard = shardOf(key);
    this.lastKey = key;
    this.lastShard = shard;
    return (this.shards[shard] as Map<string, number>).get(key) ?? -1;
  }

  /** Map `key` (which must be absent) to `slot`. */
  add(key: string, slot: number): void {
    const shard = key === this.lastKey ? this.lastShard : shardOf(key);
    (this.shards[shard] as Map<string, number>).set(key, slot);
    this.count += 1;
  }

  /** Forget `key` (which must be present). */
  remove(key: string): void {
    if ((this.shards[shardOf(key)] as Map<string, number>).delete(key)) this.count -= 1;
  }

  /** Every key and its slot, shard by shard (insertion order within a shard). */
  *entries(): IterableIterator<[string, number]> {
    for (const shard of this.shards) yield* shard.entries();
  }

  /** Every slot. */
  *values(): IterableIterator<number> {
    for (const shard of this.shards) yield* shard.values();
  }
}
