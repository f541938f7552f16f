-- Upgrade a hooklatch dedupe table from schema v1 (hooklatch 0.1) to v2, on PostgreSQL.
-- Idempotent. Adding a nullable column without a default is a catalog change only (no rewrite),
-- but it briefly takes an ACCESS EXCLUSIVE lock: it waits for open transactions on the table.
-- postgresStore(...).createSchema() does the same, and skips the ALTER when nothing is missing.
ALTER TABLE hooklatch_dedupe ADD COLUMN IF NOT EXISTS key_text text;
ALTER TABLE hooklatch_dedupe ADD COLUMN IF NOT EXISTS digest text;
