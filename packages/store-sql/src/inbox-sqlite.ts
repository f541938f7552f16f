/**
 * `sqliteInbox`: the embedded default inbox, over `better-sqlite3`. Writers are serialized by
 * SQLite's write lock, so a claim is one `UPDATE ... WHERE rowid IN (SELECT ... LIMIT n)
 * RETURNING` statement: no two processes sharing the file can claim one entry. A file the inbox
 * opens runs in WAL mode with `synchronous = FULL`, so an entry is on disk before `enqueue`
 * resolves (and the receiver answers 2xx).
 */
import { ConfigurationError, StoreUnavailableError } from '@hooklatch/core';
import type BetterSqlite3 from 'better-sqlite3';
import type { ExecResult } from './dialect';
import { validateTableName } from './identifier';
import { inboxTableDdl, readyIndexName } from './inbox-ddl';
import { DEFAULT_INBOX_TABLE, type SqlInboxOptions, sqlInboxSettings } from './inbox-options';
import { type Fragment, render, sql } from './inbox-query';
import { createSqlInbox, type InboxDialect, type SqlInbox } from './inbox-sql-store';
import { claimSet, FULL, readyWhere } from './inbox-statements';
import { invalidTx } from './options';
import { SQLITE_NOW } from './sqlite-sql';

type Database = BetterSqlite3.Database;

/** Options of {@link sqliteInbox}: an open database or a file path. */
export interface SqliteInboxOptions extends SqlInboxOptions {
  /** Your open better-sqlite3 Database. Used as is; `close()` leaves it open. */
  database?: Database;
  /**
   * A database file the inbox opens itself (WAL, `synchronous = FULL`, `timeoutMs` as its busy
   * timeout) and closes on `close()`. Ignored when `database` is given.
   */
  filename?: string;
}

const TYPES = {
  key: 'TEXT',
  short: 'TEXT',
  long: 'TEXT',
  blob: 'BLOB',
  bigint: 'INTEGER',
  int: 'INTEGER',
};

/** The DDL of the inbox table `t`: the table, then its ready index. */
export function sqliteInboxDdl(t: string): string[] {
  const [schema, name] = t.includes('.') ? t.split('.') : [undefined, t];
  const index = schema ? `${schema}.${readyIndexName(t)}` : readyIndexName(t);
  return [
    inboxTableDdl(t, TYPES),
    `CREATE INDEX IF NOT EXISTS ${index} ON ${name} (queue, available_at)`,
  ];
}

/**
 * The inbox DDL for `table`, for migration tools that keep their own SQL files; `createSchema()`
 * runs the same statements. @param table @default 'hooklatch_inbox'
 */
export function sqliteInboxSchemaSql(table = DEFAULT_INBOX_TABLE): string {
  return sqliteInboxDdl(validateTableName(table, 'inbox'))
    .map((statement) => `${statement};\n`)
    .join('');
}

const flavor = {
  now: SQLITE_NOW,
  insertSuffix: 'ON CONFLICT (queue, entry_key) DO NOTHING',
  limitedUpdate: (t: string, set: Fragment, where: Fragment, limit: number) =>
    sql`UPDATE ${t} SET ${set} WHERE rowid IN (
      SELECT rowid FROM ${t} WHERE ${where} ORDER BY available_at LIMIT ${String(limit)})`,
  limitedDelete: (t: string, where: Fragment, limit: number) =>
    sql`DELETE FROM ${t} WHERE rowid IN (
      SELECT rowid FROM ${t} WHERE ${where} LIMIT ${String(limit)})`,
};

type Statements = Map<string, BetterSqlite3.Statement>;
/** Statement texts vary only with the provider-list length: a small, bounded set. */
const MAX_CACHED = 256;

function execute(db: Database, text: string, params: unknown[], cache: Statements): ExecResult {
  if (!db.open) {
    throw new StoreUnavailableError('The sqlite inbox is closed.', {
      details: { store: 'sqlite' },
    });
  }
  let statement = cache.get(text);
  if (!statement) {
    statement = db.prepare(text);
    if (cache.size < MAX_CACHED) cache.set(text, statement);
  }
  if (statement.reader) {
    const rows = statement.all(...params) as Record<string, unknown>[];
    return { rows, affected: rows.length };
  }
  return { rows: [], affected: statement.run(...params).changes };
}

async function openFile(filename: string, timeoutMs: number): Promise<Database> {
  const { default: Sqlite } = await import('better-sqlite3');
  const db = new Sqlite(filename, { timeout: timeoutMs });
  db.pragma('journal_mode = WAL');
  // Acknowledged means on disk: an entry must survive a power cut once the sender got its 2xx.
  db.pragma('synchronous = FULL');
  return db;
}

function sqliteDialect(t: string, given: Database | undefined, open: () => Promise<Database>) {
  let db = given;
  const cache: Statements = new Map();
  let opening: Promise<Database> | undefined;
  const database = async (): Promise<Database> => {
    if (db) return db;
    opening ??= open().catch((error: unknown) => {
      opening = undefined; // a later call tries again
      throw error;
    });
    db = await opening;
    return db;
  };
  const dialect: InboxDialect = {
    name: 'sqlite',
    style: 'question',
    flavor,
    async exec(query) {
      return execute(await database(), query.text, query.params, cache);
    },
    // Synchronous: inside `db.transaction(fn)` the statement must run before `fn` returns.
    inTransaction(tx, query) {
      if (typeof (tx as Partial<Database> | null)?.prepare !== 'function') {
        throw invalidTx('the better-sqlite3 Database your transaction runs on');
      }
      // Statements of another connection are not cached: they belong to that connection.
      const statements = tx === db ? cache : new Map();
      return execute(tx as Database, query.text, query.params, statements);
    },
    async claim(input) {
      const statement = sql`UPDATE ${t} SET ${claimSet(SQLITE_NOW, input.token, input.leaseMs)}
        WHERE rowid IN (SELECT rowid FROM ${t}
          WHERE ${readyWhere(SQLITE_NOW, input.queue, input.providers)}
          ORDER BY available_at LIMIT ${String(input.limit)})
        RETURNING ${FULL}`;
      const query = render(statement, 'question');
      return execute(await database(), query.text, query.params, cache).rows;
    },
    async createSchema() {
      const handle = await database();
      // IMMEDIATE: processes sharing the file create it one at a time.
      handle
        .transaction(() => {
          for (const statement of sqliteInboxDdl(t)) handle.exec(statement);
        })
        .immediate();
    },
    async close() {
      if (!given && db?.open) db.close();
    },
  };
  return dialect;
}

/**
 * Create a SQLite inbox. Call `createSchema()` once (it is idempotent) before the first use.
 *
 * @example
 * const inbox = sqliteInbox({ filename: './data/inbox.db' });
 * await inbox.createSchema();
 */
export function sqliteInbox(options: SqliteInboxOptions): SqlInbox {
  const { database, filename } = options ?? {};
  if (!database && typeof filename !== 'string') {
    throw new ConfigurationError('CONFIG_INVALID', 'sqliteInbox needs `database` or `filename`.', {
      details: { option: 'database' },
    });
  }
  const settings = sqlInboxSettings('sqlite', options);
  const dialect = sqliteDialect(settings.table, database, () =>
    openFile(filename as string, settings.timeoutMs),
  );
  return createSqlInbox(dialect, settings);
}
