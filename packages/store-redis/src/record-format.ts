/**
 * The Redis value of a record: one string, so that a claim of a fresh key is one plain
 * `SET key value NX PX ttl GET` (a hash cannot be created conditionally without a script). The
 * Lua scripts in `scripts.ts` read and write the same layout:
 *
 *     hl2 <state> <token> <lease> <expiry> <created> <completed> <claims> <key> <digestLength> <digest><result>
 *
 * Fields are separated by one space. `state` is `f`, `i` or `c`:
 *
 * - `f`, a fresh in-flight claim, written by the claim's `SET` (which reads no clock): `lease`
 *   and `expiry` are DURATIONS (ms) and `created` is the claiming process's clock at send time.
 *   The record's real expiry is the key's own (set by `PX`, the server's clock), and its lease
 *   ends `expiry - lease` ms before that: every decision about it reads `PEXPIRETIME`, so leases
 *   are judged by the server's clock only. Until the record is next written, the dates it
 *   reports are the claimer's (`created`, `created + lease`, `created + expiry`), the ones the
 *   claim answered with.
 * - `i` (in flight) and `c` (completed): absolute epoch ms from the server's clock (`TIME`).
 *
 * `completed` is `-` until completed. `key` is `-` when the caller's key is stored verbatim in
 * the Redis key (a plain key, see `storageKey`), else `encodeKey(key)` (which has no spaces, and
 * may be empty for the empty key). `digest` (up to 128 printable ASCII characters, spaces
 * allowed) is delimited by its length; the stored result's JSON text is the rest (none when
 * empty).
 */
import type { DedupeRecord, JsonValue } from '@hooklatch/core';
import { decodeKey } from '@hooklatch/core/kit';

/** What every record value starts with. */
export const RECORD_MAGIC = 'hl2 ';

const HEAD = /^hl2 ([fic]) (\S+) (\d+) (\d+) (\d+) (\S+) (\d+) (\S*) (\d+) /;

/** The value of a fresh claim (state `f`), as the claim's `SET NX` writes it. */
export function freshRecord(
  token: string,
  leaseMs: number,
  ttlMs: number,
  sentAt: number,
  keyField: string,
  digest: string,
): string {
  return `hl2 f ${token} ${leaseMs} ${ttlMs} ${sentAt} - 1 ${keyField} ${digest.length} ${digest}`;
}

/** True when `value` is a completed record (no clock needed to answer a claim with it). */
export function isCompletedValue(value: string): boolean {
  return value.startsWith('hl2 c ');
}

/**
 * The record in `value`, or undefined when `value` is not a record. `plainKey` is the caller's
 * key for a record whose key field is `-` (the Redis key minus the prefix).
 */
export function parseRecord(value: string, plainKey: string): DedupeRecord | undefined {
  const match = HEAD.exec(value);
  if (match === null) return undefined;
  const [head, state, token, lease, expiry, created, completed, claims, key, digestLength] =
    match as unknown as string[];
  const digestEnd = (head as string).length + Number(digestLength);
  const createdAt = Number(created);
  const fresh = state === 'f';
  const record: DedupeRecord = {
    key: key === '-' ? plainKey : decodeKey(key as string),
    state: state === 'c' ? 'completed' : 'in_flight',
    token: token as string,
    leaseExpiresAt: new Date(fresh ? createdAt + Number(lease) : Number(lease)),
    expiresAt: new Date(fresh ? createdAt + Number(expiry) : Number(expiry)),
    createdAt: new Date(createdAt),
    claims: Number(claims),
  };
  if (completed !== '-') record.completedAt = new Date(Number(completed));
  if (digestEnd > (head as string).length) {
    record.digest = value.slice((head as string).length, digestEnd);
  }
  if (digestEnd < value.length) record.result = JSON.parse(value.slice(digestEnd)) as JsonValue;
  return record;
}
