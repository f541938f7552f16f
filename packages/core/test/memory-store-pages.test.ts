import { describe, expect, it } from 'vitest';
import { memoryStore } from '../src/index';
import { newClaimToken } from '../src/kit';
import { ExpiryIndex } from '../src/store/expiry-index';
import { KeyIndex } from '../src/store/key-index';
import { SWEEP_BATCH } from '../src/store/memory-store';
import { RecordTable } from '../src/store/record-table';
import {
  FIRST_PAGE_SLOTS,
  firstPageCapacity,
  MAX_CHUNK_BYTES,
  PAGE_SLOTS,
  PageMemory,
} from '../src/store/slot-pages';

const hex = (i: number) => `sha256:${i.toString(16).padStart(8, '0').repeat(8)}`;

describe('PageMemory', () => {
  it('hands out disjoint zeroed ranges from few, bounded chunks', () => {
    const page = 400_000;
    const memory = new PageMemory(page);
    const buffers = new Set<ArrayBuffer>();
    let previous: { buffer: ArrayBuffer; offset: number } | undefined;
    // A million slots' worth of pages: a few dozen allocations, never one per page.
    for (let i = 0; i < 250; i++) {
      const taken = memory.take(page);
      expect(taken.offset + page).toBeLessThanOrEqual(taken.buffer.byteLength);
      expect(taken.buffer.byteLength).toBeLessThanOrEqual(Math.max(page, MAX_CHUNK_BYTES));
      if (previous?.buffer === taken.buffer) {
        expect(taken.offset).toBeGreaterThanOrEqual(previous.offset + page);
      }
      const bytes = new Uint8Array(taken.buffer, taken.offset, page);
      expect(bytes.every((b) => b === 0)).toBe(true);
      bytes.fill(7); // a later range of the same chunk must still read as zero
      buffers.add(taken.buffer);
      previous = taken;
    }
    expect(buffers.size).toBeLessThan(40);
    const held = [...buffers].reduce((sum, b) => sum + b.byteLength, 0);
    expect(held).toBeLessThan(250 * page + MAX_CHUNK_BYTES);
  });

  it('sizes page 0 by powers of two up to a page, and below the store limit', () => {
    expect(firstPageCapacity(1, Number.POSITIVE_INFINITY)).toBe(FIRST_PAGE_SLOTS);
    expect(firstPageCapacity(65, Number.POSITIVE_INFINITY)).toBe(128);
    expect(firstPageCapacity(PAGE_SLOTS - 1, Number.POSITIVE_INFINITY)).toBe(PAGE_SLOTS);
    expect(firstPageCapacity(PAGE_SLOTS + 1, Number.POSITIVE_INFINITY)).toBe(PAGE_SLOTS);
    expect(firstPageCapacity(1, 2)).toBe(2);
    expect(firstPageCapacity(100, 100)).toBe(100);
  });
});

describe('RecordTable pages', () => {
  it('keeps every record intact across page 0 growth and page boundaries', () => {
    const table = new RecordTable(Number.POSITIVE_INFINITY);
    const count = 2 * PAGE_SLOTS + 100;
    const tokens: string[] = [];
    const slots: number[] = [];
    for (let i = 0; i < count; i++) {
      tokens.push(newClaimToken());
      // Odd records get a digest that is kept as a string, even ones a packed one.
      const digest = i % 2 === 0 ? hex(i) : `md5:${i}`;
      slots.push(table.insert(`k${i}`, tokens[i] as string, i, 10_000 + i, 20_000 + i, digest));
      if (i % 3 === 0) table.complete(slots[i] as number, 500 + i, 30_000 + i, { i });
    }
    expect(Math.max(...slots)).toBe(count - 1); // slots 0.. count-1: three pages in use
    for (const i of [0, 1, 63, 64, PAGE_SLOTS - 1, PAGE_SLOTS, 2 * PAGE_SLOTS, count - 1]) {
      const slot = table.find(`k${i}`);
      expect(slot).toBe(slots[i]);
      expect(table.read(slot)).toEqual({
        key: `k${i}`,
        state: i % 3 === 0 ? 'completed' : 'in_flight',
        token: tokens[i],
        leaseExpiresAt: new Date(10_000 + i),
        expiresAt: new Date((i % 3 === 0 ? 30_000 : 20_000) + i),
        createdAt: new Date(i),
        claims: 1,
        digest: i % 2 === 0 ? hex(i) : `md5:${i}`,
        ...(i % 3 === 0 ? { completedAt: new Date(500 + i), result: { i } } : {}),
      });
    }
    expect(table.size).toBe(count);
    expect(table.expiry.size).toBe(count);
  });

  it('reuses freed slots last-in first-out, and reset ones carry nothing over', () => {
    const table = new RecordTable(Number.POSITIVE_INFINITY);
    for (let i = 0; i < PAGE_SLOTS + 10; i++) table.insert(`k${i}`, newClaimToken(), 0, 10, 20);
    const freed = [5, PAGE_SLOTS + 3, 17];
    for (const slot of freed) table.remove(slot);
    const digest = hex(1);
    expect(table.stageDigest(digest)).toBe(true);
    const token = newClaimToken();
    // The staged digest is for this insert; the next two get digests staged for nobody.
    expect(table.insert('a', token, 1, 2, 3, digest)).toBe(17);
    expect(table.insert('b', newClaimToken(), 1, 2, 3, hex(2))).toBe(PAGE_SLOTS + 3);
    expect(table.insert('c', newClaimToken(), 1, 2, 3)).toBe(5);
    expect(table.read(17)).toMatchObject({ key: 'a', token, digest, claims: 1 });
    expect(table.read(PAGE_SLOTS + 3)).toMatchObject({ key: 'b', digest: hex(2) });
    expect(table.read(5).digest).toBeUndefined();
    expect(table.insert('d', newClaimToken(), 1, 2, 3)).toBe(PAGE_SLOTS + 10); // a new slot
  });

  it('keeps each packed digest scheme apart, through staging and slot reuse', () => {
    const table = new RecordTable(Number.POSITIVE_INFINITY);
    const body = `sha256-body:${hex(7).slice('sha256:'.length)}`;
    expect(table.stageDigest(body)).toBe(true);
    const slot = table.insert('a', newClaimToken(), 1, 2, 3, body);
    expect(table.read(slot).digest).toBe(body);
    // The same slot reused by a `sha256:` digest (packed without staging), then by none.
    table.remove(slot);
    expect(table.insert('b', newClaimToken(), 1, 2, 3, hex(7))).toBe(slot);
    expect(table.read(slot).digest).toBe(hex(7));
    table.remove(slot);
    expect(table.insert('c', newClaimToken(), 1, 2, 3, body)).toBe(slot);
    expect(table.read(slot).digest).toBe(body);
    table.remove(slot);
    expect(table.insert('d', newClaimToken(), 1, 2, 3)).toBe(slot);
    expect(table.read(slot).digest).toBeUndefined();
  });

  it('leaves a slot free (and reusable) when the token is refused', () => {
    const table = new RecordTable(Number.POSITIVE_INFINITY);
    expect(() => table.insert('bad', 'not-a-ulid', 0, 1, 2)).toThrow(TypeError);
    expect(table.size).toBe(0);
    expect(table.insert('good', newClaimToken(), 0, 1, 2)).toBe(0);
    expect(table.expiry.size).toBe(1);
  });

  it('drops expired records a bounded batch per call, and all of them in the end', () => {
    const table = new RecordTable(Number.POSITIVE_INFINITY);
    const expiring = 3 * PAGE_SLOTS + 7;
    for (let i = 0; i < expiring; i++) table.insert(`old${i}`, newClaimToken(), 0, 500, 1_000);
    for (let i = 0; i < 10; i++) table.insert(`new${i}`, newClaimToken(), 0, 500, 5_000);
    let calls = 0;
    for (;;) {
      const before = table.size;
      const dropped = table.dropExpired(2_000, SWEEP_BATCH);
      expect(dropped).toBeLessThanOrEqual(SWEEP_BATCH);
      expect(table.size).toBe(before - dropped);
      if (dropped === 0) break;
      calls += 1;
    }
    expect(calls).toBe(Math.ceil(expiring / SWEEP_BATCH));
    expect(table.size).toBe(10);
    expect(table.find('old0')).toBe(-1);
    expect(table.find('new9')).toBeGreaterThanOrEqual(0);
  });
});

describe('ExpiryIndex pages', () => {
  it('keeps heap order while page 0 grows and the heap spans several pages', () => {
    const index = new ExpiryIndex();
    index.reserve(8);
    for (let slot = 0; slot < 8; slot++) index.set(slot, 1_000 - slot);
    index.reserve(3 * PAGE_SLOTS);
    let seed = 11;
    const random = () => {
      seed = (seed * 48_271) % 2_147_483_647;
      return seed;
    };
    const expected = new Map<number, number>();
    for (let slot = 0; slot < 8; slot++) expected.set(slot, 1_000 - slot);
    for (let step = 0; step < 20_000; step++) {
      const slot = random() % (3 * PAGE_SLOTS);
      if (random() % 5 === 0) {
        index.delete(slot);
        expected.delete(slot);
      } else {
        const at = random() % 100_000;
        index.set(slot, at);
        expected.set(slot, at);
      }
    }
    expect(index.size).toBe(expected.size);
    const order = [...expected.values()].sort((a, b) => a - b);
    for (const at of order) {
      const slot = index.first();
      expect(index.at(slot)).toBe(at);
      index.delete(slot);
    }
    expect(index.first()).toBe(-1);
  });
});

describe('KeyIndex shard cache', () => {
  it('puts a key in its own shard even when another key was looked up last', () => {
    const index = new KeyIndex();
    for (let i = 0; i < 1_000; i++) {
      expect(index.get(`other${i}`)).toBe(-1);
      index.add(`key${i}`, i);
    }
    for (let i = 0; i < 1_000; i++) expect(index.get(`key${i}`)).toBe(i);
  });
});

describe('memoryStore close', () => {
  it('empties the store at once and leaves it usable', async () => {
    const store = memoryStore();
    for (let i = 0; i < PAGE_SLOTS + 5; i++) {
      await store.claim(`k${i}`, { leaseMs: 60_000, ttlMs: 60_000 });
    }
    await store.close?.();
    expect(await store.get('k0')).toBeNull();
    expect(await store.list?.()).toEqual([]);
    expect(await store.claim('k0', { leaseMs: 60_000, ttlMs: 60_000 })).toMatchObject({
      status: 'claimed',
      claims: 1,
    });
  });
});
