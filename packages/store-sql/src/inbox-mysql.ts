/**
 * `mysqlInbox`: the inbox in MySQL 8+ or MariaDB 10.6+ (both have `SKIP LOCKED`), over a
 * `mysql2` pool. MySQL has no `UPDATE ... RETURNING`, so a claim is one short transaction on a
 * pooled connection: pick the oldest ready rows `FOR UPDATE SKIP LOCKED`, hand them to the new
 * owner, read them back by token, commit. Every other call is one statement.
 */
import { ConfigurationError } from '@hooklatch/core';
import type { ExecResult } from './dialect';
import { validateTableName } from './identifier';
import { inboxTableDdl, readyIndexName } from './inbox-ddl';
import { DEFAULT_INBOX_TABLE, type SqlInboxOptions, sqlInboxSettings } from './inbox-options';
import { type Fragment, render, sql, text, textList } from './inbox-query';
import { createSqlInbox, type InboxDialect, type SqlInbox } from './inbox-sql-store';
import { claimSet, FULL, readyWhere } from './inbox-statements';
import { checkInTransaction, invalidTx } from './options';

/** A connection of a `mysql2/promise` pool. */
export interface MysqlInboxConnection {
  query(options: { sql: string; values?: unknown; timeout?: number }): Promise<[unknown, unknown]>;
  release(): void;
  destroy?(): void;
}

/** The part of a `mysql2/promise` Pool the inbox uses (claims need a connection of their own). */
export interface MysqlInboxPool {
  query(options: { sql: string; values?: unknown; timeout?: number }): Promise<[unknown, unknown]>;
  getConnection(): Promise<MysqlInboxConnection>;
}

/** Options of {@link mysqlInbox}. */
export interface MysqlInboxOptions extends SqlInboxOptions {
  /** Your `mysql2/promise` Pool (or a callback pool, used through `.promise()`); never closed. */
  client: MysqlInboxPool | { promise(): MysqlInboxPool };
}

// UTC_TIMESTAMP is fixed for the whole statement; the arithmetic ignores the session time zone.
const NOW = "(TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', UTC_TIMESTAMP(6)) DIV 1000)";

const TYPES = {
  key: 'VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin',
  short: 'VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin',
  long: 'MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin',
  blob: 'LONGBLOB',
  bigint: 'BIGINT',
  int: 'INT',
};

/** The inbox DDL for `table` (for migration tools); `createSchema()` runs the same. */
export function mysqlInboxSchemaSql(table = DEFAULT_INBOX_TABLE): string {
  return `${ddl(validateTableName(table, 'inbox'))};\n`;
}

function ddl(t: string): string {
  const index = `,\n  KEY ${readyIndexName(t)} (queue, available_at)`;
  return inboxTableDdl(t, TYPES, index, ' ENGINE = InnoDB');
}

const flavor = {
  now: NOW,
  insertSuffix: '',
  limitedUpdate: (t: string, set: Fragment, where: Fragment, limit: number) =>
    sql`UPDATE ${t} SET ${set} WHERE ${where} ORDER BY available_at LIMIT ${String(limit)}`,
  limitedDelete: (t: string, where: Fragment, limit: number) =>
    sql`DELETE FROM ${t} WHERE ${where} LIMIT ${String(limit)}`,
};

// UPDATE reports "Rows matched: N  Changed: M"; matched is what a compare-and-set needs.
const MATCHED = /Rows matched: (\d+)/;

async function run(
  client: Pick<MysqlInboxPool, 'query'>,
  fragment: Fragment | { text: string; params: unknown[] },
  timeout: number,
): Promise<ExecResult> {
  const query = 'parts' in fragment ? render(fragment, 'question') : fragment;
  const [result] = await client.query({ sql: query.text, values: query.params, timeout });
  if (Array.isArray(result))
    return { rows: result as Record<string, unknown>[], affected: result.length };
  const header = result as { affectedRows?: number; info?: string };
  const matched = typeof header.info === 'string' ? MATCHED.exec(header.info) : null;
  return { rows: [], affected: matched ? Number(matched[1]) : (header.affectedRows ?? 0) };
}

function toPool(client: unknown): MysqlInboxPool {
  const c = client as Partial<MysqlInboxPool & { promise(): MysqlInboxPool }> | null | undefined;
  const pool = typeof c?.promise === 'function' ? c.promise() : c;
  if (typeof pool?.query !== 'function' || typeof pool.getConnection !== 'function') {
    throw new ConfigurationError(
      'CONFIG_INVALID',
      'mysqlInbox needs `client`: a mysql2 Pool (claims take a connection of their own).',
      { details: { option: 'client' } },
    );
  }
  return pool as MysqlInboxPool;
}

const errnoOf = (error: unknown) => (error as { errno?: unknown } | null)?.errno;

/**
 * Create a MySQL / MariaDB inbox. Call `createSchema()` once (idempotent).
 *
 * @example
 * const inbox = mysqlInbox({ client: mysql.createPool(url) });
 * await inbox.createSchema();
 */
export function mysqlInbox(options: MysqlInboxOptions): SqlInbox {
  const pool = toPool(options?.client);
  const settings = sqlInboxSettings('mysql', options);
  const { table: t, timeoutMs } = settings;

  /** One claim transaction on a connection of its own; a failed one is destroyed, not reused. */
  const claim: InboxDialect['claim'] = async (input, signal) => {
    const connection = await pool.getConnection();
    let healthy = false;
    try {
      await run(connection, { text: 'START TRANSACTION', params: [] }, timeoutMs);
      const picked = await run(
        connection,
        sql`SELECT entry_key FROM ${t} WHERE ${readyWhere(NOW, input.queue, input.providers)}
          ORDER BY available_at LIMIT ${String(input.limit)} FOR UPDATE SKIP LOCKED`,
        timeoutMs,
      );
      const keys = picked.rows.map((row) => String(row.entry_key));
      let rows: Record<string, unknown>[] = [];
      if (keys.length > 0) {
        const mine = sql`queue = ${text(input.queue)} AND entry_key IN ${textList(keys)}`;
        await run(
          connection,
          sql`UPDATE ${t} SET ${claimSet(NOW, input.token, input.leaseMs)} WHERE ${mine}`,
          timeoutMs,
        );
        rows = (
          await run(
            connection,
            sql`SELECT ${FULL} FROM ${t} WHERE ${mine} AND token = ${text(input.token)}`,
            timeoutMs,
          )
        ).rows;
      }
      if (signal.aborted) throw new Error('the claim ran out of time');
      await run(connection, { text: 'COMMIT', params: [] }, timeoutMs);
      healthy = true;
      return rows;
    } finally {
      if (healthy) connection.release();
      // Rolled back by the server when the connection goes; never back into the pool mid-transaction.
      else if (connection.destroy) connection.destroy();
      else connection.release();
    }
  };

  const dialect: InboxDialect = {
    name: 'mysql',
    style: 'question',
    flavor,
    exec: (query) => run(pool, query, timeoutMs),
    inTransaction(tx, query) {
      checkInTransaction(tx);
      const given = tx as Partial<MysqlInboxPool & { promise(): MysqlInboxPool }> | null;
      const connection = typeof given?.promise === 'function' ? given.promise() : given;
      if (typeof connection?.query !== 'function') {
        throw invalidTx('the mysql2 connection your transaction runs on');
      }
      return run(connection as Pick<MysqlInboxPool, 'query'>, query, timeoutMs);
    },
    claim,
    async createSchema() {
      await run(pool, { text: ddl(t), params: [] }, timeoutMs).catch((error: unknown) => {
        // Another replica created it between IF NOT EXISTS and CREATE.
        if (errnoOf(error) !== 1050) throw error;
      });
    },
    isDuplicate: (error) => errnoOf(error) === 1062,
    isRetryable: (error) => errnoOf(error) === 1213,
  };
  return createSqlInbox(dialect, settings);
}
