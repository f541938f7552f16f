/**
 * SQLite statements of the dedupe store. Time is SQL's own clock (`julianday('now')`, the same
 * for a whole statement), never a `Date.now()` bound from JavaScript: every process sharing the
 * file reads one clock inside the statement that decides, like the server clock of PostgreSQL
 * and MySQL.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { Dialect } from './dialect';
import { DEFAULT_TABLE, expiryIndexName, validateTableName } from './identifier';
import { selectList } from './record';

/** Epoch ms by SQLite's clock (julianday is exact to the ms; 2440587.5 is the Unix epoch). */
export const SQLITE_NOW = "CAST(ROUND((julianday('now') - 2440587.5) * 86400000) AS INTEGER)";
const NOW = SQLITE_NOW;
const SELECT = selectList(NOW, 'result');

/** Columns added by schema v2; a v1 table gets them from createSchema(). */
const V2_COLUMNS = ['key_text', 'digest'];

function parts(t: string): { schema?: string; name: string } {
  const [schema, name] = t.includes('.') ? t.split('.') : [undefined, t];
  return { ...(schema ? { schema } : {}), name: name as string };
}

/** The DDL (schema v2): the table, then its expiry index. */
export function sqliteDdl(t: string): string[] {
  // SQLite qualifies the index name, not the indexed table, with the schema.
  const { schema, name } = parts(t);
  const index = schema ? `${schema}.${expiryIndexName(t)}` : expiryIndexName(t);
  return [
    `CREATE TABLE IF NOT EXISTS ${t} (
  dedupe_key TEXT NOT NULL PRIMARY KEY,
  state TEXT NOT NULL CHECK (state IN ('in_flight', 'completed')),
  token TEXT NOT NULL,
  lease_expires_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  result TEXT,
  claims INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  completed_at INTEGER,
  key_text TEXT,
  digest TEXT
)`,
    `CREATE INDEX IF NOT EXISTS ${index} ON ${name} (expires_at)`,
  ];
}

/**
 * The schema v2 DDL for `table`: the table and its expiry index, the statements of the shipped
 * `sql/sqlite.sql`, for migration tools that keep their own SQL files. `createSchema()` runs the
 * same DDL and also upgrades a v1 table (see `sql/sqlite-upgrade-v2.sql`).
 * @param table letters, digits and `_`, optionally `schema.table`. @default 'hooklatch_dedupe'
 */
export function sqliteSchemaSql(table: string = DEFAULT_TABLE): string {
  return sqliteDdl(validateTableName(table))
    .map((statement) => `${statement};\n`)
    .join('');
}

/**
 * Create or upgrade the table in one IMMEDIATE transaction: it holds the write lock from the
 * start, so processes sharing the file run it one at a time (waiting their busy timeout) and
 * the column check and ALTER cannot interleave.
 */
export function createSqliteSchema(db: BetterSqlite3.Database, t: string): void {
  const { schema, name } = parts(t);
  db.transaction(() => {
    for (const statement of sqliteDdl(t)) db.exec(statement);
    const info = db.prepare(`PRAGMA ${schema ? `${schema}.` : ''}table_info(${name})`).all();
    const present = new Set((info as { name: string }[]).map((c) => c.name.toLowerCase()));
    for (const column of V2_COLUMNS) {
      if (!present.has(column)) db.exec(`ALTER TABLE ${t} ADD COLUMN ${column} TEXT`);
    }
  }).immediate();
}

/** The statements of {@link Dialect} for table `t`. Parameters are named (`@key`). */
export function sqliteStatements(
  t: string,
): Omit<Dialect, 'name' | 'exec' | 'createSchema' | 'close'> {
  return {
    claim: ({ key, keyText, token, leaseMs, ttlMs, digest }) => ({
      // One statement under SQLite's write lock: insert, or take over an expired record or
      // lease; RETURNING yields the row only when this call wrote it.
      text: `INSERT INTO ${t} (dedupe_key, key_text, state, token, lease_expires_at, expires_at,
          claims, created_at, digest)
        VALUES (@key, @keyText, 'in_flight', @token, ${NOW} + @lease, ${NOW} + @ttl, 1, ${NOW},
          @digest)
        ON CONFLICT (dedupe_key) DO UPDATE SET
          key_text = excluded.key_text,
          state = 'in_flight',
          token = excluded.token,
          lease_expires_at = excluded.lease_expires_at,
          claims = CASE WHEN expires_at <= excluded.created_at THEN 1 ELSE claims + 1 END,
          created_at = CASE WHEN expires_at <= excluded.created_at
            THEN excluded.created_at ELSE created_at END,
          result = NULL,
          completed_at = NULL,
          digest = excluded.digest,
          expires_at = excluded.expires_at
        WHERE expires_at <= excluded.created_at
          OR (state = 'in_flight' AND lease_expires_at <= excluded.created_at)
        RETURNING ${SELECT}`,
      params: [{ key, keyText, token, lease: leaseMs, ttl: ttlMs, digest }],
    }),
    extend: ({ key, token, leaseMs }) => ({
      // SQLite evaluates every assignment on the old row, so the order does not matter.
      text: `UPDATE ${t} SET lease_expires_at = ${NOW} + @lease,
          expires_at = max(expires_at, ${NOW} + @lease)
        WHERE dedupe_key = @key AND token = @token AND state = 'in_flight'
          AND lease_expires_at > ${NOW} AND expires_at > ${NOW}`,
      params: [{ key, token, lease: leaseMs }],
    }),
    complete: ({ key, token, ttlMs, result }) => ({
      text: `UPDATE ${t} SET state = 'completed', completed_at = ${NOW},
          expires_at = ${NOW} + @ttl, result = @result
        WHERE dedupe_key = @key AND token = @token AND state = 'in_flight'
          AND expires_at > ${NOW}`,
      params: [{ key, token, ttl: ttlMs, result }],
    }),
    release: (key, token) => ({
      text: `DELETE FROM ${t} WHERE dedupe_key = @key AND token = @token
          AND state = 'in_flight' AND expires_at > ${NOW}`,
      params: [{ key, token }],
    }),
    get: (key) => ({
      text: `SELECT ${SELECT} FROM ${t} WHERE dedupe_key = @key AND expires_at > ${NOW}`,
      params: [{ key }],
    }),
    remove: (key) => ({
      text: `DELETE FROM ${t} WHERE dedupe_key = @key AND expires_at > ${NOW}`,
      params: [{ key }],
    }),
    list: (prefix, limit) => ({
      // substr, not LIKE: SQLite's LIKE ignores ASCII case, keys do not.
      text: `SELECT ${SELECT} FROM ${t}
        WHERE substr(dedupe_key, 1, length(@prefix)) = @prefix AND expires_at > ${NOW}
        ORDER BY dedupe_key LIMIT @limit`,
      params: [{ prefix, limit }],
    }),
    purge: (batchSize) => ({
      text: `DELETE FROM ${t} WHERE rowid IN (
          SELECT rowid FROM ${t} WHERE expires_at <= ${NOW} ORDER BY expires_at LIMIT @limit)`,
      params: [{ limit: batchSize }],
    }),
  };
}
