/**
 * Row <-> record mapping shared by every dialect. Rows carry times as epoch milliseconds
 * (computed by the database server for PostgreSQL and MySQL) and the result as JSON text.
 */
import type { DedupeRecord, DedupeState, JsonValue } from '@hooklatch/core';

/** The columns every dialect selects, in this order and with these names. */
export const COLUMNS = [
  'dedupe_key',
  'state',
  'token',
  'lease_expires_at',
  'expires_at',
  'created_at',
  'completed_at',
  'claims',
] as const;

// Drivers return BIGINT as a string (pg, postgres.js), a number or a bigint; all fit a double.
function toMs(value: unknown): number {
  return typeof value === 'number' ? value : Number(value);
}

function toResult(value: unknown): JsonValue | undefined {
  if (value === null || value === undefined) return undefined;
  // MySQL's JSON type may come back already parsed; text columns come back as JSON text.
  if (typeof value === 'string') return JSON.parse(value) as JsonValue;
  if (Buffer.isBuffer(value)) return JSON.parse(value.toString('utf8')) as JsonValue;
  return value as JsonValue;
}

/** Map a selected row to a record whose `key` has the store prefix removed. */
export function rowToRecord(row: Record<string, unknown>, prefix: string): DedupeRecord {
  const storedKey = String(row.dedupe_key);
  const record: DedupeRecord = {
    key: storedKey.startsWith(prefix) ? storedKey.slice(prefix.length) : storedKey,
    state: row.state as DedupeState,
    token: String(row.token),
    leaseExpiresAt: new Date(toMs(row.lease_expires_at)),
    expiresAt: new Date(toMs(row.expires_at)),
    createdAt: new Date(toMs(row.created_at)),
    claims: toMs(row.claims),
  };
  if (row.completed_at !== null && row.completed_at !== undefined) {
    record.completedAt = new Date(toMs(row.completed_at));
  }
  const result = toResult(row.result);
  if (result !== undefined) record.result = result;
  return record;
}
