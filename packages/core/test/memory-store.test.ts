import { describe, expect, it } from 'vitest';
import { memoryStore } from '../src/index';
import { ExpiryIndex } from '../src/store/expiry-index';

describe('memoryStore specifics', () => {
  it('uses the injected clock for leases and TTLs', async () => {
    let t = 1_000_000;
    const store = memoryStore({ now: () => t });
    const first = await store.claim('k', { leaseMs: 1_000, ttlMs: 5_000 });
    expect(first).toMatchObject({ status: 'claimed', leaseExpiresAt: new Date(1_001_000) });
    t += 999;
    expect((await store.claim('k', { leaseMs: 1_000, ttlMs: 5_000 })).status).toBe('in_flight');
    t += 1;
    const second = await store.claim('k', { leaseMs: 1_000, ttlMs: 5_000 });
    expect(second).toMatchObject({ status: 'claimed', claims: 2 });
    if (second.status !== 'claimed') return;
    expect(await store.complete('k', second.token, { ttlMs: 10_000 })).toBe(true);
    t += 9_999;
    expect((await store.claim('k', { leaseMs: 1_000, ttlMs: 5_000 })).status).toBe('completed');
    t += 1;
    expect(await store.get('k')).toBeNull();
  });

  it('evicts the oldest record beyond maxEntries', async () => {
    const store = memoryStore({ maxEntries: 2 });
    for (const key of ['a', 'b', 'c']) await store.claim(key, { leaseMs: 60_000, ttlMs: 60_000 });
    expect(await store.get('a')).toBeNull();
    expect(await store.get('b')).not.toBeNull();
    expect(await store.get('c')).not.toBeNull();
  });

  it('drops expired records without being asked about them', async () => {
    let t = 0;
    const store = memoryStore({ now: () => t });
    for (let i = 0; i < 100; i++) await store.claim(`old-${i}`, { leaseMs: 1_000, ttlMs: 1_000 });
    t = 10_000;
    await store.claim('new', { leaseMs: 1_000, ttlMs: 1_000 });
    const records = await store.list?.({ limit: 1_000 });
    expect(records?.map((r) => r.key)).toEqual(['new']);
  });

  it('returns copies: mutating a returned record does not change the store', async () => {
    const store = memoryStore();
    const c = await store.claim('k', { leaseMs: 60_000, ttlMs: 60_000 });
    if (c.status !== 'claimed') throw new Error('expected claimed');
    await store.complete('k', c.token, { ttlMs: 60_000, result: { n: 1 } });
    const record = await store.get('k');
    (record?.result as { n: number }).n = 2;
    expect((await store.get('k'))?.result).toEqual({ n: 1 });
  });
});

describe('ExpiryIndex', () => {
  it('yields due keys bucket by bucket, in time order, once', () => {
    const index = new ExpiryIndex();
    index.add('late', 5_500);
    index.add('early', 1_200);
    index.add('mid', 3_000);
    index.add('early2', 1_900);
    expect([...index.takeDue(1_999)]).toEqual([]);
    expect([...index.takeDue(2_000)]).toEqual(['early', 'early2']);
    expect([...index.takeDue(10_000)]).toEqual(['mid', 'late']);
    expect([...index.takeDue(10_000)]).toEqual([]);
    expect(index.size).toBe(0);
  });
});
