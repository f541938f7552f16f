/**
 * Keys are opaque strings of any length and content. Databases fold some distinct strings into
 * one (PAD SPACE and case-insensitive collations), refuse others (NUL, long index entries) and
 * UTF-8 drivers replace lone surrogates, so these cases claim near-identical keys side by side
 * and check each stays its own record, reported back exactly as the caller wrote it.
 */
import assert from 'node:assert/strict';
import { storageKey } from '@hooklatch/core/kit';
import { assertFields, claimedToken, LONG, LONG_CLAIM, type StoreCase } from './store-case';

const long = LONG_CLAIM;

const mixed = (length: number) => {
  const units = 'aZ09-_:/.~ é€😀\u0000\ud800';
  let out = '';
  for (let i = 0; out.length < length; i++) out += units[i % units.length];
  return out.slice(0, length);
};
const change = (key: string, at: number) =>
  key.slice(0, at) + (key[at] === 'x' ? 'y' : 'x') + key.slice(at + 1);

const k5000 = mixed(5000);
const a300 = 'a'.repeat(300);

/** Groups of keys that differ by as little as one UTF-16 code unit. */
export const DISTINCT_KEYS: readonly string[] = [
  // Trailing and leading spaces (PAD SPACE collations), case, whitespace.
  'k',
  'k ',
  ' k',
  'K',
  'k\t',
  'k\n',
  'k  ',
  // NUL, which PostgreSQL text cannot hold.
  'a',
  'a\u0000b',
  'a\u0000',
  '\u0000',
  // Lone surrogates and the replacement character UTF-8 drivers turn them into.
  '\ud800',
  '\udc00',
  '\ufffd',
  'x\ud83d',
  'x\ude00',
  'x\ud83d\ude00',
  // Longer than any verbatim limit, differing at the end or the start only.
  k5000,
  change(k5000, 4999),
  change(k5000, 0),
  a300,
  `${'a'.repeat(299)}b`,
  `b${'a'.repeat(299)}`,
  'p'.repeat(200),
  'p'.repeat(201),
  // Keys that look like the digest form, including the digest form of other keys here.
  storageKey(k5000),
  storageKey('a\u0000b'),
  storageKey(a300),
  `~sha256:${'0'.repeat(64)}`,
  '~',
  // Unicode: composed vs decomposed, emoji, other scripts.
  'café',
  'cafe\u0301',
  '😀',
  '😀 ',
  'ключ',
  '键',
  'ｋ',
];

/** Keys for the round trip, each with a near sibling that must survive what happens to it. */
const ROUND_TRIP: ReadonlyArray<readonly [key: string, sibling: string]> = [
  [mixed(10_000), change(mixed(10_000), 9_999)],
  // Longer than 10,000 characters: kept apart from its own 10,000-character prefix.
  [`${'b'.repeat(10_000)}b`, 'b'.repeat(10_000)],
  [mixed(20_000).slice(7), mixed(20_000).slice(7, 10_007)],
  ['nul\u0000key', 'nul'],
  ['lone \ud800 surrogate', 'lone \ufffd surrogate'],
  ['trailing ', 'trailing'],
  ['emoji 😀', 'emoji'],
  [storageKey('lone \ud800 surrogate'), 'plain'],
  [`${'q'.repeat(300)}`, `${'q'.repeat(299)}`],
];

export const keyCases = {
  'distinct keys stay distinct': async ({ open }) => {
    assert.equal(new Set(DISTINCT_KEYS).size, DISTINCT_KEYS.length);
    const store = await open();
    const tokens = new Map<string, string>();
    for (const [i, key] of DISTINCT_KEYS.entries()) {
      const result = await store.claim(key, long);
      tokens.set(key, claimedToken(result, `key #${i} (length ${key.length})`));
    }
    for (const [i, key] of DISTINCT_KEYS.entries()) {
      const record = await store.get(key);
      assert.equal(record?.key === key, true, `get() of key #${i} returns the key exactly`);
      assert.equal(record?.token, tokens.get(key), `key #${i} keeps its own claim`);
    }
  },

  'long and unusual keys round-trip through complete/get/delete': async ({ open }) => {
    const store = await open();
    for (const [i, [key, sibling]] of ROUND_TRIP.entries()) {
      const what = `key #${i} (length ${key.length})`;
      const siblingToken = claimedToken(await store.claim(sibling, long), `sibling of ${what}`);
      const released = claimedToken(await store.claim(key, long), what);
      assert.equal(await store.release(key, released), true, what);
      const token = claimedToken(await store.claim(key, long), `${what} after release`);
      assert.equal(await store.extend(key, token, LONG), true, what);
      assert.equal(await store.complete(key, token, { ttlMs: LONG, result: { i } }), true, what);
      const again = await store.claim(key, long);
      assert.equal(again.status, 'completed', what);
      if (again.status === 'completed') {
        assert.equal(again.record.key === key, true, `${what}: claim reports the key exactly`);
        assert.deepEqual(again.record.result, { i }, what);
      }
      const record = await store.get(key);
      assert.equal(record?.key === key, true, `${what}: get reports the key exactly`);
      assert.equal(record?.state, 'completed', what);
      assert.equal(await store.delete(key), true, what);
      assert.equal(await store.get(key), null, what);
      assert.equal(await store.delete(key), false, what);
      assertFields(
        await store.get(sibling),
        {
          state: 'in_flight',
          token: siblingToken,
        },
        `sibling of ${what}`,
      );
      assert.equal((await store.claim(key, long)).status, 'claimed', `${what} after delete`);
    }
  },
} satisfies Record<string, StoreCase>;
