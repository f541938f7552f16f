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
 * Refuse a `complete({ tx })` handle that cannot be inside the caller's transaction: a pg `Pool`,
 * a postgres.js root `sql` or a mysql2 pool (each statement on some pooled connection, never the
 * one the caller ran BEGIN on). A statement there commits at once, so the completion would stand after the
 * caller's work rolled back, and the event would never run again. (A better-sqlite3 Database
 * is one connection: a completion outside `db.transaction()` commits at once like the caller's
 * own writes there, as a completion without `tx` does, so it is not refused.)
 */
export function checkInTransaction(tx: unknown): void {
  const handle = tx as {
    totalCount?: unknown;
    connect?: unknown;
    getConnection?: unknown;
    begin?: unknown;
    reserve?: unknown;
  } | null;
  if (typeof handle?.totalCount === 'number' && typeof handle.connect === 'function') {
    throw invalidTx('the pg client you ran BEGIN on, not the pool');
  }
  // postgres.js: the root `sql` (a pool) has `begin` and `reserve`; the `sql` a `sql.begin`
  // callback gets has neither (it has `savepoint`).
  if (typeof handle?.begin === 'function' && typeof handle.reserve === 'function') {
    throw invalidTx('the sql of your sql.begin() callback, not the root sql');
  }
  if (typeof handle?.getConnection === 'function') {
    throw invalidTx('the mysql2 connection you ran BEGIN on, not the pool');
  }
}

/** The error for a `complete({ tx })` handle the store cannot run statements on. */
export function invalidTx(expected: string): ConfigurationError {
  return new ConfigurationError('CONFIG_INVALID', `complete({ tx }) needs ${expected}.`, {
    details: { option: 'tx' },
  });
}
