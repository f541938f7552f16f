-- hooklatch dedupe table for PostgreSQL (same DDL as postgresStore(...).createSchema()).
-- Rename hooklatch_dedupe if you pass `table`; times are epoch milliseconds (server clock).
CREATE TABLE IF NOT EXISTS hooklatch_dedupe (
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
CREATE INDEX IF NOT EXISTS hooklatch_dedupe_expires_at_idx ON hooklatch_dedupe (expires_at);
