/** Turning the stored hash (or the claim script's reply) back into a `DedupeRecord`. */
import type { DedupeRecord, DedupeState, JsonValue } from '@hooklatch/core';

type Field = string | number | null | undefined;

const text = (value: unknown): string | undefined =>
  value === null || value === undefined ? undefined : String(value);

const date = (value: Field): Date => new Date(Number(value));

/**
 * Build a record from the fields s t l e c d n k r (see `scripts.ts`), as HMGET returns them.
 * Returns null when the hash does not exist.
 */
export function decodeRecord(fields: readonly unknown[], fallbackKey: string): DedupeRecord | null {
  const [state, token, lease, expires, created, completed, claims, key, result] = fields.map(text);
  if (state === undefined || token === undefined) return null;
  const record: DedupeRecord = {
    key: key ?? fallbackKey,
    state: state as DedupeState,
    token,
    leaseExpiresAt: date(lease),
    expiresAt: date(expires),
    createdAt: date(created),
    claims: Number(claims ?? 1),
  };
  if (completed !== undefined) record.completedAt = date(completed);
  if (result !== undefined) record.result = JSON.parse(result) as JsonValue;
  return record;
}
