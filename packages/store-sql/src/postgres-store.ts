/**
 * PostgreSQL dedupe store over `pg` (Pool, Client or a pool client) or postgres.js (`sql`).
 * The statements live in postgres-sql.ts; this file runs them on either driver, with the
 * store's `timeoutMs` as pg's per-query `query_timeout` and as a postgres.js `cancel()`.
 */
import { ConfigurationError } from '@hooklatch/core';
import type { Dialect, ExecResult, Query } from './dialect';
import { DEFAULT_TABLE, validateTableName } from './identifier';
import { invalidTx, sqlSettings } from './options';
import { pgSchemaBlock, pgStatements } from './postgres-sql';
import { createSqlStore, type SqlDedupeStore } from './sql-store';

/** The part of a `pg` Pool, Client or PoolClient the store uses. */
export interface PgQueryable {
  query(config: {
    text: string;
    values?: unknown[];
    query_timeout?: number;
  }): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

/** A pending postgres.js query: awaitable, and cancellable. */
export type PostgresJsQuery = PromiseLike<unknown[] & { count?: number | null }> & {
  cancel?(): unknown;
};

/** The part of a postgres.js `sql` instance (or a transaction's `sql`) the store uses. */
export interface PostgresJsSql {
  unsafe(text: string, params?: unknown[]): PostgresJsQuery;
}

/** Options of {@link postgresStore}. */
export interface PostgresStoreOptions {
  /**
   * Your `pg` Pool / Client, or your postgres.js `sql`. It is used as is, never re-created, and
   * `close()` leaves it open.
   */
  client: PgQueryable | PostgresJsSql;
  /** Table name, optionally schema-qualified; letters, digits and `_` only. @default 'hooklatch_dedupe' */
  table?: string;
  /**
   * Prepended to every stored key, so several consumers can share one table: printable ASCII,
   * no spaces, at most 55 characters. @default ''
   */
  prefix?: string;
  /**
   * Longest wait for one store call (connecting included) before it fails with
   * `STORE_UNAVAILABLE`. Also sent as pg's per-query `query_timeout`, and a postgres.js query
   * still running then is cancelled. @default 5000
   */
  timeoutMs?: number;
}

function isPostgresJs(client: unknown): client is PostgresJsSql {
  return typeof (client as PostgresJsSql | null)?.unsafe === 'function';
}

async function runPostgresJs(sql: PostgresJsSql, { text, params }: Query, signal: AbortSignal) {
  const pending = sql.unsafe(text, params);
  // A queued query is dropped, a running one cancelled on the server (57014).
  const cancel = () => {
    Promise.resolve(pending.cancel?.()).catch(() => {});
  };
  signal.addEventListener('abort', cancel, { once: true });
  try {
    const rows = await pending;
    return { rows: [...rows] as Record<string, unknown>[], affected: rows.count ?? rows.length };
  } finally {
    signal.removeEventListener('abort', cancel);
  }
}

function executor(timeoutMs: number) {
  return async (client: unknown, query: Query, signal: AbortSignal): Promise<ExecResult> => {
    if (isPostgresJs(client)) return runPostgresJs(client, query, signal);
    // query_timeout: a pg Pool then discards the connection instead of leaving it waiting.
    const result = await (client as PgQueryable).query({
      text: query.text,
      values: query.params,
      query_timeout: timeoutMs,
    });
    return { rows: result.rows as Record<string, unknown>[], affected: result.rowCount ?? 0 };
  };
}

// A creator that does not take the advisory lock (an older version) can still win the race;
// then the table exists and running the block again is a no-op.
const CATALOG_RACE = new Set(['23505', '42P07', '42710']);

function postgresDialect(client: unknown, t: string, timeoutMs: number): Dialect {
  const execute = executor(timeoutMs);
  return {
    name: 'postgres',
    exec(query, tx, signal) {
      if (
        tx !== undefined &&
        !isPostgresJs(tx) &&
        typeof (tx as PgQueryable)?.query !== 'function'
      ) {
        throw invalidTx('a pg client inside your transaction or the sql of sql.begin()');
      }
      return execute(tx ?? client, query, signal);
    },
    ...pgStatements(t),
    async createSchema(run) {
      const block = { text: pgSchemaBlock(t), params: [] };
      try {
        await run(block);
      } catch (error) {
        const code = (error as { details?: { driverCode?: string } }).details?.driverCode;
        if (!code || !CATALOG_RACE.has(code)) throw error;
        await run(block);
      }
    },
  };
}

/**
 * Create a PostgreSQL dedupe store. `complete(key, token, { tx })` accepts a `pg` client inside
 * your transaction or the `sql` of a postgres.js `sql.begin(...)`; `true` then means "marked
 * when your transaction commits".
 */
export function postgresStore(options: PostgresStoreOptions): SqlDedupeStore {
  const table = validateTableName(options?.table ?? DEFAULT_TABLE);
  const client = options?.client as Partial<PgQueryable & PostgresJsSql> | null | undefined;
  if (typeof client?.unsafe !== 'function' && typeof client?.query !== 'function') {
    throw new ConfigurationError(
      'CONFIG_INVALID',
      'postgresStore needs `client`: a pg Pool / Client or a postgres.js sql.',
      { details: { option: 'client' } },
    );
  }
  const { prefix, timeoutMs } = sqlSettings('postgres', options);
  return createSqlStore(postgresDialect(client, table, timeoutMs), { table, prefix, timeoutMs });
}
