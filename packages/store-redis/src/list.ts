/**
 * Reading records back: `get` for one key and `list` for operator tooling (`SCAN MATCH prefix*`
 * on a single server). Keys stored verbatim (plain keys, see `storageKey`) match a key prefix;
 * keys in digest form are listed only by a listing without one (their Redis key does not start
 * with the caller's key). Records written by 0.1 (hashes) are read too.
 */
import type { DedupeRecord, ListOptions } from '@hooklatch/core';
import type { Commander } from './client';
import { notARecord, replyCode } from './driver-error';
import { decodeLegacyHash, decodeValue, unexpectedReply } from './record';
import { LEGACY_FIELDS } from './scripts';

const SCAN_COUNT = '200';

/** Glob-escape a prefix for `SCAN MATCH`. */
function globEscape(value: string): string {
  return value.replace(/[*?[\]\\]/g, '\\$&');
}

/**
 * The record at Redis key `key`, or null when there is none. `plainKey` is the caller's key
 * when the record does not keep it. Throws WRONGTYPE for a value that is not a record.
 */
export async function readRecord(
  redis: Commander,
  key: string,
  plainKey: string,
  operation: string,
): Promise<DedupeRecord | null> {
  let value: unknown;
  try {
    value = await redis.send(key, ['GET', key]);
  } catch (error) {
    if (replyCode(error) !== 'WRONGTYPE') throw error;
    // Not a string: a record hash written by 0.1, or someone else's data.
    const record = decodeLegacyHash(
      await redis.send(key, ['HMGET', key, ...LEGACY_FIELDS]),
      plainKey,
    );
    if (record === null) throw notARecord(operation);
    return record;
  }
  return decodeValue(value, plainKey, operation);
}

/** A listed key's record; null when it is gone or is not a record (someone else's key). */
async function readListed(
  redis: Commander,
  key: string,
  prefix: string,
): Promise<DedupeRecord | null> {
  try {
    return await readRecord(redis, key, key.slice(prefix.length), 'list');
  } catch (error) {
    if (replyCode(error) === 'WRONGTYPE') return null;
    if ((error as { details?: { driverCode?: string } }).details?.driverCode === 'WRONGTYPE') {
      return null;
    }
    throw error;
  }
}

/** Up to `limit` live records whose key starts with `keyPrefix`, under the store's `prefix`. */
export async function listRecords(
  redis: Commander,
  prefix: string,
  { prefix: keyPrefix = '', limit = 100 }: ListOptions = {},
): Promise<DedupeRecord[]> {
  const pattern = `${globEscape(prefix + keyPrefix)}*`;
  const out: DedupeRecord[] = [];
  let cursor = '0';
  do {
    const reply = await redis.send(undefined, [
      'SCAN',
      cursor,
      'MATCH',
      pattern,
      'COUNT',
      SCAN_COUNT,
    ]);
    if (!Array.isArray(reply) || !Array.isArray(reply[1])) throw unexpectedReply('SCAN');
    cursor = String(reply[0]);
    for (const key of reply[1] as unknown[]) {
      if (out.length >= limit) break;
      const record = await readListed(redis, String(key), prefix);
      // Gone since SCAN saw it, not ours, or a digest-form key whose caller key differs.
      if (record?.key.startsWith(keyPrefix)) out.push(record);
    }
  } while (cursor !== '0' && out.length < limit);
  return out;
}
