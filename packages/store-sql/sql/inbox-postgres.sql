-- hooklatch inbox table for PostgreSQL (same DDL as postgresInboxSchemaSql() and
-- postgresInbox(...).createSchema()).
-- Rename hooklatch_inbox (and its index) if you pass `table`; times are epoch milliseconds
-- (the server clock). One table holds every `queue`; entry_key holds storageKey(key) (ASCII,
-- compared byte for byte) and key_text the caller's key (encodeKey) when entry_key holds its
-- digest form.
CREATE TABLE IF NOT EXISTS hooklatch_inbox (
  queue text COLLATE "C" NOT NULL,
  entry_key text COLLATE "C" NOT NULL,
  key_text text,
  provider text COLLATE "C" NOT NULL,
  event_type text NOT NULL,
  state text NOT NULL CHECK (state IN ('pending', 'running', 'completed', 'dead')),
  method text NOT NULL,
  headers text NOT NULL,
  body bytea NOT NULL,
  received_at bigint NOT NULL,
  key_index integer,
  digest text,
  attempts integer NOT NULL DEFAULT 0,
  fence bigint NOT NULL DEFAULT 0,
  token text COLLATE "C",
  available_at bigint NOT NULL,
  enqueued_at bigint NOT NULL,
  updated_at bigint NOT NULL,
  finished_at bigint,
  last_error_code text,
  last_error_message text,
  replays integer NOT NULL DEFAULT 0,
  replay_reason text,
  replayed_at bigint,
  PRIMARY KEY (queue, entry_key)
);
CREATE INDEX IF NOT EXISTS hooklatch_inbox_ready_idx ON hooklatch_inbox (queue, available_at);
