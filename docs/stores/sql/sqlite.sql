-- hooklatch dedupe table for SQLite >= 3.35 (same DDL as sqliteStore(...).createSchema()).
-- Rename hooklatch_dedupe if you pass `table`; times are epoch milliseconds.
CREATE TABLE IF NOT EXISTS hooklatch_dedupe (
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
CREATE INDEX IF NOT EXISTS hooklatch_dedupe_expires_at_idx ON hooklatch_dedupe (expires_at);
