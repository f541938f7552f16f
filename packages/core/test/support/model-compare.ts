/**
 * Exact comparison of a store's answers with the model's (`dedupe-model.ts`): every field, every
 * Date's time, the result deeply, and the very set of keys, so that an optional field the
 * contract says is absent (`completedAt` in flight, `digest` without one, `result` without one)
 * must be absent, not `undefined`. Each returns a description of the first difference, or
 * undefined when there is none.
 */
import { isDeepStrictEqual } from 'node:util';
import type { ClaimResult } from '../../src/store/types';
import type { ExpectedClaim, ModelRecord } from './dedupe-model';

/** Crockford base32, 26 characters, a 48-bit time first: a ULID. */
export const ULID = /^[0-7][0-9A-HJKMNP-TV-Z]{25}$/;

type Fields = Record<string, unknown>;

const isTime = (value: unknown, ms: number): boolean =>
  value instanceof Date && value.getTime() === ms;

function keysDiff(actual: Fields, expected: readonly string[]): string | undefined {
  const got = Object.keys(actual).sort().join(',');
  const want = [...expected].sort().join(',');
  return got === want ? undefined : `fields {${got}}, expected {${want}}`;
}

/** `actual` (a DedupeRecord from the store) against the model's record. */
export function recordDiff(actual: unknown, want: ModelRecord): string | undefined {
  if (typeof actual !== 'object' || actual === null) return 'not a record';
  const got = actual as Fields;
  const fields = ['key', 'state', 'token', 'leaseExpiresAt', 'expiresAt', 'createdAt', 'claims'];
  if (want.completedAt !== undefined) fields.push('completedAt');
  if (want.result !== undefined) fields.push('result');
  if (want.digest !== undefined) fields.push('digest');
  const shape = keysDiff(got, fields);
  if (shape !== undefined) return shape;
  if (got.key !== want.key) return 'key';
  if (got.state !== want.state) return 'state';
  if (got.token !== want.token) return 'token';
  if (got.claims !== want.claims) return 'claims';
  if (!isTime(got.leaseExpiresAt, want.leaseEnd)) return 'leaseExpiresAt';
  if (!isTime(got.expiresAt, want.expiresAt)) return 'expiresAt';
  if (!isTime(got.createdAt, want.createdAt)) return 'createdAt';
  if (want.completedAt !== undefined && !isTime(got.completedAt, want.completedAt)) {
    return 'completedAt';
  }
  if (got.digest !== want.digest) return 'digest';
  if (!isDeepStrictEqual(got.result, want.result)) return 'result';
  return undefined;
}

/** A claim's answer against the model's (for `claimed`, the token is checked by the caller). */
export function claimDiff(actual: ClaimResult, want: ExpectedClaim): string | undefined {
  if (actual.status !== want.status) return `status ${actual.status}, expected ${want.status}`;
  const got = actual as unknown as Fields;
  if (want.status === 'claimed') {
    const shape = keysDiff(got, ['status', 'token', 'leaseExpiresAt', 'claims']);
    if (shape !== undefined) return shape;
    if (got.claims !== want.record.claims)
      return `claims ${got.claims}, expected ${want.record.claims}`;
    if (!isTime(got.leaseExpiresAt, want.record.leaseEnd)) return 'leaseExpiresAt';
    return undefined;
  }
  if (want.status === 'in_flight') {
    const fields = ['status', 'leaseExpiresAt', 'leaseRemainingMs'];
    if (want.digest !== undefined) fields.push('digest');
    const shape = keysDiff(got, fields);
    if (shape !== undefined) return shape;
    if (!isTime(got.leaseExpiresAt, want.leaseEnd)) return 'leaseExpiresAt';
    if (got.leaseRemainingMs !== want.remainingMs) return 'leaseRemainingMs';
    if (!((got.leaseRemainingMs as number) > 0)) return 'leaseRemainingMs not above 0';
    if (got.digest !== want.digest) return 'digest';
    return undefined;
  }
  if (want.status === 'completed') {
    const shape = keysDiff(got, ['status', 'record']);
    if (shape !== undefined) return shape;
    const record = recordDiff(got.record, want.record);
    return record === undefined ? undefined : `record: ${record}`;
  }
  return 'the model expected STORE_FULL';
}
