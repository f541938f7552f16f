-- hooklatch dedupe table for PostgreSQL, schema v2 (same DDL as postgresSchemaSql() and
-- postgresStore(...).createSchema()).
-- Rename hooklatch_dedupe if you pass `table`; times are epoch milliseconds (server clock).
-- dedupe_key holds `prefix + storageKey(key)` (ASCII, compared byte for byte under "C");
-- key_text holds the caller's key (encodeKey) when dedupe_key holds its digest form.
-- A table created by hooklatch 0.1 (schema v1): apply postgres-upgrade-v2.sql instead.
CREATE TABLE IF NOT EXISTS hooklatch_dedupe (
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
);
CREATE INDEX IF NOT EXISTS hooklatch_dedupe_expires_at_idx ON hooklatch_dedupe (expires_at);
