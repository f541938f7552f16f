-- hooklatch dedupe table for SQLite >= 3.35, schema v2 (same DDL as sqliteSchemaSql() and
-- sqliteStore(...).createSchema()).
-- Rename hooklatch_dedupe if you pass `table`; times are epoch milliseconds (SQLite's clock).
-- dedupe_key holds `prefix + storageKey(key)`; key_text holds the caller's key (encodeKey) when
-- dedupe_key holds its digest form.
-- A table created by hooklatch 0.1 (schema v1): apply sqlite-upgrade-v2.sql instead.
CREATE TABLE IF NOT EXISTS hooklatch_dedupe (
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
);
CREATE INDEX IF NOT EXISTS hooklatch_dedupe_expires_at_idx ON hooklatch_dedupe (expires_at);
