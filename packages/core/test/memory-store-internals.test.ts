import { describe, expect, it } from 'vitest';
import { newClaimToken } from '../src/kit';
import { packDigest, packToken, unpackDigest, unpackToken } from '../src/store/compact-codes';
import { ExpiryIndex } from '../src/store/expiry-index';
import { KeyIndex, SHARDS, shardOf } from '../src/store/key-index';
import { RecordTable } from '../src/store/record-table';

describe('ExpiryIndex', () => {
  it('orders slots by expiry and follows moves and removals', () => {
    const index = new ExpiryIndex();
    index.reserve(8);
    index.set(0, 5_500);
    index.set(1, 1_200);
    index.set(2, 3_000);
    index.set(3, 1_900);
    expect(index.first()).toBe(1);
    index.set(1, 9_000); // moved later
    expect(index.first()).toBe(3);
    index.delete(3);
    expect(index.first()).toBe(2);
    index.set(0, 100); // moved earlier
    const order: number[] = [];
    for (let slot = index.first(); slot >= 0; slot = index.first()) {
      order.push(slot);
      index.delete(slot);
    }
    expect(order).toEqual([0, 2, 1]);
    expect(index.size).toBe(0);
  });

  it('matches a sorted list under random inserts, moves and deletes', () => {
    const index = new ExpiryIndex();
    index.reserve(500);
    const expected = new Map<number, number>();
    let seed = 7;
    const random = () => {
      seed = (seed * 48_271) % 2_147_483_647;
      return seed;
    };
    for (let step = 0; step < 5_000; step++) {
      const slot = random() % 500;
      if (random() % 4 === 0) {
        index.delete(slot);
        expected.delete(slot);
      } else {
        const at = random() % 10_000;
        index.set(slot, at);
        expected.set(slot, at);
      }
      expect(index.size).toBe(expected.size);
      const earliest = Math.min(...expected.values());
      if (expected.size > 0) expect(index.at(index.first())).toBe(earliest);
    }
  });
});

describe('compact codes', () => {
  it('round-trip tokens and sha256 digests, and refuse other shapes', () => {
    const words = new Uint32Array(16);
    for (let i = 0; i < 100; i++) {
      const token = newClaimToken();
      expect(packToken(token, words, 3)).toBe(true);
      expect(unpackToken(words, 3)).toBe(token);
    }
    for (const token of ['ZZZZZZZZZZZZZZZZZZZZZZZZZZ', '00000000000000000000000000']) {
      packToken(token, words, 0);
      expect(unpackToken(words, 0)).toBe(token);
    }
    expect(packToken('01ARZ3NDEKTSV4RRFFQ69G5FA', words, 0)).toBe(false);
    expect(packToken('01ARZ3NDEKTSV4RRFFQ69G5FAu', words, 0)).toBe(false);
    const hex = `${'ffffffff00000000'.repeat(3)}0123456789abcdef`;
    // Both packed schemes, each with its own code, each read back with its own prefix.
    for (const [prefix, scheme] of [
      ['sha256:', 1],
      ['sha256-body:', 2],
    ] as const) {
      const digest = prefix + hex;
      expect(packDigest(digest, words, 8)).toBe(scheme);
      expect(unpackDigest(words, 8, scheme)).toBe(digest);
      expect(packDigest(digest.toUpperCase(), words, 8)).toBe(0);
      expect(packDigest(`${digest}0`, words, 8)).toBe(0);
      expect(packDigest(digest.slice(0, -1), words, 8)).toBe(0);
      // Non-ASCII anywhere in the hex part (one, two or three UTF-8 bytes, a lone surrogate)
      // is refused, whatever byte count it encodes to.
      for (const position of [prefix.length, 40, digest.length - 2, digest.length - 1]) {
        for (const unit of ['g', 'é', '\u0130', '\u20ac', '\ud800', '\u0000']) {
          const bad = digest.slice(0, position) + unit + digest.slice(position + 1);
          expect(bad.length).toBe(digest.length);
          expect(packDigest(bad, words, 8)).toBe(0);
        }
      }
      for (let i = 0; i < 50; i++) {
        const random = `${prefix}${Array.from({ length: 64 }, () => '0123456789abcdef'[Math.floor(Math.random() * 16)]).join('')}`;
        expect(packDigest(random, words, 0)).toBe(scheme);
        expect(unpackDigest(words, 0, scheme)).toBe(random);
      }
    }
    // Another scheme of the same length as a packed one is not packed.
    expect(packDigest(`sha512-bod:${hex}`, words, 0)).toBe(0);
    expect(packDigest(`md5:${'0'.repeat(67)}`, words, 0)).toBe(0);
  });
});

describe('RecordTable', () => {
  it('keeps one expiry entry per live record through claims, completions and removals', () => {
    // The old index kept an entry per write (claim and complete) until its bucket came due,
    // about 194 B per claim for the whole TTL, even for keys already evicted or deleted.
    const table = new RecordTable(Number.POSITIVE_INFINITY);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 1_000; i++) {
        const slot = table.insert(`k${i}`, newClaimToken(), 0, 10, 20);
        table.complete(slot, 5, 1_000_000, undefined);
        table.complete(slot, 6, 2_000_000, { n: i });
      }
      expect(table.expiry.size).toBe(table.size);
      for (let i = 0; i < 1_000; i += 2) table.remove(table.find(`k${i}`));
      expect(table.size).toBe(500);
      expect(table.expiry.size).toBe(500);
      table.clear();
      expect(table.expiry.size).toBe(0);
    }
  });

  it('reuses slots, so its columns follow the live keys, not the keys ever seen', () => {
    const table = new RecordTable(100);
    for (let i = 0; i < 10_000; i++) {
      table.insert(`k${i}`, newClaimToken(), 0, 10, 20);
      if (table.size === 100) table.remove(table.expiry.first());
    }
    expect(table.size).toBe(99);
    expect(Math.max(...[...table.entries()].map(([, slot]) => slot))).toBeLessThan(100);
  });
});

describe('KeyIndex', () => {
  it('spreads provider-style keys over its shards, so no Map holds (and rehashes) most keys', () => {
    // One Map of a million keys rehashed all of them in the call that made it grow or shrink
    // (an 18 ms stall while a million keys expired); split 256 ways each rehash is a 256th.
    const index = new KeyIndex();
    const counts = new Array<number>(SHARDS).fill(0);
    const keys = 64_000;
    const keyOf = (i: number) => `stripe:evt_${i.toString(36).padStart(16, '0')}`;
    for (let i = 0; i < keys; i++) {
      const key = keyOf(i);
      index.add(key, i);
      counts[shardOf(key)] = (counts[shardOf(key)] as number) + 1;
    }
    const mean = keys / SHARDS;
    expect(Math.min(...counts)).toBeGreaterThan(mean * 0.7);
    expect(Math.max(...counts)).toBeLessThan(mean * 1.3);
    expect(index.size).toBe(keys);
    expect(index.get(keyOf(42))).toBe(42);
    index.remove(keyOf(42));
    expect(index.get(keyOf(42))).toBe(-1);
    expect(index.size).toBe(keys - 1);
    // Short and empty keys have a shard too.
    for (const key of ['', 'a', 'ab', 'abc']) {
      expect(shardOf(key)).toBeGreaterThanOrEqual(0);
      expect(shardOf(key)).toBeLessThan(SHARDS);
      index.add(key, 1);
      expect(index.get(key)).toBe(1);
    }
  });
});
