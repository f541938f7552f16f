/**
 * MySQL / MariaDB dedupe store over `mysql2`. Times are epoch milliseconds from the server's
 * UTC clock (independent of the session time zone), so app servers with skewed clocks agree.
 */
import { ConfigurationError } from '@hooklatch/core';
import type { Dialect, ExecResult, Query } from './dialect';
import { DEFAULT_TABLE, expiryIndexName, likePrefix, validateTableName } from './identifier';
import { COLUMNS } from './record';
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
   * `.promise()`). Never re-created; `close()` leaves it open. Set `connectTimeout`.
   */
  client: MysqlQueryable | MysqlCallbackClient;
  /** Table name, optionally `database.table`; letters, digits and `_` only. @default 'hooklatch_dedupe' */
  table?: string;
  /** Prepended to every key, so several consumers can share one table. @default '' */
  prefix?: string;
  /**
   * Longest wait for one statement (mysql2's per-query `timeout`) before it fails with
   * `STORE_UNAVAILABLE`. @default 10000
   */
  queryTimeoutMs?: number;
}

// UTC_TIMESTAMP is fixed for the whole statement; the arithmetic ignores the session time zone.
const NOW = "(TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', UTC_TIMESTAMP(6)) DIV 1000)";
const SELECT_COLUMNS = `${COLUMNS.join(', ')}, CAST(result AS CHAR) AS result`;

// True when this statement's claim owns the row: either the token assignment (first in the list)
// already wrote our token, or the old row is expired / holds an expired lease. Stated both ways
// so it reads the same whether the server applies assignments left to right (MySQL, MariaDB)
// or simultaneously (MariaDB's SIMULTANEOUS_ASSIGNMENT mode).
const TAKE = `(token = VALUES(token) OR expires_at <= VALUES(created_at)
  OR (state = 'in_flight' AND lease_expires_at <= VALUES(created_at)))`;

function toQueryable(client: unknown): MysqlQueryable {
  const c = client as Partial<MysqlQueryable & MysqlCallbackClient> | null;
  if (typeof c?.promise === 'function') return c.promise();
  if (typeof c?.query === 'function') return c as MysqlQueryable;
  throw new ConfigurationError('CONFIG_INVALID', 'mysqlStore needs a mysql2 Pool or Connection.', {
    details: { option: 'client' },
  });
}

async function execute(
  client: MysqlQueryable,
  { text, params }: Query,
  timeout: number,
): Promise<ExecResult> {
  const [result] = await client.query({ sql: text, values: params, timeout });
  if (Array.isArray(result)) return { rows: result as Record<string, unknown>[], affected: 0 };
  return { rows: [], affected: (result as { affectedRows?: number }).affectedRows ?? 0 };
}

function mysqlDialect(client: MysqlQueryable, t: string, timeout: number): Dialect {
  return {
    name: 'mysql',
    exec: (query, tx) => execute(tx === undefined ? client : toQueryable(tx), query, timeout),
    isRetryable: (error) => (error as { errno?: number } | null)?.errno === 1213,
    claim: ({ key, token, leaseMs, ttlMs }) => ({
      // One statement: InnoDB locks the duplicate row, then every column keeps its old value
      // unless TAKE holds. Which caller won is read back by token (mysql2 sets CLIENT_FOUND_ROWS,
      // so affected rows cannot tell "inserted" from "left alone").
      text: `INSERT INTO ${t}
          (dedupe_key, state, token, lease_expires_at, expires_at, claims, created_at)
        VALUES (?, 'in_flight', ?, ${NOW} + ?, ${NOW} + ?, 1, ${NOW})
        ON DUPLICATE KEY UPDATE
          claims = IF(${TAKE}, IF(expires_at <= VALUES(created_at), 1, claims + 1), claims),
          created_at = IF(${TAKE} AND expires_at <= VALUES(created_at),
            VALUES(created_at), created_at),
          result = IF(${TAKE}, NULL, result),
          completed_at = IF(${TAKE}, NULL, completed_at),
          token = IF(${TAKE}, VALUES(token), token),
          state = IF(${TAKE}, 'in_flight', state),
          lease_expires_at = IF(${TAKE}, VALUES(lease_expires_at), lease_expires_at),
          expires_at = IF(${TAKE}, VALUES(expires_at), expires_at)`,
      params: [key, token, leaseMs, ttlMs],
    }),
    complete: ({ key, token, ttlMs, result }) => ({
      text: `UPDATE ${t} SET state = 'completed', completed_at = ${NOW},
          expires_at = ${NOW} + ?, result = ?
        WHERE dedupe_key = ? AND token = ? AND state = 'in_flight' AND expires_at > ${NOW}`,
      params: [ttlMs, result, key, token],
    }),
    release: (key, token) => ({
      text: `DELETE FROM ${t}
        WHERE dedupe_key = ? AND token = ? AND state = 'in_flight' AND expires_at > ${NOW}`,
      params: [key, token],
    }),
    get: (key) => ({
      text: `SELECT ${SELECT_COLUMNS} FROM ${t} WHERE dedupe_key = ? AND expires_at > ${NOW}`,
      params: [key],
    }),
    remove: (key) => ({
      text: `DELETE FROM ${t} WHERE dedupe_key = ? AND expires_at > ${NOW}`,
      params: [key],
    }),
    list: (prefix, limit) => ({
      text: `SELECT ${SELECT_COLUMNS} FROM ${t}
        WHERE dedupe_key LIKE ? ESCAPE '!' AND expires_at > ${NOW}
        ORDER BY dedupe_key LIMIT ?`,
      params: [likePrefix(prefix), limit],
    }),
    purge: (batchSize) => ({
      text: `DELETE FROM ${t} WHERE expires_at <= ${NOW} ORDER BY expires_at LIMIT ?`,
      params: [batchSize],
    }),
    schema: () => [
      {
        // Binary collation: keys are case-sensitive, like every other store.
        text: `CREATE TABLE IF NOT EXISTS ${t} (
          dedupe_key VARCHAR(512) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
          state VARCHAR(16) CHARACTER SET ascii NOT NULL,
          token VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
          lease_expires_at BIGINT NOT NULL,
          expires_at BIGINT NOT NULL,
          result JSON NULL,
          claims INT NOT NULL DEFAULT 1,
          created_at BIGINT NOT NULL,
          completed_at BIGINT NULL,
          PRIMARY KEY (dedupe_key),
          KEY ${expiryIndexName(t)} (expires_at)
        ) ENGINE = InnoDB`,
        params: [],
      },
    ],
  };
}

/**
 * Create a MySQL / MariaDB dedupe store. `complete(key, token, { tx })` accepts the mysql2
 * connection on which your transaction is open.
 */
export function mysqlStore(options: MysqlStoreOptions): SqlDedupeStore {
  const table = validateTableName(options.table ?? DEFAULT_TABLE);
  const client = toQueryable(options.client);
  const dialect = mysqlDialect(client, table, options.queryTimeoutMs ?? 10_000);
  return createSqlStore(dialect, table, options.prefix ?? '');
}
