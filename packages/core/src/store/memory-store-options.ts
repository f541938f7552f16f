/** Options of the memory store, checked once at construction. */
import { checkOptionsObject } from '../kit/options';
import { storeOptionChecks } from './store-options';

/** Options of {@link memoryStore}. */
export interface MemoryStoreOptions {
  /**
   * Most live records kept (in flight, or completed inside their TTL). Records past their TTL
   * are dropped first to make room; a live record is never evicted: when every one is live, a
   * claim of a new key throws `StoreUnavailableError` with code `STORE_FULL` (503, so the
   * provider retries later). A positive integer or `Infinity`.
   * @default Infinity
   */
  maxEntries?: number;
  /**
   * The store's clock in epoch ms. Leases, TTLs and `leaseRemainingMs` are all judged by it,
   * never by `Date.now()` directly; injectable for tests.
   * @default Date.now
   */
  now?: () => number;
  /**
   * The option every hooklatch store has, checked by the same rule (printable ASCII without
   * spaces, at most 55 characters), so one options object fits any store. A memory store's
   * records are private to the instance already, so it does not change the keys.
   * @default 'hooklatch:'
   */
  prefix?: string;
  /**
   * The option every hooklatch store has, checked by the same rule (above 0, at most
   * 2^31 - 1 ms). A memory store call never waits on anything, so there is nothing to time out.
   * @default 5000
   */
  timeoutMs?: number;
}

const NAME = 'memoryStore';

/** The checks every store shares, for the memory store's call arguments and its clock. */
export const memoryStoreChecks = storeOptionChecks(NAME);

/** Throw CONFIG_INVALID naming the first bad option. */
export function checkMemoryStoreOptions(options: MemoryStoreOptions): void {
  checkOptionsObject(NAME, options);
  const { maxEntries, now, prefix, timeoutMs } = options;
  if (
    maxEntries !== undefined &&
    maxEntries !== Number.POSITIVE_INFINITY &&
    !(Number.isSafeInteger(maxEntries) && maxEntries > 0)
  ) {
    throw memoryStoreChecks.invalid('maxEntries', 'must be a positive integer or Infinity');
  }
  if (now !== undefined && typeof now !== 'function') {
    throw memoryStoreChecks.invalid('now', 'must be a function returning epoch ms');
  }
  memoryStoreChecks.prefix(prefix);
  memoryStoreChecks.timeoutMs(timeoutMs);
}
