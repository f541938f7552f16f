/**
 * How the signature header's list is read: the runs of non-space characters in one pass,
 * compared with splitting on /\s+/ on random headers (Unicode spaces, tabs, trailing commas,
 * unknown versions, entries beyond the limit).
 */
import { HooklatchError } from '@hooklatch/core';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../testing/test-support/seeded-random';
import { parseSignatureList } from '../src/signature-header';

const v1 = `v1,${Buffer.alloc(32, 7).toString('base64')}`;
const v1a = `v1a,${Buffer.alloc(64, 9).toString('base64url')}`;
const GOOD = { v1: v1.slice(3), v1a: v1a.slice(4) };

/** The reading the header's format describes, written the direct way. */
function model(value: string): string {
  const entries = value
    .split(/\s+/)
    .map((entry) => entry.replace(/,$/, ''))
    .filter((entry) => entry !== '');
  if (entries.length === 0) return 'is empty';
  if (entries.length > 10) return 'too many';
  const found = { v1: 0, v1a: 0, unknown: [] as string[] };
  for (const entry of entries) {
    const comma = entry.indexOf(',');
    if (comma <= 0 || comma === entry.length - 1) return 'not an entry';
    const version = entry.slice(0, comma);
    if (version !== 'v1' && version !== 'v1a') {
      found.unknown.push(/^v[0-9]{1,3}[a-z]{0,2}$/.test(version) ? version : 'other');
    }
    // The generated parts hold one good value per version; any other text is not its bytes.
    else if (entry.slice(comma + 1) !== GOOD[version]) return 'bad value';
    else found[version]++;
  }
  return JSON.stringify(found);
}

function read(value: string): string {
  try {
    const list = parseSignatureList(value, 'webhook-signature');
    return JSON.stringify({ v1: list.v1.length, v1a: list.v1a.length, unknown: list.unknown });
  } catch (error) {
    if (!(error instanceof HooklatchError) || error.code !== 'SIGNATURE_MALFORMED') throw error;
    if (error.message.includes('is empty')) return 'is empty';
    if (error.message.includes('signatures; at most')) return 'too many';
    if (error.message.includes('not "<version>')) return 'not an entry';
    return 'bad value';
  }
}

describe('parseSignatureList', () => {
  it('reads 3,000 random headers as splitting on /\\s+/ does', () => {
    const parts = [v1, `${v1},`, v1a, 'v2,abc', 'v1,', ',x', ',', 'v1,%%%', 'vX'];
    const spaces = [' ', '  ', '\t', '\n', '\u00a0', '\u2028', '\ufeff', ', ', ''];
    const next = seededRandom(5);
    for (let i = 0; i < 3000; i++) {
      let value = spaces[next(spaces.length)] as string;
      const count = next(13);
      for (let j = 0; j < count; j++) {
        value += (parts[next(parts.length)] as string) + (spaces[next(spaces.length)] as string);
      }
      expect([value, read(value)]).toEqual([value, model(value)]);
    }
  });

  it('counts every entry of a long header, refusing it with the full count unread', () => {
    const error = (() => {
      try {
        parseSignatureList(Array.from({ length: 5000 }, () => v1).join(' '), 'webhook-signature');
      } catch (caught) {
        return caught as HooklatchError;
      }
      throw new Error('expected a refusal');
    })();
    expect(error.code).toBe('SIGNATURE_MALFORMED');
    expect(error.message).toContain('lists 5000 signatures');
  });
});
