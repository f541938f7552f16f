-- Upgrade a hooklatch dedupe table from schema v1 (hooklatch 0.1) to v2, on SQLite.
-- Run once (SQLite has no ADD COLUMN IF NOT EXISTS). sqliteStore(...).createSchema() does the
-- same in one IMMEDIATE transaction, adding only what is missing.
ALTER TABLE hooklatch_dedupe ADD COLUMN key_text TEXT;
ALTER TABLE hooklatch_dedupe ADD COLUMN digest TEXT;
