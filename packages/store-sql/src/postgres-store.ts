/**
 * PostgreSQL dedupe store over `pg` (Pool, Client or a pool client) or postgres.js (`sql`).
 * The statements live in postgres-sql.ts; this file runs them on either driver, as named
 * prepared statements unless `prepare: false` (parsed and planned once per connection instead
 * of on every call, which was a third of a claim's cost), with the store's `timeoutMs` as pg's
 * per-query `query_timeout` and as a postgres.js `cancel()`.
 */
import { ConfigurationError } from '@hooklatch/core';
import type { Dialect, ExecResult, Query } from './dialect';
import { DEFAULT_TABLE, validateTableName } from './identifier';
import { checkInTransaction, invalidTx, sqlChecks, sqlSettings } from './options';
import { pgSchemaBlock, pgStatements } from './postgres-sql';
import { createSqlStore, type SqlDedupeStore } from './sql-store';
import type { Deadline } from './timeout';

/** The part of a `pg` Pool, Client or PoolClient the store uses. */
export interface PgQueryable {
  query(config: {
    text: string;
    values?: unknown[];
    name?: string;
    query_timeout?: number;
  }): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

/** A pending postgres.js query: awaitable, and cancellable. */
export type PostgresJsQuery = PromiseLike<unknown[] & { count?: number | null }> & {
  cancel?(): unknown;
};

/** The part of a postgres.js `sql` instance (or a transaction's `sql`) the store uses. */
export interface PostgresJsSql {
  unsafe(text: string, params?: unknown[], options?: { prepare?: boolean }): PostgresJsQuery;
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
   * no spaces, at most 55 characters. The same option and default on every hooklatch store.
   * 0.1 stored keys without a prefix: pass `prefix: ''` to keep finding those rows.
   * @default 'hooklatch:'
   */
  prefix?: string;
  /**
   * Longest wait for one store call (connecting included) before it fails with
   * `STORE_UNAVAILABLE`. Also sent as pg's per-query `query_timeout`, and a postgres.js query
   * still running then is cancelled. The same option and default on every hooklatch store.
   * @default 5000
   */
  timeoutMs?: number;
  /**
   * Run the store's statements as named prepared statements, kept on each connection (pg's
   * `name`, postgres.js's `prepare`). Set `false` behind a pooler that hands one client's
   * statements to different server connections and cannot keep prepared statements, such as
   * PgBouncer in transaction mode before 1.21: every statement is then parsed and planned on
   * every call. A postgres.js `sql` created with `prepare: false` never prepares either way.
   * @default true
   */
  prepare?: boolean;
}

function isPostgresJs(client: unknown): client is PostgresJsSql {
  return typeof (client as PostgresJsSql | null)?.unsafe === 'function';
}

// postgres.js copies its options: one object each serves every call.
const PREPARED = { prepare: true } as const;
const UNPREPARED = { prepare: false } as const;

function runPostgresJs(
  sql: PostgresJsSql,
  { text, params, name }: Query,
  prepare: boolean,
  deadline: Deadline,
): PostgresJsQuery {
  // postgres.js names its prepared statements itself; `name` only says this one is reused.
  const pending = sql.unsafe(text, params, prepare && name !== undefined ? PREPARED : UNPREPARED);
  // A queued query is dropped, a running one cancelled on the server (57014).
  deadline.cancel = () => {
    Promise.resolve(pending.cancel?.()).catch(() => {});
  };
  return pending;
}

/** The store's view of a pg result or a postgres.js result (an array of the rows). */
function pgExecResult(raw: unknown): ExecResult {
  if (Array.isArray(raw)) {
    const rows = raw as Record<string, unknown>[] & { count?: number | null };
    return { rows, affected: rows.count ?? rows.length };
  }
  const result = raw as { rows: Record<string, unknown>[]; rowCount: number | null };
  return { rows: result.rows, affected: result.rowCount ?? 0 };
}

// The driver's own promise goes back to the store (see Dialect.result): no layer in between.
function executor(timeoutMs: number, prepare: boolean) {
  return (client: unknown, query: Query, deadline: Deadline): PromiseLike<unknown> => {
    if (isPostgresJs(client)) return runPostgresJs(client, query, prepare, deadline);
    // query_timeout: a pg Pool then discards the connection instead of leaving it waiting.
    const name = prepare ? query.name : undefined;
    const config =
      name === undefined
        ? { text: query.text, values: query.params, query_timeout: timeoutMs }
        : { text: query.text, values: query.params, name, query_timeout: timeoutMs };
    return (client as PgQueryable).query(config);
  };
}

// A creator that does not take the advisory lock (an older version) can still win the race;
// then the table exists and running the block again is a no-op.
const CATALOG_RACE = new Set(['23505', '42P07', '42710']);

function postgresDialect(client: unknown, t: string, timeoutMs: number, prepare: boolean): Dialect {
  const execute = executor(timeoutMs, prepare);
  return {
    name: 'postgres',
    exec(query, tx, deadline) {
      if (
        tx !== undefined &&
        !isPostgresJs(tx) &&
        typeof (tx as PgQueryable)?.query !== 'function'
      ) {
        throw invalidTx('a pg client inside your transaction or the sql of sql.begin()');
      }
      if (tx !== undefined) checkInTransaction(tx);
      return execute(tx ?? client, query, deadline);
    },
    result: pgExecResult,
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
  const prepare = options.prepare ?? true;
  if (typeof prepare !== 'boolean') {
    throw sqlChecks('postgres').invalid('prepare', 'must be a boolean');
  }
  const dialect = postgresDialect(client, table, timeoutMs, prepare);
  return createSqlStore(dialect, { table, prefix, timeoutMs });
}
