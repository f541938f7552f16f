/**
 * The schema v1 DDL of hooklatch 0.1, verbatim, so the upgrade path can be tested against the
 * tables users actually have.
 */

/** v1 table of PostgreSQL. */
export const pgV1 = (t: string) => `CREATE TABLE ${t} (
  dedupe_key text PRIMARY KEY,
  state text NOT NULL CHECK (state IN ('in_flight', 'completed')),
  token text NOT NULL,
  lease_expires_at bigint NOT NULL,
  expires_at bigint NOT NULL,
  result jsonb,
  claims integer NOT NULL DEFAULT 1,
  created_at bigint NOT NULL,
  completed_at bigint
);
CREATE INDEX ${t}_expires_at_idx ON ${t} (expires_at);`;

/** v1 table of MySQL / MariaDB (VARCHAR(512) utf8mb4_bin keys: PAD SPACE on MariaDB). */
export const mysqlV1 = (t: string) => `CREATE TABLE ${t} (
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
  KEY ${t}_expires_at_idx (expires_at)
) ENGINE = InnoDB`;

/** v1 table of SQLite. */
export const sqliteV1 = (t: string) => `CREATE TABLE ${t} (
  dedupe_key TEXT NOT NULL PRIMARY KEY,
  state TEXT NOT NULL CHECK (state IN ('in_flight', 'completed')),
  token TEXT NOT NULL,
  lease_expires_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  result TEXT,
  claims INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  completed_at INTEGER
);
CREATE INDEX ${t}_expires_at_idx ON ${t} (expires_at);`;

/** A completed v1 row written by hooklatch 0.1 (key stored as is, after the prefix). */
export const V1_ROW = {
  key: 'evt_v1',
  token: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
  result: '{"v":1}',
};
