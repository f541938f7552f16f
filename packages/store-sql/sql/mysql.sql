-- hooklatch dedupe table for MySQL 8 / MariaDB 10.5+, schema v2 (same DDL as mysqlSchemaSql() and
-- mysqlStore(...).createSchema()). Rename hooklatch_dedupe if you pass `table`; times are epoch
-- milliseconds (server UTC clock). dedupe_key holds `prefix + storageKey(key)`: ASCII without
-- spaces, so the binary ASCII column keeps every two keys apart; key_text holds the caller's key
-- (encodeKey) when dedupe_key holds its digest form.
-- A table created by hooklatch 0.1 (schema v1): apply mysql-upgrade-v2.sql instead.
CREATE TABLE IF NOT EXISTS hooklatch_dedupe (
  dedupe_key VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  state VARCHAR(16) CHARACTER SET ascii NOT NULL,
  token VARCHAR(64) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  lease_expires_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  result JSON NULL,
  claims INT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  completed_at BIGINT NULL,
  key_text MEDIUMTEXT CHARACTER SET ascii COLLATE ascii_bin NULL,
  digest VARCHAR(128) CHARACTER SET ascii COLLATE ascii_bin NULL,
  PRIMARY KEY (dedupe_key),
  KEY hooklatch_dedupe_expires_at_idx (expires_at)
) ENGINE = InnoDB;
