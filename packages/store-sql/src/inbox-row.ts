/**
 * Row <-> entry mapping of the SQL inboxes. Drivers return BIGINT as a string (pg), a number or
 * a bigint, and blobs as Buffers; times are epoch ms by the database's clock.
 */
import type { InboxEntry, InboxEntrySummary, InboxState } from '@hooklatch/core';
import { decodeKey } from '@hooklatch/core/kit';
import { FINISHED_AT } from './inbox-statements';

type Row = Record<string, unknown>;

const present = (value: unknown) => value !== null && value !== undefined;
const ms = (value: unknown) => (typeof value === 'number' ? value : Number(value));
const date = (value: unknown) => new Date(ms(value));

/** The caller's key of a row: `key_text` when the stored key is a digest, else the key itself. */
export function rowKey(row: Row): string {
  return present(row.key_text) ? decodeKey(String(row.key_text)) : String(row.entry_key);
}

/** A listing row as a summary. */
export function rowToSummary(row: Row): InboxEntrySummary {
  const state = String(row.state) as InboxState;
  const available = ms(row.available_at);
  const summary: InboxEntrySummary = {
    key: rowKey(row),
    provider: String(row.provider),
    type: String(row.event_type),
    state,
    attempts: ms(row.attempts),
    fence: ms(row.fence),
    receivedAt: date(row.received_at),
    enqueuedAt: date(row.enqueued_at),
    replays: ms(row.replays),
    bodyBytes: ms(row.body_bytes),
  };
  if (available < FINISHED_AT) summary.availableAt = new Date(available);
  if (present(row.finished_at)) summary.finishedAt = date(row.finished_at);
  if (present(row.last_error_code)) {
    summary.lastError = {
      code: String(row.last_error_code),
      message: String(row.last_error_message ?? ''),
    };
  }
  if (present(row.replay_reason)) summary.replayReason = String(row.replay_reason);
  if (present(row.replayed_at)) summary.replayedAt = date(row.replayed_at);
  if (present(row.key_index)) summary.keyIndex = ms(row.key_index);
  if (present(row.digest)) summary.digest = String(row.digest);
  return summary;
}

function toBytes(value: unknown): Uint8Array {
  if (value instanceof Uint8Array) {
    // A copy the caller owns (a driver may reuse its buffer pool).
    return new Uint8Array(value);
  }
  return new Uint8Array(0);
}

/** A whole row as an entry. */
export function rowToEntry(row: Row): InboxEntry {
  const entry: InboxEntry = {
    ...rowToSummary(row),
    method: String(row.method),
    headers: JSON.parse(String(row.headers)) as Record<string, string>,
    body: toBytes(row.body),
  };
  if (present(row.token)) entry.token = String(row.token);
  return entry;
}
