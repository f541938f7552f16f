/**
 * MySQL / MariaDB statements of the dedupe store. Times are epoch milliseconds from the server's
 * UTC clock (independent of the session time zone), so app servers with skewed clocks agree.
 */
import type { Dialect, Runner } from './dialect';
import { DEFAULT_TABLE, expiryIndexName, likePrefix, validateTableName } from './identifier';
import { selectList } from './record';

// UTC_TIMESTAMP is fixed for the whole statement; the arithmetic ignores the session time zone.
const NOW = "(TIMESTAMPDIFF(MICROSECOND, '1970-01-01 00:00:00', UTC_TIMESTAMP(6)) DIV 1000)";
const SELECT = selectList(NOW, 'CAST(result AS CHAR)');

// True when this statement's claim owns the row: either the token assignment (first in the list)
// already wrote our token, or the old row is expired / holds an expired lease. Stated both ways
// so it reads the same whether the server applies assignments left to right (MySQL, MariaDB)
// or simultaneously (MariaDB's SIMULTANEOUS_ASSIGNMENT mode).
const TAKE = `(token = VALUES(token) OR expires_at <= VALUES(created_at)
  OR (state = 'in_flight' AND lease_expires_at <= VALUES(created_at)))`;

/**
 * The claim's report of a win, packed in the insert ID: lease end * CLAIMS_BASE + claims (0 for
 * a claim count of CLAIMS_BASE or more). A lease end within 100 years of now times 1024 stays
 * below 2^53, so the ID is exact as a JavaScript number. A claim that did not win sets it to 0.
 */
const CLAIMS_BASE = 1024;
const WON = (leaseEnd: string, claims: string) =>
  `LAST_INSERT_ID((${leaseEnd}) * ${CLAIMS_BASE} + ${claims})`;
/** The claim count of a takeover: 1 again for an expired record, one more for an ended lease. */
const NEW_CLAIMS = 'IF(expires_at <= VALUES(created_at), 1, claims + 1)';

/** Columns added by schema v2, with their types; a v1 table gets them from createSchema(). */
const V2_COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['key_text', 'MEDIUMTEXT CHARACTER SET ascii COLLATE ascii_bin NULL'],
  ['digest', 'VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NULL'],
];

/**
 * The table (schema v2). Stored keys are ASCII without spaces (`prefix + storageKey(key)`), so
 * the binary ASCII column keeps any two of them apart, PAD SPACE or not.
 */
export function mysqlTableDdl(t: string): string {
  return `CREATE TABLE IF NOT EXISTS ${t} (
  dedupe_key VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  state VARCHAR(16) CHARACTER SET ascii NOT NULL,
  token VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  lease_expires_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  result JSON NULL,
  claims INT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  completed_at BIGINT NULL,
${V2_COLUMNS.map(([name, type]) => `  ${name} ${type},`).join('\n')}
  PRIMARY KEY (dedupe_key),
  KEY ${expiryIndexName(t)} (expires_at)
) ENGINE = InnoDB`;
}

/**
 * The schema v2 DDL for `table` (the expiry index is inside the table), the statement of the
 * shipped `sql/mysql.sql`, for migration tools that keep their own SQL files. `createSchema()`
 * runs the same DDL and also upgrades a v1 table (see `sql/mysql-upgrade-v2.sql`).
 * @param table letters, digits and `_`, optionally `database.table`. @default 'hooklatch_dedupe'
 */
export function mysqlSchemaSql(table: string = DEFAULT_TABLE): string {
  return `${mysqlTableDdl(validateTableName(table))};\n`;
}

const driverCode = (error: unknown) =>
  (error as { details?: { driverCode?: string } }).details?.driverCode;

/**
 * Idempotent and safe for replicas booting at once: a lost CREATE race (1050) or ADD COLUMN
 * race (1060) means another replica did the work. Columns are looked up first, so an
 * up-to-date table is never ALTERed (an ALTER waits for every open transaction on the table).
 */
async function createSchema(t: string, run: Runner): Promise<void> {
  await run({ text: mysqlTableDdl(t), params: [] }).catch((error: unknown) => {
    if (driverCode(error) !== 'ER_TABLE_EXISTS_ERROR') throw error;
  });
  const [schema, name] = t.includes('.') ? t.split('.') : [null, t];
  const { rows } = await run({
    text: `SELECT COLUMN_NAME AS name FROM information_schema.COLUMNS
      WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?`,
    params: [schema, name],
  });
  const present = new Set(rows.map((row) => String(row.name).toLowerCase()));
  for (const [column, type] of V2_COLUMNS) {
    if (present.has(column)) continue;
    await run({ text: `ALTER TABLE ${t} ADD COLUMN ${column} ${type}`, params: [] }).catch(
      (error: unknown) => {
        if (driverCode(error) !== 'ER_DUP_FIELDNAME') throw error;
      },
    );
  }
}

/** The statements of {@link Dialect} for table `t` (exec comes from the store). */
export function mysqlStatements(t: string): Omit<Dialect, 'name' | 'exec'> {
  return {
    isRetryable: (error) => (error as { errno?: number } | null)?.errno === 1213,
    claim: ({ key, keyText, token, leaseMs, ttlMs, digest }) => ({
      // One statement: InnoDB locks the duplicate row, then every column keeps its old value
      // unless TAKE holds. The statement also reports whether it won, through the OK packet's
      // insert ID (LAST_INSERT_ID(expr) sets it; see claimWon), so a winner needs no SELECT.
      // `claims` is assigned first: it still sees the old row under either assignment order.
      text: `INSERT INTO ${t} (dedupe_key, key_text, state, token, lease_expires_at, expires_at,
          claims, created_at, digest)
        VALUES (?, ?, 'in_flight', ?, ${WON(`${NOW} + ?`, '1')} DIV ${CLAIMS_BASE},
          ${NOW} + ?, 1, ${NOW}, ?)
        ON DUPLICATE KEY UPDATE
          claims = IF(${TAKE},
            ${NEW_CLAIMS} + 0 * ${WON('VALUES(lease_expires_at)', `IF(${NEW_CLAIMS} < ${CLAIMS_BASE}, ${NEW_CLAIMS}, 0)`)},
            claims + LAST_INSERT_ID(0)),
          created_at = IF(${TAKE} AND expires_at <= VALUES(created_at),
            VALUES(created_at), created_at),
          result = IF(${TAKE}, NULL, result),
          completed_at = IF(${TAKE}, NULL, completed_at),
          key_text = IF(${TAKE}, VALUES(key_text), key_text),
          digest = IF(${TAKE}, VALUES(digest), digest),
          token = IF(${TAKE}, VALUES(token), token),
          state = IF(${TAKE}, 'in_flight', state),
          lease_expires_at = IF(${TAKE}, VALUES(lease_expires_at), lease_expires_at),
          expires_at = IF(${TAKE}, VALUES(expires_at), expires_at)`,
      params: [key, keyText, token, leaseMs, ttlMs, digest],
    }),
    claimWon: ({ insertId }) => {
      if (insertId === undefined || !(insertId > 0)) return undefined;
      const claims = insertId % CLAIMS_BASE;
      // 0: a count too large to pack; the store reads the row instead.
      if (claims === 0) return undefined;
      return { leaseEnd: Math.floor(insertId / CLAIMS_BASE), claims };
    },
    extend: ({ key, token, leaseMs }) => ({
      // expires_at first and from NOW, so it reads the same under either assignment order.
      text: `UPDATE ${t} SET expires_at = GREATEST(expires_at, ${NOW} + ?),
          lease_expires_at = ${NOW} + ?
        WHERE dedupe_key = ? AND token = ? AND state = 'in_flight'
          AND lease_expires_at > ${NOW} AND expires_at > ${NOW}`,
      params: [leaseMs, leaseMs, key, token],
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
      text: `SELECT ${SELECT} FROM ${t} WHERE dedupe_key = ? AND expires_at > ${NOW}`,
      params: [key],
    }),
    remove: (key) => ({
      text: `DELETE FROM ${t} WHERE dedupe_key = ? AND expires_at > ${NOW}`,
      params: [key],
    }),
    list: (prefix, limit) => ({
      text: `SELECT ${SELECT} FROM ${t}
        WHERE dedupe_key LIKE ? ESCAPE '!' AND expires_at > ${NOW}
        ORDER BY dedupe_key LIMIT ?`,
      params: [likePrefix(prefix), limit],
    }),
    purge: (batchSize) => ({
      text: `DELETE FROM ${t} WHERE expires_at <= ${NOW} ORDER BY expires_at LIMIT ?`,
      params: [batchSize],
    }),
    createSchema: (run) => createSchema(t, run),
  };
}
