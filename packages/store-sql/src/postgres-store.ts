/**
 * PostgreSQL dedupe store over `pg` (Pool, Client or a pool client) or postgres.js (`sql`).
 * Times are epoch milliseconds taken from the server's clock, so app servers with skewed clocks
 * agree on when a lease ends.
 */
import { ConfigurationError } from '@hooklatch/core';
import type { Dialect, ExecResult, Query } from './dialect';
import { DEFAULT_TABLE, expiryIndexName, likePrefix, validateTableName } from './identifier';
import { COLUMNS } from './record';
import { createSqlStore, type SqlDedupeStore } from './sql-store';

/** The part of a `pg` Pool, Client or PoolClient the store uses. */
export interface PgQueryable {
  query(text: string, params?: unknown[]): Promise<{ rows: unknown[]; rowCount: number | null }>;
}

/** The part of a postgres.js `sql` instance (or a transaction's `sql`) the store uses. */
export interface PostgresJsSql {
  unsafe(text: string, params?: unknown[]): PromiseLike<unknown[] & { count?: number | null }>;
}

/** Options of {@link postgresStore}. */
export interface PostgresStoreOptions {
  /**
   * Your `pg` Pool / Client, or your postgres.js `sql`. It is used as is, never re-created, and
   * `close()` leaves it open. Set bounded timeouts on it (see docs/stores/postgres.md).
   */
  client: PgQueryable | PostgresJsSql;
  /** Table name, optionally schema-qualified; letters, digits and `_` only. @default 'hooklatch_dedupe' */
  table?: string;
  /** Prepended to every key, so several consumers can share one table. @default '' */
  prefix?: string;
}

// statement_timestamp() is the server's clock, fixed for the whole statement.
const NOW = '(extract(epoch from statement_timestamp()) * 1000)::bigint';
const SELECT_COLUMNS = `${COLUMNS.join(', ')}, result::text AS result`;

function isPostgresJs(client: unknown): client is PostgresJsSql {
  return typeof (client as PostgresJsSql | null)?.unsafe === 'function';
}

async function execute(client: unknown, { text, params }: Query): Promise<ExecResult> {
  if (isPostgresJs(client)) {
    const rows = (await client.unsafe(text, params)) as unknown[] & { count?: number | null };
    return { rows: [...rows] as Record<string, unknown>[], affected: rows.count ?? rows.length };
  }
  const result = await (client as PgQueryable).query(text, params);
  return { rows: result.rows as Record<string, unknown>[], affected: result.rowCount ?? 0 };
}

function postgresDialect(client: unknown, t: string): Dialect {
  return {
    name: 'postgres',
    exec: (query, tx) => execute(tx ?? client, query),
    claim: ({ key, token, leaseMs, ttlMs }) => ({
      // excluded.created_at is this statement's "now"; the WHERE lets the update through only
      // for an expired record or an in-flight row whose lease ended. Under the row lock taken by
      // ON CONFLICT, exactly one of any set of concurrent callers writes its token.
      text: `INSERT INTO ${t} AS d
          (dedupe_key, state, token, lease_expires_at, expires_at, claims, created_at)
        VALUES ($1, 'in_flight', $2, ${NOW} + $3::bigint, ${NOW} + $4::bigint, 1, ${NOW})
        ON CONFLICT (dedupe_key) DO UPDATE SET
          state = 'in_flight',
          token = excluded.token,
          lease_expires_at = excluded.lease_expires_at,
          expires_at = excluded.expires_at,
          claims = CASE WHEN d.expires_at <= excluded.created_at THEN 1 ELSE d.claims + 1 END,
          created_at = CASE WHEN d.expires_at <= excluded.created_at
            THEN excluded.created_at ELSE d.created_at END,
          result = NULL,
          completed_at = NULL
        WHERE d.expires_at <= excluded.created_at
          OR (d.state = 'in_flight' AND d.lease_expires_at <= excluded.created_at)
        RETURNING ${SELECT_COLUMNS}`,
      params: [key, token, leaseMs, ttlMs],
    }),
    complete: ({ key, token, ttlMs, result }) => ({
      text: `UPDATE ${t} SET state = 'completed', completed_at = ${NOW},
          expires_at = ${NOW} + $3::bigint, result = $4::text::jsonb
        WHERE dedupe_key = $1 AND token = $2 AND state = 'in_flight' AND expires_at > ${NOW}`,
      params: [key, token, ttlMs, result],
    }),
    release: (key, token) => ({
      text: `DELETE FROM ${t}
        WHERE dedupe_key = $1 AND token = $2 AND state = 'in_flight' AND expires_at > ${NOW}`,
      params: [key, token],
    }),
    get: (key) => ({
      text: `SELECT ${SELECT_COLUMNS} FROM ${t} WHERE dedupe_key = $1 AND expires_at > ${NOW}`,
      params: [key],
    }),
    remove: (key) => ({
      text: `DELETE FROM ${t} WHERE dedupe_key = $1 AND expires_at > ${NOW}`,
      params: [key],
    }),
    list: (prefix, limit) => ({
      text: `SELECT ${SELECT_COLUMNS} FROM ${t}
        WHERE dedupe_key LIKE $1 ESCAPE '!' AND expires_at > ${NOW}
        ORDER BY dedupe_key LIMIT $2::integer`,
      params: [likePrefix(prefix), limit],
    }),
    purge: (batchSize) => ({
      // SKIP LOCKED: a row being re-claimed right now is left to that claim.
      text: `DELETE FROM ${t} WHERE dedupe_key IN (
          SELECT dedupe_key FROM ${t} WHERE expires_at <= ${NOW}
          ORDER BY expires_at LIMIT $1::integer FOR UPDATE SKIP LOCKED
        ) AND expires_at <= ${NOW}`,
      params: [batchSize],
    }),
    schema: () => [
      {
        text: `CREATE TABLE IF NOT EXISTS ${t} (
          dedupe_key text PRIMARY KEY,
          state text NOT NULL CHECK (state IN ('in_flight', 'completed')),
          token text NOT NULL,
          lease_expires_at bigint NOT NULL,
          expires_at bigint NOT NULL,
          result jsonb,
          claims integer NOT NULL DEFAULT 1,
          created_at bigint NOT NULL,
          completed_at bigint
        )`,
        params: [],
      },
      {
        text: `CREATE INDEX IF NOT EXISTS ${expiryIndexName(t)} ON ${t} (expires_at)`,
        params: [],
      },
    ],
  };
}

/**
 * Create a PostgreSQL dedupe store. `complete(key, token, { tx })` accepts a `pg` client inside
 * your transaction or the `sql` of a postgres.js `sql.begin(...)`.
 */
export function postgresStore(options: PostgresStoreOptions): SqlDedupeStore {
  const table = validateTableName(options.table ?? DEFAULT_TABLE);
  const client = options.client as Partial<PgQueryable & PostgresJsSql> | null;
  if (typeof client?.unsafe !== 'function' && typeof client?.query !== 'function') {
    throw new ConfigurationError(
      'CONFIG_INVALID',
      'postgresStore needs a pg or postgres.js client.',
      {
        details: { option: 'client' },
      },
    );
  }
  return createSqlStore(postgresDialect(options.client, table), table, options.prefix ?? '');
}
