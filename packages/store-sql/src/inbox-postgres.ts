/**
 * `postgresInbox`: the inbox in PostgreSQL, over `pg` (Pool, Client) or postgres.js (`sql`).
 * A claim is one statement: a CTE picks the oldest ready rows `FOR UPDATE SKIP LOCKED` (rows
 * another claim is taking are skipped, never waited for) and the UPDATE hands them to the new
 * owner, so workers in any number of processes never claim one entry twice.
 */
import { ConfigurationError } from '@hooklatch/core';
import type { ExecResult } from './dialect';
import { validateTableName } from './identifier';
import { inboxTableDdl, readyIndexName } from './inbox-ddl';
import { DEFAULT_INBOX_TABLE, type SqlInboxOptions, sqlInboxSettings } from './inbox-options';
import { type Fragment, type Rendered, render, sql } from './inbox-query';
import { createSqlInbox, type InboxDialect, type SqlInbox } from './inbox-sql-store';
import { claimSet, FULL, readyWhere } from './inbox-statements';
import { checkInTransaction, invalidTx } from './options';
import { PG_NOW } from './postgres-sql';
import type { PgQueryable, PostgresJsSql } from './postgres-store';

/** Options of {@link postgresInbox}. */
export interface PostgresInboxOptions extends SqlInboxOptions {
  /** Your `pg` Pool / Client or postgres.js `sql`; used as is, `close()` leaves it open. */
  client: PgQueryable | PostgresJsSql;
}

const TYPES = {
  key: 'text COLLATE "C"',
  short: 'text',
  long: 'text',
  blob: 'bytea',
  bigint: 'bigint',
  int: 'integer',
};

/** The inbox DDL for `table` (for migration tools); `createSchema()` runs the same. */
export function postgresInboxSchemaSql(table = DEFAULT_INBOX_TABLE): string {
  const t = validateTableName(table, 'inbox');
  return `${inboxTableDdl(t, TYPES)};\n${pgIndexDdl(t)};\n`;
}

function pgIndexDdl(t: string): string {
  return `CREATE INDEX IF NOT EXISTS ${readyIndexName(t)} ON ${t} (queue, available_at)`;
}

/**
 * One DO block under a per-table advisory lock, so replicas booting at once create the table
 * one after another (a plain CREATE TABLE IF NOT EXISTS races on the catalog).
 */
function schemaBlock(t: string): string {
  return `DO $hooklatch$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('hooklatch_inbox_schema:${t}'));
  ${inboxTableDdl(t, TYPES)};
  ${pgIndexDdl(t)};
END
$hooklatch$`;
}

// The outer WHERE repeats the match: PostgreSQL re-checks it on the row version it locks, so a
// row that changed state since the subquery picked it (a replay racing a claim) is left alone.
const flavor = {
  now: PG_NOW,
  insertSuffix: 'ON CONFLICT (queue, entry_key) DO NOTHING',
  limitedUpdate: (t: string, set: Fragment, where: Fragment, limit: number) =>
    sql`UPDATE ${t} SET ${set} WHERE (queue, entry_key) IN (
      SELECT queue, entry_key FROM ${t} WHERE ${where} ORDER BY available_at
      LIMIT ${String(limit)}) AND ${where}`,
  limitedDelete: (t: string, where: Fragment, limit: number) =>
    sql`DELETE FROM ${t} WHERE (queue, entry_key) IN (
      SELECT queue, entry_key FROM ${t} WHERE ${where} LIMIT ${String(limit)}
      FOR UPDATE SKIP LOCKED) AND ${where}`,
};

function isPostgresJs(client: unknown): client is PostgresJsSql {
  return typeof (client as PostgresJsSql | null)?.unsafe === 'function';
}

function executor(client: PgQueryable | PostgresJsSql, timeoutMs: number) {
  return async ({ text, params }: Rendered, signal: AbortSignal): Promise<ExecResult> => {
    if (isPostgresJs(client)) {
      const pending = client.unsafe(text, params);
      // A queued query is dropped, a running one cancelled on the server.
      const cancel = () => {
        Promise.resolve(pending.cancel?.()).catch(() => {});
      };
      signal.addEventListener('abort', cancel, { once: true });
      try {
        const rows = await pending;
        return {
          rows: [...rows] as Record<string, unknown>[],
          affected: rows.count ?? rows.length,
        };
      } finally {
        signal.removeEventListener('abort', cancel);
      }
    }
    // query_timeout: a pg Pool then discards the connection instead of leaving it waiting.
    const result = await client.query({ text, values: params, query_timeout: timeoutMs });
    return { rows: result.rows as Record<string, unknown>[], affected: result.rowCount ?? 0 };
  };
}

/**
 * Create a PostgreSQL inbox. Call `createSchema()` once (idempotent, safe for many replicas).
 *
 * @example
 * const inbox = postgresInbox({ client: pool });
 * await inbox.createSchema();
 */
export function postgresInbox(options: PostgresInboxOptions): SqlInbox {
  const client = options?.client as Partial<PgQueryable & PostgresJsSql> | null | undefined;
  if (typeof client?.unsafe !== 'function' && typeof client?.query !== 'function') {
    throw new ConfigurationError(
      'CONFIG_INVALID',
      'postgresInbox needs `client`: a pg Pool / Client or a postgres.js sql.',
      { details: { option: 'client' } },
    );
  }
  const settings = sqlInboxSettings('postgres', options);
  const t = settings.table;
  const exec = executor(client as PgQueryable | PostgresJsSql, settings.timeoutMs);
  const dialect: InboxDialect = {
    name: 'postgres',
    style: 'pg',
    flavor,
    exec,
    inTransaction(tx, query) {
      if (!isPostgresJs(tx) && typeof (tx as PgQueryable | null)?.query !== 'function') {
        throw invalidTx('a pg client inside your transaction or the sql of sql.begin()');
      }
      checkInTransaction(tx);
      // The caller's transaction has no deadline of ours: a pg client still gets query_timeout.
      const client = tx as PgQueryable | PostgresJsSql;
      return executor(client, settings.timeoutMs)(query, new AbortController().signal);
    },
    async claim(input, signal) {
      const statement = sql`WITH picked AS (
          SELECT queue AS picked_queue, entry_key AS picked_key FROM ${t}
          WHERE ${readyWhere(PG_NOW, input.queue, input.providers)}
          ORDER BY available_at LIMIT ${String(input.limit)}
          FOR UPDATE SKIP LOCKED)
        UPDATE ${t} SET ${claimSet(PG_NOW, input.token, input.leaseMs)}
        FROM picked WHERE queue = picked_queue AND entry_key = picked_key
        RETURNING ${FULL}`;
      return (await exec(render(statement, 'pg'), signal)).rows;
    },
    async createSchema(signal) {
      await exec({ text: schemaBlock(t), params: [] }, signal);
    },
  };
  return createSqlInbox(dialect, settings);
}
