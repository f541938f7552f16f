/** Options of the memory store, checked once at construction. */
import { checkOptionsObject, optionInvalid } from '../kit/options';

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
   * Accepted for parity with the networked stores. A memory store's records are private to the
   * instance already, so it does not change the keys.
   * @default ''
   */
  prefix?: string;
}

const NAME = 'memoryStore';

/** Throw CONFIG_INVALID naming the first bad option. */
export function checkMemoryStoreOptions(options: MemoryStoreOptions): void {
  checkOptionsObject(NAME, options);
  const { maxEntries, now, prefix } = options;
  if (
    maxEntries !== undefined &&
    maxEntries !== Number.POSITIVE_INFINITY &&
    !(Number.isSafeInteger(maxEntries) && maxEntries > 0)
  ) {
    throw optionInvalid(NAME, 'maxEntries', 'must be a positive integer or Infinity');
  }
  if (now !== undefined && typeof now !== 'function') {
    throw optionInvalid(NAME, 'now', 'must be a function returning epoch ms');
  }
  if (prefix !== undefined && typeof prefix !== 'string') {
    throw optionInvalid(NAME, 'prefix', 'must be a string');
  }
}

/** CONFIG_INVALID for a bad call argument (`key`) or a clock that returned no finite time. */
export function memoryStoreInvalid(option: string, expectation: string) {
  return optionInvalid(NAME, option, expectation);
}
