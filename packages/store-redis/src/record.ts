/** Turning stored values (and the claim script's reply) back into hooklatch values. */
import type { ClaimResult, DedupeRecord, DedupeState, JsonValue } from '@hooklatch/core';
import { ConfigurationError } from '@hooklatch/core';
import { decodeKey } from '@hooklatch/core/kit';
import { notARecord } from './driver-error';
import { parseRecord } from './record-format';

type Field = string | number | null | undefined;

const text = (value: unknown): string | undefined =>
  value === null || value === undefined ? undefined : String(value);

const date = (value: Field): Date => new Date(Number(value));

/**
 * A reply no script of ours sends: the client is not talking to Redis the way this store
 * expects (a legacy callback-mode client, a proxy that rewrites replies...). A setup problem.
 */
export function unexpectedReply(operation: string): ConfigurationError {
  return new ConfigurationError(
    'CONFIG_INVALID',
    `redisStore: unexpected reply to ${operation}; is \`client\` a connected ioredis or node-redis (v4+) client in its default (promise) mode?`,
    { details: { store: 'redis', operation, driverCode: 'UNEXPECTED_REPLY' } },
  );
}

/**
 * The record in a string value (`GET`), or null for no value. `plainKey` is the caller's key
 * when the record does not keep it. Throws WRONGTYPE for a value that is not a record.
 */
export function decodeValue(
  value: unknown,
  plainKey: string,
  operation: string,
): DedupeRecord | null {
  if (value === null) return null;
  const record = typeof value === 'string' ? parseRecord(value, plainKey) : undefined;
  if (record === undefined) {
    if (typeof value === 'string' || Buffer.isBuffer(value)) throw notARecord(operation);
    throw unexpectedReply(operation);
  }
  return record;
}

/**
 * A record hash written by 0.1 (fields s t l e c d n k r g, as HMGET returns them), or null
 * when the hash is not one. `fallbackKey` is used only for a record written before `k` existed.
 */
export function decodeLegacyHash(fields: unknown, fallbackKey: string): DedupeRecord | null {
  if (!Array.isArray(fields)) throw unexpectedReply('HMGET');
  const [state, token, lease, expires, created, completed, claims, key, result, digest] =
    fields.map(text);
  if (state === undefined || token === undefined) return null;
  const record: DedupeRecord = {
    key: key === undefined ? fallbackKey : decodeKey(key),
    state: state as DedupeState,
    token,
    leaseExpiresAt: date(lease),
    expiresAt: date(expires),
    createdAt: date(created),
    claims: Number(claims ?? 1),
  };
  if (completed !== undefined) record.completedAt = date(completed);
  if (result !== undefined) record.result = JSON.parse(result) as JsonValue;
  if (digest !== undefined) record.digest = digest;
  return record;
}

/** Turn the claim script's reply (see `CLAIM`) into a `ClaimResult`. */
export function decodeClaim(reply: unknown, rawKey: string): ClaimResult {
  if (!Array.isArray(reply)) throw unexpectedReply('claim');
  const [tag, ...rest] = reply;
  if (tag === 'claimed') {
    return {
      status: 'claimed',
      token: String(rest[0]),
      leaseExpiresAt: date(rest[1]),
      claims: Number(rest[2]),
    };
  }
  if (tag === 'in_flight') {
    const digest = text(rest[2]);
    return {
      status: 'in_flight',
      leaseExpiresAt: date(rest[0]),
      leaseRemainingMs: Number(rest[1]),
      ...(digest ? { digest } : {}),
    };
  }
  const value = text(rest[0]);
  const record = tag === 'completed' && value ? parseRecord(value, rawKey) : undefined;
  if (!record) throw unexpectedReply('claim');
  return { status: 'completed', record };
}
