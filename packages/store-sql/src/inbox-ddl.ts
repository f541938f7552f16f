/**
 * The inbox table, one column list for every database with its own types. Keys are ASCII
 * (`storageKey(key)`), compared byte for byte; `key_text` holds the caller's key when the stored
 * key is its digest. `(queue, available_at)` is the index every claim scans.
 */

/** Column types of one database. */
export interface InboxColumnTypes {
  /** A byte-compared ASCII key (queue, entry key, token). */
  key: string;
  /** Short text (provider, type, state, method, error code). */
  short: string;
  /** Long text (headers JSON, messages, the encoded key). */
  long: string;
  blob: string;
  bigint: string;
  int: string;
}

/** The CREATE TABLE statement of the inbox table `t`. */
/** `inline` adds table elements after the primary key (MySQL's index); `suffix` table options. */
export function inboxTableDdl(t: string, c: InboxColumnTypes, inline = '', suffix = ''): string {
  return `CREATE TABLE IF NOT EXISTS ${t} (
  queue ${c.key} NOT NULL,
  entry_key ${c.key} NOT NULL,
  key_text ${c.long},
  provider ${c.key} NOT NULL,
  event_type ${c.short} NOT NULL,
  state ${c.short} NOT NULL CHECK (state IN ('pending', 'running', 'completed', 'dead')),
  method ${c.short} NOT NULL,
  headers ${c.long} NOT NULL,
  body ${c.blob} NOT NULL,
  received_at ${c.bigint} NOT NULL,
  key_index ${c.int},
  digest ${c.short},
  attempts ${c.int} NOT NULL DEFAULT 0,
  fence ${c.bigint} NOT NULL DEFAULT 0,
  token ${c.key},
  available_at ${c.bigint} NOT NULL,
  enqueued_at ${c.bigint} NOT NULL,
  updated_at ${c.bigint} NOT NULL,
  finished_at ${c.bigint},
  last_error_code ${c.short},
  last_error_message ${c.long},
  replays ${c.int} NOT NULL DEFAULT 0,
  replay_reason ${c.long},
  replayed_at ${c.bigint},
  PRIMARY KEY (queue, entry_key)${inline}
)${suffix}`;
}

/** Name of the ready index of `t` (unqualified: it lives in the table's schema). */
export function readyIndexName(t: string): string {
  return `${t.split('.').pop() as string}_ready_idx`;
}
