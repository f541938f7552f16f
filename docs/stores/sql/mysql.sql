-- hooklatch dedupe table for MySQL 8 / MariaDB 10.5+ (same DDL as mysqlStore(...).createSchema()).
-- Rename hooklatch_dedupe if you pass `table`; times are epoch milliseconds (server UTC clock).
-- utf8mb4_bin keeps keys case-sensitive.
CREATE TABLE IF NOT EXISTS hooklatch_dedupe (
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
  KEY hooklatch_dedupe_expires_at_idx (expires_at)
) ENGINE = InnoDB;
