/**
 * Option checks of the three SQL stores, run at construction (or, for per-call values, at the
 * call) so a mistake is a `CONFIG_INVALID` naming the option, never a database error later. The
 * rules are the ones every hooklatch store shares (`storeOptionChecks` from core); what is SQL's
 * own here is the default timeout, whole milliseconds and the `tx` handle.
 */
import { ConfigurationError } from '@hooklatch/core';
import { type StoreOptionChecks, storeOptionChecks } from '@hooklatch/core/kit';

/** Default of every SQL store's `timeoutMs`: the one every hooklatch store has. */
export const DEFAULT_TIMEOUT_MS = 5000;

/** The shared checks, naming `<dialect>Store` (`postgresStore`...) in messages. */
export function sqlChecks(dialect: string): StoreOptionChecks {
  return storeOptionChecks(`${dialect}Store`);
}

/**
 * `prefix` and `timeoutMs` of one SQL store's options, checked; `renamed` is the option this
 * store used to call `timeoutMs`, refused with a pointer to the new name.
 */
export function sqlSettings(
  dialect: string,
  options: { prefix?: unknown; timeoutMs?: unknown },
  renamed?: string,
): { prefix: string; timeoutMs: number } {
  const checks = sqlChecks(dialect);
  if (renamed !== undefined) checks.renamed(options, renamed, 'timeoutMs');
  return {
    // The default every hooklatch store shares ('hooklatch:'); 0.1's SQL stores had ''.
    prefix: checks.prefix(options.prefix),
    // Whole ms: driver and SQL timeouts take integers; rounding up never shortens a wait.
    timeoutMs: Math.ceil(checks.timeoutMs(options.timeoutMs, DEFAULT_TIMEOUT_MS)),
  };
}

/**
 * Refuse a `complete({ tx })` handle that is plainly not inside a transaction: a pg `Pool` or a
 * mysql2 pool (each statement on its own pooled connection, never the one the caller ran BEGIN
 * on), or a better-sqlite3 Database with no transaction open. Statements on such a handle
 * commit at once, so the completion would stand after the caller's work rolled back, and the
 * event would never run again.
 */
export function checkInTransaction(tx: unknown): void {
  const handle = tx as {
    totalCount?: unknown;
    connect?: unknown;
    getConnection?: unknown;
    inTransaction?: unknown;
    prepare?: unknown;
  } | null;
  if (typeof handle?.totalCount === 'number' && typeof handle.connect === 'function') {
    throw invalidTx('the pg client you ran BEGIN on, not the pool');
  }
  if (typeof handle?.getConnection === 'function') {
    throw invalidTx('the mysql2 connection you ran BEGIN on, not the pool');
  }
  if (typeof handle?.prepare === 'function' && handle.inTransaction === false) {
    throw invalidTx('the better-sqlite3 Database inside db.transaction() (none is open)');
  }
}

/** The error for a `complete({ tx })` handle the store cannot run statements on. */
export function invalidTx(expected: string): ConfigurationError {
  return new ConfigurationError('CONFIG_INVALID', `complete({ tx }) needs ${expected}.`, {
    details: { option: 'tx' },
  });
}
