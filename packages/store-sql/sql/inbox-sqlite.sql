-- hooklatch inbox table for SQLite >= 3.35 (same DDL as sqliteInboxSchemaSql() and
-- sqliteInbox(...).createSchema()).
-- Rename hooklatch_inbox (and its index) if you pass `table`; times are epoch milliseconds
-- (SQLite's clock). One table holds every `queue`; entry_key holds storageKey(key) (ASCII,
-- compared byte for byte) and key_text the caller's key (encodeKey) when entry_key holds its
-- digest form.
CREATE TABLE IF NOT EXISTS hooklatch_inbox (
  queue TEXT NOT NULL,
  entry_key TEXT NOT NULL,
  key_text TEXT,
  provider TEXT NOT NULL,
  event_type TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('pending', 'running', 'completed', 'dead')),
  method TEXT NOT NULL,
  headers TEXT NOT NULL,
  body BLOB NOT NULL,
  received_at INTEGER NOT NULL,
  key_index INTEGER,
  digest TEXT,
  attempts INTEGER NOT NULL DEFAULT 0,
  fence INTEGER NOT NULL DEFAULT 0,
  token TEXT,
  available_at INTEGER NOT NULL,
  enqueued_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  finished_at INTEGER,
  last_error_code TEXT,
  last_error_message TEXT,
  replays INTEGER NOT NULL DEFAULT 0,
  replay_reason TEXT,
  replayed_at INTEGER,
  PRIMARY KEY (queue, entry_key)
);
CREATE INDEX IF NOT EXISTS hooklatch_inbox_ready_idx ON hooklatch_inbox (queue, available_at);
