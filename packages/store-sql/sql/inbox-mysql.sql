-- hooklatch inbox table for MySQL 8+ / MariaDB 10.6+ (same DDL as mysqlInboxSchemaSql() and
-- mysqlInbox(...).createSchema()).
-- Rename hooklatch_inbox (and its index) if you pass `table`; times are epoch milliseconds
-- (the server clock, UTC). One table holds every `queue`; entry_key holds storageKey(key) (ASCII,
-- compared byte for byte) and key_text the caller's key (encodeKey) when entry_key holds its
-- digest form.
CREATE TABLE IF NOT EXISTS hooklatch_inbox (
  queue VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  entry_key VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  key_text MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
  provider VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
  event_type VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  state VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL CHECK (state IN ('pending', 'running', 'completed', 'dead')),
  method VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  headers MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
  body LONGBLOB NOT NULL,
  received_at BIGINT NOT NULL,
  key_index INT,
  digest VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
  attempts INT NOT NULL DEFAULT 0,
  fence BIGINT NOT NULL DEFAULT 0,
  token VARCHAR(255) CHARACTER SET ascii COLLATE ascii_bin,
  available_at BIGINT NOT NULL,
  enqueued_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  finished_at BIGINT,
  last_error_code VARCHAR(255) CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
  last_error_message MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
  replays INT NOT NULL DEFAULT 0,
  replay_reason MEDIUMTEXT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin,
  replayed_at BIGINT,
  PRIMARY KEY (queue, entry_key),
  KEY hooklatch_inbox_ready_idx (queue, available_at)
) ENGINE = InnoDB;
