/**
 * Row <-> record mapping shared by every dialect. Rows carry times as epoch milliseconds computed
 * by the database (its clock, never the app's), the result as JSON text, and the caller's key in
 * `key_text` whenever the stored key is not the key itself (see `storageKey`).
 */
import type { DedupeRecord, DedupeState } from '@hooklatch/core';
import { decodeKey } from '@hooklatch/core/kit';
import { decodeResult } from './result-codec';

/** The columns every dialect selects, in this order and with these names. */
export const COLUMNS = [
  'dedupe_key',
  'key_text',
  'state',
  'token',
  'lease_expires_at',
  'expires_at',
  'created_at',
  'completed_at',
  'claims',
  'digest',
] as const;

/**
 * The select list: the columns, the result as text, and the lease time left computed by the
 * database in the same statement (`now` is the dialect's clock expression).
 */
export function selectList(now: string, result: string): string {
  return `${COLUMNS.join(', ')}, ${result} AS result,
    lease_expires_at - ${now} AS lease_remaining_ms`;
}

// Drivers return BIGINT as a string (pg, postgres.js), a number or a bigint; all fit a double.
function toMs(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

const present = (value: unknown) => value !== null && value !== undefined;

/** Milliseconds left on the row's lease by the database clock (may be <= 0). */
export function leaseRemainingMs(row: Record<string, unknown>): number {
  return toMs(row.lease_remaining_ms);
}

/** Map a selected row to a record whose `key` is the caller's key, exactly. */
export function rowToRecord(row: Record<string, unknown>, prefix: string): DedupeRecord {
  const storedKey = String(row.dedupe_key);
  // Rows written before key_text existed (schema v1) held the key itself after the prefix.
  const key = present(row.key_text)
    ? decodeKey(String(row.key_text))
    : storedKey.startsWith(prefix)
      ? storedKey.slice(prefix.length)
      : storedKey;
  const record: DedupeRecord = {
    key,
    state: row.state as DedupeState,
    token: String(row.token),
    leaseExpiresAt: new Date(toMs(row.lease_expires_at)),
    expiresAt: new Date(toMs(row.expires_at)),
    createdAt: new Date(toMs(row.created_at)),
    claims: toMs(row.claims),
  };
  if (present(row.completed_at)) record.completedAt = new Date(toMs(row.completed_at));
  const result = decodeResult(row.result);
  if (result !== undefined) record.result = result;
  if (present(row.digest)) record.digest = String(row.digest);
  return record;
}
