// What every dedupe store needs besides its atomic operations (docs/advanced/custom-store.md).
import { ConfigurationError, isHooklatchError, StoreUnavailableError } from '@hooklatch/core';
import { decodeKey, encodeKey, storageKey, storeOptionChecks } from '@hooklatch/core/kit';

export interface KvStoreOptions {
  /** Prepended to every stored key. @default 'hooklatch:' */
  prefix?: string;
  /** Longest wait for one store call before STORE_UNAVAILABLE. @default 2000 */
  timeoutMs?: number;
}

// CONFIG_INVALID naming the option, with the rules every hooklatch store applies.
const checks = storeOptionChecks('kvStore', { store: 'kv' });

export function kvSettings(options: KvStoreOptions) {
  checks.object('options', options);
  return {
    prefix: checks.prefix(options.prefix, 'hooklatch:'),
    timeoutMs: checks.timeoutMs(options.timeoutMs, 2_000),
  };
}

/** Where a caller's key lives: an ASCII id of at most 255 characters, and the key itself. */
export function recordKey(prefix: string, key: string) {
  return { id: prefix + storageKey(checks.key(key)), keyText: encodeKey(key) };
}

/** `DedupeRecord.key` from the stored field: the caller's key exactly, NUL and all. */
export const originalKey = (keyText: string) => decodeKey(keyText);

// No answer (network, throttling): the provider's retry can succeed.
const UNAVAILABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'Throttled']);
// The backend is full: never evict a live record to make room.
const FULL = new Set(['ENOSPC', 'QuotaExceeded']);

/** One classification of backend failures; messages name the code, never keys or values. */
export function toStoreError(operation: string, error: unknown): Error {
  if (isHooklatchError(error)) return error;
  const raw = (error as { code?: unknown; name?: unknown } | null) ?? {};
  const driverCode = String(raw.code ?? raw.name ?? 'unknown');
  const details = { store: 'kv', operation, driverCode };
  if (UNAVAILABLE.has(driverCode)) {
    return new StoreUnavailableError(`kvStore did not answer ${operation}.`, {
      details,
      cause: error,
    });
  }
  if (FULL.has(driverCode)) {
    return new StoreUnavailableError(`kvStore is full (${operation}).`, {
      code: 'STORE_FULL',
      details,
      cause: error,
    });
  }
  // The backend answered "no" (missing table, permissions, credentials): a retry gets the same.
  return new ConfigurationError(
    'CONFIG_INVALID',
    `kvStore: the backend refused ${operation} (${driverCode}); check the table and permissions.`,
    { details, cause: error },
  );
}

/** Every backend call: STORE_UNAVAILABLE after `timeoutMs` by the store's own timer. */
export async function withDeadline<T>(
  operation: string,
  timeoutMs: number,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(); // tell the driver to cancel what it sent
      const details = { store: 'kv', operation, timeoutMs };
      reject(
        new StoreUnavailableError(`kvStore did not answer ${operation} in time.`, { details }),
      );
    }, timeoutMs);
  });
  try {
    return await Promise.race([work(controller.signal), deadline]);
  } catch (error) {
    throw toStoreError(operation, error);
  } finally {
    clearTimeout(timer);
  }
}
