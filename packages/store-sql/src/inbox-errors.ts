/**
 * Failures of the SQL inboxes, classified like the dedupe stores' (error-codes.ts decides which
 * driver errors are outages): connectivity, timeouts and transient server states are
 * `STORE_UNAVAILABLE` (the receiver answers 503, the worker retries), a full disk `STORE_FULL`,
 * anything else a setup mistake (`CONFIG_INVALID`, the driver's code in `details`). Messages name
 * the inbox and the driver's code only: driver messages may quote parameters (a body, a key).
 *
 * `inboxGuard` bounds every call by `timeoutMs`, so a frozen server never hangs a receiver or a
 * worker.
 */
import { ConfigurationError, isHooklatchError, StoreUnavailableError } from '@hooklatch/core';
import { type SetupReason, verdictOf } from './error-codes';

const ADVICE: Record<SetupReason, string> = {
  missing_table: 'the inbox table does not exist: run createSchema() or apply its DDL',
  missing_column: 'the inbox table lacks a column this version needs: run createSchema()',
  permission:
    'the database user lacks a privilege on the inbox table: grant SELECT, INSERT, UPDATE and DELETE',
  credentials: 'the database rejected the credentials',
  unknown_database: 'the database or schema does not exist',
  driver_missing: 'the driver module is not installed (e.g. npm install better-sqlite3)',
  rejected: 'the database rejected the statement: check the inbox setup and its table',
};

/** Wrap a driver failure of the `store` inbox (`postgres`, `mysql`, `sqlite`). */
export function inboxStoreError(store: string, error: unknown): Error {
  if (isHooklatchError(error)) return error;
  const raw = (error as { code?: unknown } | null)?.code;
  const code = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : undefined;
  const details = { store, ...(code ? { driverCode: code } : {}) };
  const suffix = code ? ` (${code})` : '';
  const verdict = verdictOf(error);
  if (verdict === 'unavailable') {
    return new StoreUnavailableError(`The ${store} inbox did not answer${suffix}.`, {
      cause: error,
      details,
    });
  }
  if (verdict === 'full') {
    return new StoreUnavailableError(`The ${store} inbox is out of space${suffix}.`, {
      code: 'STORE_FULL',
      cause: error,
      details,
    });
  }
  return new ConfigurationError(
    'CONFIG_INVALID',
    `The ${store} inbox is set up wrong${suffix}: ${ADVICE[verdict]}.`,
    { cause: error, details: { ...details, reason: verdict } },
  );
}

/** Runs one inbox call under its deadline; `work` gets a signal that aborts at the deadline. */
export type InboxGuard = <T>(
  operation: string,
  work: (signal: AbortSignal) => Promise<T>,
) => Promise<T>;

/** The guard of one inbox: failures mapped by {@link inboxStoreError}, calls bounded by `timeoutMs`. */
export function inboxGuard(store: string, timeoutMs: number): InboxGuard {
  return async (operation, work) => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        controller.abort();
        reject(
          new StoreUnavailableError(
            `The ${store} inbox did not answer ${operation} within ${timeoutMs} ms.`,
            { details: { store, operation, timeoutMs } },
          ),
        );
      }, timeoutMs);
    });
    try {
      // Promise.race subscribes to both, so a late rejection of `work` is never unhandled.
      return await Promise.race([Promise.resolve().then(() => work(controller.signal)), deadline]);
    } catch (error) {
      throw inboxStoreError(store, error);
    } finally {
      clearTimeout(timer);
    }
  };
}
