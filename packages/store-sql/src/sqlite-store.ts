/**
 * SQLite dedupe store over `better-sqlite3`. SQLite is embedded, so "the server's clock" is this
 * machine's clock, which every process sharing the database file also reads.
 */
import { ConfigurationError } from '@hooklatch/core';
import type BetterSqlite3 from 'better-sqlite3';
import type { Dialect, ExecResult, Query } from './dialect';
import { DEFAULT_TABLE, expiryIndexName, validateTableName } from './identifier';
import { COLUMNS } from './record';
import { createSqlStore, type SqlDedupeStore } from './sql-store';

type Database = BetterSqlite3.Database;

/** Options of {@link sqliteStore}: pass an open database or a file path. */
export interface SqliteStoreOptions {
  /** Your open better-sqlite3 Database. Used as is; `close()` leaves it open. */
  database?: Database;
  /**
   * A database file the store opens itself (in WAL mode, with `busyTimeoutMs`) and closes on
   * `close()`. Ignored when `database` is given.
   */
  filename?: string;
  /**
   * How long a statement waits for another process's write lock before failing with
   * `STORE_UNAVAILABLE`. Only applied to a database the store opens. @default 5000
   */
  busyTimeoutMs?: number;
  /** Table name; letters, digits and `_` only. @default 'hooklatch_dedupe' */
  table?: string;
  /** Prepended to every key, so several consumers can share one table. @default '' */
  prefix?: string;
}

const SELECT_COLUMNS = `${COLUMNS.join(', ')}, result`;

type Statements = Map<string, BetterSqlite3.Statement>;

function execute(db: Database, query: Query, cache?: Statements): ExecResult {
  let statement = cache?.get(query.text);
  if (!statement) {
    statement = db.prepare(query.text);
    cache?.set(query.text, statement);
  }
  if (statement.reader) {
    return { rows: statement.all(...query.params) as Record<string, unknown>[], affected: 0 };
  }
  return { rows: [], affected: statement.run(...query.params).changes };
}

function sqliteDialect(t: string, opened: Database | (() => Promise<Database>)) {
  // Prepared statements are cached for the store's own database only.
  const cache: Statements = new Map();
  let db = typeof opened === 'function' ? undefined : opened;
  const owned = typeof opened === 'function';
  let opening: Promise<Database> | undefined;
  const dialect: Dialect = {
    name: 'sqlite',
    // Synchronous when the database is already open, so a call inside `db.transaction(fn)`
    // runs inside that transaction.
    async exec(query, tx): Promise<ExecResult> {
      if (tx !== undefined) return execute(tx as Database, query, tx === db ? cache : undefined);
      if (!db && typeof opened === 'function') {
        opening ??= opened();
        db = await opening;
      }
      return execute(db as Database, query, cache);
    },
    claim: ({ key, token, leaseMs, ttlMs }) => ({
      // One statement under SQLite's write lock: insert, or take over an expired record or
      // lease; RETURNING yields the row only when this call wrote it.
      text: `INSERT INTO ${t}
          (dedupe_key, state, token, lease_expires_at, expires_at, claims, created_at)
        VALUES (@key, 'in_flight', @token, @now + @lease, @now + @ttl, 1, @now)
        ON CONFLICT (dedupe_key) DO UPDATE SET
          state = 'in_flight',
          token = excluded.token,
          lease_expires_at = excluded.lease_expires_at,
          claims = CASE WHEN expires_at <= excluded.created_at THEN 1 ELSE claims + 1 END,
          created_at = CASE WHEN expires_at <= excluded.created_at
            THEN excluded.created_at ELSE created_at END,
          result = NULL,
          completed_at = NULL,
          expires_at = excluded.expires_at
        WHERE expires_at <= excluded.created_at
          OR (state = 'in_flight' AND lease_expires_at <= excluded.created_at)
        RETURNING ${SELECT_COLUMNS}`,
      params: [{ key, token, now: Date.now(), lease: leaseMs, ttl: ttlMs }],
    }),
    complete: ({ key, token, ttlMs, result }) => ({
      text: `UPDATE ${t} SET state = 'completed', completed_at = @now,
          expires_at = @now + @ttl, result = @result
        WHERE dedupe_key = @key AND token = @token AND state = 'in_flight' AND expires_at > @now`,
      params: [{ key, token, ttl: ttlMs, result, now: Date.now() }],
    }),
    release: (key, token) => ({
      text: `DELETE FROM ${t} WHERE dedupe_key = @key AND token = @token
          AND state = 'in_flight' AND expires_at > @now`,
      params: [{ key, token, now: Date.now() }],
    }),
    get: (key) => ({
      text: `SELECT ${SELECT_COLUMNS} FROM ${t} WHERE dedupe_key = @key AND expires_at > @now`,
      params: [{ key, now: Date.now() }],
    }),
    remove: (key) => ({
      text: `DELETE FROM ${t} WHERE dedupe_key = @key AND expires_at > @now`,
      params: [{ key, now: Date.now() }],
    }),
    list: (prefix, limit) => ({
      // substr, not LIKE: SQLite's LIKE ignores ASCII case, keys do not.
      text: `SELECT ${SELECT_COLUMNS} FROM ${t}
        WHERE substr(dedupe_key, 1, length(@prefix)) = @prefix AND expires_at > @now
        ORDER BY dedupe_key LIMIT @limit`,
      params: [{ prefix, limit, now: Date.now() }],
    }),
    purge: (batchSize) => ({
      text: `DELETE FROM ${t} WHERE rowid IN (
          SELECT rowid FROM ${t} WHERE expires_at <= @now ORDER BY expires_at LIMIT @limit)`,
      params: [{ now: Date.now(), limit: batchSize }],
    }),
    schema: () => {
      // SQLite qualifies the index name, not the indexed table, with the schema.
      const [schema, name] = t.includes('.') ? t.split('.') : [undefined, t];
      const index = schema ? `${schema}.${expiryIndexName(t)}` : expiryIndexName(t);
      return [
        {
          text: `CREATE TABLE IF NOT EXISTS ${t} (
            dedupe_key TEXT NOT NULL PRIMARY KEY,
            state TEXT NOT NULL CHECK (state IN ('in_flight', 'completed')),
            token TEXT NOT NULL,
            lease_expires_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL,
            result TEXT,
            claims INTEGER NOT NULL DEFAULT 1,
            created_at INTEGER NOT NULL,
            completed_at INTEGER
          )`,
          params: [],
        },
        { text: `CREATE INDEX IF NOT EXISTS ${index} ON ${name} (expires_at)`, params: [] },
      ];
    },
    async close() {
      if (owned && db?.open) db.close();
    },
  };
  return dialect;
}

async function openFile(filename: string, busyTimeoutMs: number): Promise<Database> {
  // Loaded on demand: better-sqlite3 is an optional peer dependency.
  const { default: Sqlite } = await import('better-sqlite3');
  const db = new Sqlite(filename, { timeout: busyTimeoutMs });
  db.pragma('journal_mode = WAL');
  return db;
}

/**
 * Create a SQLite dedupe store. `complete(key, token, { tx: db })` called inside
 * `db.transaction(fn)` runs its UPDATE inside that transaction (before the call returns).
 */
export function sqliteStore(options: SqliteStoreOptions): SqlDedupeStore {
  const table = validateTableName(options.table ?? DEFAULT_TABLE);
  const { database, filename } = options;
  if (!database && !filename) {
    throw new ConfigurationError('CONFIG_INVALID', 'sqliteStore needs `database` or `filename`.', {
      details: { option: 'database' },
    });
  }
  const dialect = sqliteDialect(
    table,
    database ?? (() => openFile(filename as string, options.busyTimeoutMs ?? 5000)),
  );
  return createSqlStore(dialect, table, options.prefix ?? '');
}
