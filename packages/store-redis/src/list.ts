/**
 * `list` for operator tooling: `SCAN MATCH prefix*` on a single server. Keys stored verbatim
 * (plain keys, see `storageKey`) match a key prefix; keys in digest form are listed only by a
 * listing without one (their Redis key does not start with the caller's key).
 */
import type { DedupeRecord, ListOptions } from '@hooklatch/core';
import type { Commander } from './client';
import { replyCode } from './driver-error';
import { decodeRecord, unexpectedReply } from './record';
import { RECORD_FIELDS } from './scripts';

const SCAN_COUNT = '200';

/** Glob-escape a prefix for `SCAN MATCH`. */
function globEscape(value: string): string {
  return value.replace(/[*?[\]\\]/g, '\\$&');
}

/** Read one hash; null when it is gone or is not a hash (someone else's key under the prefix). */
async function readListed(
  redis: Commander,
  key: string,
  prefix: string,
): Promise<DedupeRecord | null> {
  try {
    const fields = await redis.send(key, ['HMGET', key, ...RECORD_FIELDS]);
    return decodeRecord(fields, key.slice(prefix.length));
  } catch (error) {
    if (replyCode(error) === 'WRONGTYPE') return null;
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
