-- Upgrade a hooklatch dedupe table from schema v1 (hooklatch 0.1) to v2, on MySQL / MariaDB.
-- Run once (MySQL has no ADD COLUMN IF NOT EXISTS; a second run fails with "Duplicate column").
-- Online (INPLACE / INSTANT) on MySQL 8 and MariaDB 10.5+, but it waits for open transactions
-- on the table. The v1 dedupe_key column (VARCHAR(512) utf8mb4_bin) can stay as it is: v2 only
-- stores ASCII keys without spaces in it. mysqlStore(...).createSchema() does the same.
ALTER TABLE hooklatch_dedupe
  ADD COLUMN key_text MEDIUMTEXT CHARACTER SET ascii COLLATE ascii_bin NULL,
  ADD COLUMN digest VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NULL;
