/**
 * Driver failures become hooklatch errors. Any error from the database (refused or dropped
 * connection, timeout, server shutting down, lock timeout) means the claim could not be decided,
 * so it is `STORE_UNAVAILABLE` and `processOnce` answers 503 for the provider to retry.
 */
import { isHooklatchError, StoreUnavailableError } from '@hooklatch/core';

function driverCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' || typeof code === 'number') return String(code);
  return undefined;
}

/**
 * Wrap `error` as a `StoreUnavailableError`. The message names the store and the driver's
 * error code only: driver messages may quote keys or parameters.
 */
export function toStoreError(store: string, error: unknown): Error {
  if (isHooklatchError(error)) return error;
  const code = driverCode(error);
  return new StoreUnavailableError(
    `The ${store} dedupe store did not answer${code ? ` (${code})` : ''}.`,
    { cause: error, details: { store, ...(code ? { driverCode: code } : {}) } },
  );
}
