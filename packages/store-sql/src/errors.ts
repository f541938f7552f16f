/**
 * Driver failures become hooklatch errors (which one: see error-codes.ts). Connectivity and
 * timeouts are `StoreUnavailableError` (503, the provider retries); a full disk is the same
 * error with code `STORE_FULL`; anything else is a setup mistake, `ConfigurationError`
 * `CONFIG_INVALID` with the driver's code in `details.driverCode` and a message saying what to
 * do. Messages name the store and the driver's code only: driver messages may quote keys or
 * parameters.
 */
import { ConfigurationError, isHooklatchError, StoreUnavailableError } from '@hooklatch/core';
import { type SetupReason, verdictOf } from './error-codes';

function driverCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' || typeof code === 'number') return String(code);
  return undefined;
}

function errnoOf(error: unknown): number | undefined {
  const errno = (error as { errno?: unknown } | null)?.errno;
  return typeof errno === 'number' && errno > 0 ? errno : undefined;
}

const ADVICE: Record<SetupReason, (store: string) => string> = {
  missing_table: (store) =>
    `the dedupe table does not exist: run createSchema() or apply @hooklatch/store-sql/sql/${store}.sql`,
  missing_column: () =>
    'the dedupe table lacks a column this version needs (schema v1): run createSchema() once ' +
    'to add it, or apply the upgrade file shipped in @hooklatch/store-sql/sql/',
  permission: () =>
    'the database user lacks a privilege on the dedupe table: grant SELECT, INSERT, UPDATE and ' +
    'DELETE (and CREATE / ALTER for createSchema()), or check the file permissions',
  credentials: () => 'the database rejected the credentials: check the user and password',
  unknown_database: () =>
    'the database or schema does not exist: check the connection settings and `table`',
  driver_missing: () =>
    'the driver module is not installed: add it to your dependencies (e.g. npm install better-sqlite3)',
  rejected: () => 'the database rejected the statement: check the store setup and the table',
};

/**
 * Wrap a driver failure of `store` (`postgres`, `mysql`, `sqlite`). Hooklatch errors pass
 * through unchanged, so wrapping twice is harmless.
 */
export function toStoreError(store: string, error: unknown): Error {
  if (isHooklatchError(error)) return error;
  const code = driverCode(error);
  const errno = errnoOf(error);
  const known = {
    store,
    ...(code ? { driverCode: code } : {}),
    ...(errno && String(errno) !== code ? { errno } : {}),
  };
  const suffix = code ? ` (${code})` : '';
  const verdict = verdictOf(error);
  if (verdict === 'unavailable') {
    return new StoreUnavailableError(`The ${store} dedupe store did not answer${suffix}.`, {
      cause: error,
      details: known,
    });
  }
  if (verdict === 'full') {
    return new StoreUnavailableError(`The ${store} dedupe store is out of space${suffix}.`, {
      code: 'STORE_FULL',
      cause: error,
      details: known,
    });
  }
  return new ConfigurationError(
    'CONFIG_INVALID',
    `The ${store} dedupe store is set up wrong${suffix}: ${ADVICE[verdict](store)}.`,
    { cause: error, details: { ...known, reason: verdict } },
  );
}
