/**
 * MySQL / MariaDB dedupe store over `mysql2`. The statements live in mysql-sql.ts; this file
 * runs them on the caller's client with the store's `timeoutMs` as mysql2's per-query `timeout`.
 */
import { ConfigurationError } from '@hooklatch/core';
import type { Dialect, ExecResult, Query } from './dialect';
import { DEFAULT_TABLE, validateTableName } from './identifier';
import { mysqlStatements } from './mysql-sql';
import { checkInTransaction, invalidTx, sqlSettings } from './options';
import { createSqlStore, type SqlDedupeStore } from './sql-store';

/** The part of a `mysql2/promise` Pool, PoolConnection or Connection the store uses. */
export interface MysqlQueryable {
  query(options: { sql: string; values?: unknown; timeout?: number }): Promise<[unknown, unknown]>;
}

/** A callback-style `mysql2` Pool or Connection; the store uses its `.promise()` wrapper. */
export interface MysqlCallbackClient {
  promise(): MysqlQueryable;
}

/** Options of {@link mysqlStore}. */
export interface MysqlStoreOptions {
  /**
   * Your `mysql2/promise` Pool or Connection (or a callback `mysql2` pool, used through
   * `.promise()`). Never re-created; `close()` leaves it open.
   */
  client: MysqlQueryable | MysqlCallbackClient;
  /** Table name, optionally `database.table`; letters, digits and `_` only. @default 'hooklatch_dedupe' */
  table?: string;
  /**
   * Prepended to every stored key, so several consumers can share one table: printable ASCII,
   * no spaces, at most 55 characters. The same option and default on every hooklatch store.
   * 0.1 stored keys without a prefix: pass `prefix: ''` to keep finding those rows.
   * @default 'hooklatch:'
   */
  prefix?: string;
  /**
   * Longest wait for one store call (getting a pooled connection included) before it fails
   * with `STORE_UNAVAILABLE`; also sent as mysql2's per-query `timeout`, which closes a
   * connection whose statement ran out of time. (Named `queryTimeoutMs` before 0.2.)
   * @default 5000
   */
  timeoutMs?: number;
}

const noClient = () =>
  new ConfigurationError(
    'CONFIG_INVALID',
    'mysqlStore needs `client`: a mysql2 Pool or Connection.',
    {
      details: { option: 'client' },
    },
  );

function toQueryable(client: unknown, fail: () => Error = noClient): MysqlQueryable {
  const c = client as Partial<MysqlQueryable & MysqlCallbackClient> | null | undefined;
  if (typeof c?.promise === 'function') return c.promise();
  if (typeof c?.query === 'function') return c as MysqlQueryable;
  throw fail();
}

// UPDATE reports "Rows matched: N  Changed: M": matched is what a compare-and-set needs, and
// affectedRows only means "matched" while CLIENT_FOUND_ROWS is on (mysql2's default).
const MATCHED = /Rows matched: (\d+)/;

async function execute(client: MysqlQueryable, query: Query, timeout: number) {
  const [result] = await client.query({ sql: query.text, values: query.params, timeout });
  if (Array.isArray(result)) return { rows: result as Record<string, unknown>[], affected: 0 };
  const header = result as { affectedRows?: number; info?: string; insertId?: unknown };
  const matched = typeof header.info === 'string' ? MATCHED.exec(header.info) : null;
  return {
    rows: [],
    affected: matched ? Number(matched[1]) : (header.affectedRows ?? 0),
    // A number, or a string or bigint under mysql2's supportBigNumbers; ours fit a double.
    insertId: Number(header.insertId ?? 0),
  };
}

function mysqlDialect(client: MysqlQueryable, t: string, timeoutMs: number): Dialect {
  return {
    name: 'mysql',
    exec(query, tx): Promise<ExecResult> {
      if (tx === undefined) return execute(client, query, timeoutMs);
      checkInTransaction(tx);
      const connection = toQueryable(tx, () =>
        invalidTx('the mysql2 connection of your transaction'),
      );
      return execute(connection, query, timeoutMs);
    },
    ...mysqlStatements(t),
  };
}

/**
 * Create a MySQL / MariaDB dedupe store. `complete(key, token, { tx })` accepts the mysql2
 * connection on which your transaction is open; `true` then means "marked when your
 * transaction commits".
 */
export function mysqlStore(options: MysqlStoreOptions): SqlDedupeStore {
  const table = validateTableName(options?.table ?? DEFAULT_TABLE);
  const client = toQueryable(options?.client);
  const { prefix, timeoutMs } = sqlSettings('mysql', options, 'queryTimeoutMs');
  return createSqlStore(mysqlDialect(client, table, timeoutMs), { table, prefix, timeoutMs });
}
