/**
 * SQLite dedupe store over `better-sqlite3`. The statements live in sqlite-sql.ts; this file
 * opens (or borrows) the database and runs them. better-sqlite3 runs a statement synchronously,
 * so the only wait inside one is SQLite's busy wait for another connection's write lock: that
 * is what `timeoutMs` bounds for a database the store opens.
 */
import { ConfigurationError, StoreUnavailableError } from '@hooklatch/core';
import type BetterSqlite3 from 'better-sqlite3';
import type { Dialect, ExecResult, Query } from './dialect';
import { DEFAULT_TABLE, validateTableName } from './identifier';
import { invalidTx, sqlSettings } from './options';
import { createSqlStore, type SqlDedupeStore } from './sql-store';
import { openSqliteFile } from './sqlite-open';
import { createSqliteSchema, sqliteStatements } from './sqlite-sql';

type Database = BetterSqlite3.Database;

/** Options of {@link sqliteStore}: pass an open database or a file path. */
export interface SqliteStoreOptions {
  /** Your open better-sqlite3 Database. Used as is; `close()` leaves it open. */
  database?: Database;
  /**
   * A database file the store opens itself (in WAL mode, with `timeoutMs` as its busy timeout)
   * and closes on `close()`. Ignored when `database` is given.
   */
  filename?: string;
  /**
   * Longest wait for one store call before it fails with `STORE_UNAVAILABLE`. For a file the
   * store opens this is SQLite's busy timeout (the wait for another process's write lock);
   * your own `Database` keeps the `timeout` you opened it with. (Named `busyTimeoutMs` before
   * 0.2.) @default 5000
   */
  timeoutMs?: number;
  /** Table name; letters, digits and `_` only. @default 'hooklatch_dedupe' */
  table?: string;
  /**
   * Prepended to every stored key, so several consumers can share one table: printable ASCII,
   * no spaces, at most 55 characters. The same option and default on every hooklatch store.
   * 0.1 stored keys without a prefix: pass `prefix: ''` to keep finding those rows.
   * @default 'hooklatch:'
   */
  prefix?: string;
}

type Statements = Map<string, BetterSqlite3.Statement>;

function execute(db: Database, query: Query, cache?: Statements): ExecResult {
  // better-sqlite3 throws a TypeError on a closed database; a closed store is not answering.
  if (!db.open) {
    throw new StoreUnavailableError('The sqlite dedupe store is closed.', {
      details: { store: 'sqlite' },
    });
  }
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

function sqliteDialect(t: string, opened: Database | (() => Promise<Database>)): Dialect {
  // Prepared statements are cached for the store's own database only.
  const cache: Statements = new Map();
  let db = typeof opened === 'function' ? undefined : opened;
  const owned = typeof opened === 'function';
  let opening: Promise<Database> | undefined;
  const database = async (): Promise<Database> => {
    if (db) return db;
    opening ??= (opened as () => Promise<Database>)().catch((error: unknown) => {
      opening = undefined; // a later call tries again
      throw error;
    });
    db = await opening;
    return db;
  };
  return {
    name: 'sqlite',
    // Synchronous when the database is already open, so a call inside `db.transaction(fn)`
    // runs inside that transaction.
    async exec(query, tx): Promise<ExecResult> {
      if (tx !== undefined) {
        if (typeof (tx as Partial<Database> | null)?.prepare !== 'function') {
          throw invalidTx('the better-sqlite3 Database your transaction runs on');
        }
        return execute(tx as Database, query, tx === db ? cache : undefined);
      }
      return execute(db ?? (await database()), query, cache);
    },
    ...sqliteStatements(t),
    async createSchema() {
      createSqliteSchema(await database(), t);
    },
    async close() {
      if (owned && db?.open) db.close();
    },
  };
}

/**
 * Create a SQLite dedupe store. `complete(key, token, { tx: db })` called inside
 * `db.transaction(fn)` runs its UPDATE inside that transaction (before the call returns);
 * `true` then means "marked when your transaction commits".
 */
export function sqliteStore(options: SqliteStoreOptions): SqlDedupeStore {
  const table = validateTableName(options?.table ?? DEFAULT_TABLE);
  const { database, filename } = options ?? {};
  if (!database && !filename) {
    throw new ConfigurationError('CONFIG_INVALID', 'sqliteStore needs `database` or `filename`.', {
      details: { option: 'database' },
    });
  }
  const { prefix, timeoutMs } = sqlSettings('sqlite', options, 'busyTimeoutMs');
  const dialect = sqliteDialect(
    table,
    database ?? (() => openSqliteFile(filename as string, timeoutMs)),
  );
  return createSqlStore(dialect, { table, prefix, timeoutMs });
}
