/**
 * The Redis value of a record: one string, so that a claim of a fresh key is one plain
 * `SET key value NX PX ttl GET` (a hash cannot be created conditionally without a script). The
 * Lua scripts in `scripts.ts` read and write the same layout. A fixed-width head, then the
 * variable part:
 *
 *     hl2 <state> <token> <lease> <expiry> <created> <completed> <claims> <key> <digestLength> <digest><result>
 *
 * Fields are separated by one space. Every head field has a fixed width (the token 26
 * characters, times 13 zero-padded digits of epoch ms, claims 10), so a script reads and
 * rewrites them by position instead of parsing the value. `state` is `f`, `i` or `c`:
 *
 * - `f`, a fresh in-flight claim, written by the claim's `SET` (which reads no server clock):
 *   `created`, `lease` and `expiry` are the claiming process's clock (send time, plus the lease
 *   and the TTL), the dates the claim answered with. Only their differences count: the record's
 *   real expiry is the key's own (set by `PX`, the server's clock), and its lease ends
 *   `expiry - lease` ms before that; every decision about it reads `PEXPIRETIME`, so leases are
 *   judged by the server's clock only. The dates are stored rather than the durations so that
 *   `complete` copies the lease field as it is (no arithmetic in its script).
 * - `i` (in flight): epoch ms from the server's clock (`TIME`).
 * - `c` (completed): the lease and created fields as they were; `expiry` and `completed` are the
 *   completing process's clock (`complete` reads no clock: the key's existence proves the record
 *   live, and `PEXPIRE` counts its TTL on the server's clock).
 *
 * `completed` is all zeros until completed. `key` is `-` when the caller's key is stored
 * verbatim in the Redis key (a plain key, see `storageKey`), else `encodeKey(key)` (which has no
 * spaces, and is empty for the empty key). `digest` (up to 128 printable ASCII characters,
 * spaces allowed) is delimited by its length; the stored result's JSON text is the rest (none
 * when empty).
 */
import type { DedupeRecord, JsonValue } from '@hooklatch/core';
import { decodeKey } from '@hooklatch/core/kit';

/** What every record value starts with. */
export const RECORD_MAGIC = 'hl2 ';

/** Offsets (0-based) of the head fields, and where the variable part starts. */
const STATE = 4;
const TOKEN = 6;
const LEASE = 33;
const EXPIRY = 47;
const CREATED = 61;
const COMPLETED = 75;
const CLAIMS = 89;
const TAIL = 100;
const TIME_WIDTH = 13;

/**
 * A time as a head field: 13 zero-padded digits. Five are written per lifecycle; an epoch-ms
 * time (13 digits until the year 2286) is written as two small integers, whose text V8 makes
 * (and caches) far faster than a 13-digit number's: about 55 against 110-140 ns.
 */
export function timeField(ms: number): string {
  if (ms >= 1e12 && ms < 1e13 && ms % 1 === 0) {
    // The low seven digits, zero-padded by the leading 1 of 1e7 + low, sliced off.
    return String(Math.floor(ms / 1e7)) + String((ms % 1e7) + 1e7).slice(1);
  }
  return String(ms).padStart(TIME_WIDTH, '0');
}

/** The value of a fresh claim (state `f`), as the claim's `SET NX` writes it. */
export function freshRecord(
  token: string,
  leaseMs: number,
  ttlMs: number,
  sentAt: number,
  keyField: string,
  digest: string,
): string {
  return `hl2 f ${token} ${timeField(sentAt + leaseMs)} ${timeField(sentAt + ttlMs)} ${timeField(sentAt)} 0000000000000 0000000001 ${keyField} ${digest.length} ${digest}`;
}

/** True when `value` is a completed record (no clock needed to answer a claim with it). */
export function isCompletedValue(value: string): boolean {
  return value.startsWith('hl2 c ');
}

const field = (value: string, at: number, width = TIME_WIDTH) =>
  Number(value.slice(at, at + width));

/**
 * The record in `value`, or undefined when `value` is not a record. `plainKey` is the caller's
 * key for a record whose key field is `-` (the Redis key minus the prefix).
 */
export function parseRecord(value: string, plainKey: string): DedupeRecord | undefined {
  const state = value[STATE];
  if (!value.startsWith(RECORD_MAGIC) || (state !== 'f' && state !== 'i' && state !== 'c')) {
    return undefined;
  }
  const keyEnd = value.indexOf(' ', TAIL);
  const lengthEnd = keyEnd < 0 ? -1 : value.indexOf(' ', keyEnd + 1);
  if (value.length < TAIL || lengthEnd < 0) return undefined;
  const key = value.slice(TAIL, keyEnd);
  const digestEnd = lengthEnd + 1 + Number(value.slice(keyEnd + 1, lengthEnd));
  const record: DedupeRecord = {
    key: key === '-' ? plainKey : decodeKey(key),
    state: state === 'c' ? 'completed' : 'in_flight',
    token: value.slice(TOKEN, TOKEN + 26),
    leaseExpiresAt: new Date(field(value, LEASE)),
    expiresAt: new Date(field(value, EXPIRY)),
    createdAt: new Date(field(value, CREATED)),
    claims: field(value, CLAIMS, 10),
  };
  const completed = field(value, COMPLETED);
  if (completed > 0) record.completedAt = new Date(completed);
  if (digestEnd > lengthEnd + 1) record.digest = value.slice(lengthEnd + 1, digestEnd);
  if (digestEnd < value.length) record.result = JSON.parse(value.slice(digestEnd)) as JsonValue;
  return record;
}
