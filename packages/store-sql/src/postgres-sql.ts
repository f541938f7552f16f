/**
 * PostgreSQL statements of the dedupe store. Times are epoch milliseconds from the server's
 * clock (`statement_timestamp()`, fixed for the whole statement), so app servers with skewed
 * clocks agree on when a lease ends.
 */
import { sha256Hex } from '@hooklatch/core/kit';
import type { Dialect, Query } from './dialect';
import { DEFAULT_TABLE, expiryIndexName, likePrefix, validateTableName } from './identifier';
import { selectList } from './record';

/** The server's clock in epoch ms, constant within one statement. */
export const PG_NOW = '(extract(epoch from statement_timestamp()) * 1000)::bigint';
const SELECT = selectList(PG_NOW, 'result::text');

/**
 * The table (schema v2). Keys are ASCII (`prefix + storageKey(key)`), compared byte for byte
 * under the C collation; `key_text` holds the caller's key when the stored key is its digest.
 */
export function pgTableDdl(t: string): string {
  return `CREATE TABLE IF NOT EXISTS ${t} (
  dedupe_key text COLLATE "C" PRIMARY KEY,
  state text NOT NULL CHECK (state IN ('in_flight', 'completed')),
  token text NOT NULL,
  lease_expires_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  result jsonb,
  claims integer NOT NULL DEFAULT 1,
  created_at bigint NOT NULL,
  completed_at bigint,
  key_text text,
  digest text
)`;
}

/** The expiry index (unqualified name: PostgreSQL creates it in the table's schema). */
function pgIndexDdl(t: string): string {
  return `CREATE INDEX IF NOT EXISTS ${expiryIndexName(t)} ON ${t} (expires_at)`;
}

/**
 * The schema v2 DDL for `table`: the table and its expiry index, the statements of the shipped
 * `sql/postgres.sql`, for migration tools that keep their own SQL files. `createSchema()` runs
 * the same DDL and also upgrades a v1 table (see `sql/postgres-upgrade-v2.sql`).
 * @param table letters, digits and `_`, optionally schema-qualified. @default 'hooklatch_dedupe'
 */
export function postgresSchemaSql(table: string = DEFAULT_TABLE): string {
  const t = validateTableName(table);
  return `${pgTableDdl(t)};\n${pgIndexDdl(t)};\n`;
}

/** Columns added by schema v2; a v1 table gets them from createSchema(). */
const V2_COLUMNS = ['key_text', 'digest'];

/**
 * One DO block: it takes a transaction-scoped advisory lock per table first, so replicas booting
 * at once run it one after another (plain CREATE TABLE IF NOT EXISTS races on the catalog and
 * fails with a duplicate key). Each step checks before it acts, so an up-to-date table takes no
 * table lock at all and never queues behind running transactions.
 */
export function pgSchemaBlock(t: string): string {
  const index = expiryIndexName(t);
  const qualifiedIndex = t.includes('.') ? `${t.split('.')[0]}.${index}` : index;
  const addColumns = V2_COLUMNS.map(
    (column) => `
  IF NOT EXISTS (SELECT 1 FROM pg_attribute
      WHERE attrelid = '${t}'::regclass AND attname = '${column}' AND NOT attisdropped) THEN
    ALTER TABLE ${t} ADD COLUMN ${column} text;
  END IF;`,
  ).join('');
  return `DO $hooklatch$
BEGIN
  PERFORM pg_advisory_xact_lock(hashtext('hooklatch_schema:${t}'));
  IF to_regclass('${t}') IS NULL THEN
    ${pgTableDdl(t)};
  END IF;
  IF to_regclass('${qualifiedIndex}') IS NULL THEN
    ${pgIndexDdl(t)};
  END IF;${addColumns}
END
$hooklatch$`;
}

/**
 * A statement with its prepared-statement name: `hooklatch_<what>_` and 16 hex digits of the
 * text's SHA-256, so two tables (or two versions of the text) never share a name on one
 * connection, and the name stays within PostgreSQL's 63 characters.
 */
function named(what: string, text: string): (params: unknown[]) => Query {
  const name = `hooklatch_${what}_${sha256Hex(text).slice(0, 16)}`;
  return (params) => ({ text, params, name });
}

/** The statements of {@link Dialect} for table `t` (exec and createSchema come from the store). */
export function pgStatements(t: string): Omit<Dialect, 'name' | 'exec' | 'createSchema'> {
  const NOW = PG_NOW;
  // The fresh row of a claim, the same in both claim statements.
  const insertFresh = `INSERT INTO ${t} AS d (dedupe_key, key_text, state, token, lease_expires_at,
        expires_at, claims, created_at, digest)
      VALUES ($1, $2, 'in_flight', $3, ${NOW} + $4::bigint, ${NOW} + $5::bigint, 1, ${NOW}, $6)`;
  // The fast path (see sql-claim.ts): inserts only where the key has no row, returns nothing,
  // so a fresh claim costs what a bare INSERT ... ON CONFLICT DO NOTHING costs (RETURNING and
  // its row were 3-9% of a claim + complete). rowCount says whether it inserted.
  const claimFresh = named(
    'claim_fresh',
    `${insertFresh}
      ON CONFLICT (dedupe_key) DO NOTHING`,
  );
  // excluded.created_at is this statement's "now"; the WHERE lets the update through only for
  // an expired record or an in-flight row whose lease ended. Under the row lock taken by
  // ON CONFLICT, exactly one of any set of concurrent callers writes its token, and only that
  // caller gets a row back: what a claim answers (a loser reads the row it lost to).
  const claim = named(
    'claim',
    `${insertFresh}
      ON CONFLICT (dedupe_key) DO UPDATE SET
        key_text = excluded.key_text,
        state = 'in_flight',
        token = excluded.token,
        lease_expires_at = excluded.lease_expires_at,
        expires_at = excluded.expires_at,
        claims = CASE WHEN d.expires_at <= excluded.created_at THEN 1 ELSE d.claims + 1 END,
        created_at = CASE WHEN d.expires_at <= excluded.created_at
          THEN excluded.created_at ELSE d.created_at END,
        result = NULL,
        completed_at = NULL,
        digest = excluded.digest
      WHERE d.expires_at <= excluded.created_at
        OR (d.state = 'in_flight' AND d.lease_expires_at <= excluded.created_at)
      RETURNING lease_expires_at, claims`,
  );
  // Compare-and-set on the token, only while the lease is live by the server clock.
  const extend = named(
    'extend',
    `UPDATE ${t} SET lease_expires_at = ${NOW} + $3::bigint,
        expires_at = GREATEST(expires_at, ${NOW} + $3::bigint)
      WHERE dedupe_key = $1 AND token = $2 AND state = 'in_flight'
        AND lease_expires_at > ${NOW} AND expires_at > ${NOW}`,
  );
  const complete = named(
    'complete',
    `UPDATE ${t} SET state = 'completed', completed_at = ${NOW},
        expires_at = ${NOW} + $3::bigint, result = $4::text::jsonb
      WHERE dedupe_key = $1 AND token = $2 AND state = 'in_flight' AND expires_at > ${NOW}`,
  );
  const release = named(
    'release',
    `DELETE FROM ${t}
      WHERE dedupe_key = $1 AND token = $2 AND state = 'in_flight' AND expires_at > ${NOW}`,
  );
  const get = named(
    'get',
    `SELECT ${SELECT} FROM ${t} WHERE dedupe_key = $1 AND expires_at > ${NOW}`,
  );
  const remove = named('delete', `DELETE FROM ${t} WHERE dedupe_key = $1 AND expires_at > ${NOW}`);
  const list = named(
    'list',
    `SELECT ${SELECT} FROM ${t}
      WHERE dedupe_key LIKE $1 ESCAPE '!' AND expires_at > ${NOW}
      ORDER BY dedupe_key LIMIT $2::integer`,
  );
  // SKIP LOCKED: a row being re-claimed right now is left to that claim.
  const purge = named(
    'purge',
    `DELETE FROM ${t} WHERE dedupe_key IN (
        SELECT dedupe_key FROM ${t} WHERE expires_at <= ${NOW}
        ORDER BY expires_at LIMIT $1::integer FOR UPDATE SKIP LOCKED
      ) AND expires_at <= ${NOW}`,
  );
  return {
    claim: ({ key, keyText, token, leaseMs, ttlMs, digest }) =>
      claim([key, keyText, token, leaseMs, ttlMs, digest]),
    claimFresh: ({ key, keyText, token, leaseMs, ttlMs, digest }) =>
      claimFresh([key, keyText, token, leaseMs, ttlMs, digest]),
    claimWon: ({ rows }) => {
      const row = rows[0];
      // BIGINT comes back as a string (pg, postgres.js); epoch ms fit a double exactly.
      return row
        ? { leaseEnd: Number(row.lease_expires_at), claims: Number(row.claims) }
        : undefined;
    },
    extend: ({ key, token, leaseMs }) => extend([key, token, leaseMs]),
    complete: ({ key, token, ttlMs, result }) => complete([key, token, ttlMs, result]),
    release: (key, token) => release([key, token]),
    get: (key) => get([key]),
    remove: (key) => remove([key]),
    list: (prefix, limit) => list([likePrefix(prefix), limit]),
    purge: (batchSize) => purge([batchSize]),
  };
}
