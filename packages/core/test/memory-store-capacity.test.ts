import { describe, expect, it } from 'vitest';
import { isHooklatchError, memoryStore, StoreUnavailableError } from '../src/index';

const LONG = { leaseMs: 60_000, ttlMs: 86_400_000 };

describe('memoryStore maxEntries', () => {
  it('never runs a delivery twice when more keys arrive than it may hold (issue 10, item 3)', async () => {
    // 20,000 events, each delivered, then redelivered 5,000 events later, through a store that
    // holds 10,000. Evicting live records ran 12,205 of them twice; now a claim that finds the
    // store full of live records fails (503, so the provider retries later) and nothing reruns.
    const store = memoryStore({ maxEntries: 10_000 });
    const runs = new Map<string, number>();
    let full = 0;
    const deliver = async (key: string) => {
      try {
        const claim = await store.claim(key, LONG);
        if (claim.status !== 'claimed') return;
        runs.set(key, (runs.get(key) ?? 0) + 1);
        await store.complete(key, claim.token, { ttlMs: LONG.ttlMs });
      } catch (error) {
        if (!(error instanceof StoreUnavailableError) || error.code !== 'STORE_FULL') throw error;
        full += 1;
      }
    };
    for (let i = 0; i < 20_000 + 5_000; i++) {
      if (i < 20_000) await deliver(`evt_${i}`);
      if (i >= 5_000) await deliver(`evt_${i - 5_000}`);
    }
    expect([...runs.values()].filter((n) => n > 1)).toEqual([]);
    expect(runs.size).toBe(10_000);
    expect(full).toBe(20_000); // the 10,000 it could not take, each delivered twice
    expect(await store.get('evt_0')).toMatchObject({ state: 'completed' });
  });

  it('never evicts an in-flight record; a full store throws a typed, retryable STORE_FULL', async () => {
    const store = memoryStore({ maxEntries: 2 });
    await store.claim('a', LONG);
    await store.claim('b', LONG);
    const error = await store.claim('c', LONG).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect(isHooklatchError(error) && error.code).toBe('STORE_FULL');
    expect(isHooklatchError(error) && error.httpStatus).toBe(503);
    expect(isHooklatchError(error) && error.details).toEqual({ maxEntries: 2, live: 2 });
    expect((await store.get('a'))?.state).toBe('in_flight');
    expect((await store.get('b'))?.state).toBe('in_flight');
    // Keys it already holds still answer: a duplicate is never refused for lack of room.
    expect((await store.claim('a', LONG)).status).toBe('in_flight');
    // Room comes back when a record goes.
    expect(await store.delete('a')).toBe(true);
    expect((await store.claim('c', LONG)).status).toBe('claimed');
  });

  it('drops expired records first to make room, and only those', async () => {
    let t = 0;
    const store = memoryStore({ maxEntries: 3, now: () => t });
    await store.claim('short', { leaseMs: 1_000, ttlMs: 1_000 });
    const done = await store.claim('done', { leaseMs: 1_000, ttlMs: 1_000 });
    if (done.status !== 'claimed') throw new Error('expected claimed');
    await store.complete('done', done.token, { ttlMs: 5_000 });
    await store.claim('lease-ended', { leaseMs: 1_000, ttlMs: 10_000 });
    t = 1_000; // 'short' expired; 'done' is completed inside its TTL; 'lease-ended' is in flight
    expect((await store.claim('new', LONG)).status).toBe('claimed');
    expect(await store.get('short')).toBeNull();
    expect(await store.get('done')).not.toBeNull();
    await expect(store.claim('another', LONG)).rejects.toMatchObject({ code: 'STORE_FULL' });
    expect((await store.get('lease-ended'))?.state).toBe('in_flight');
    t = 5_000;
    expect((await store.claim('another', LONG)).status).toBe('claimed');
    expect(await store.get('done')).toBeNull();
  });

  it('does bounded work per claim however many records expired at once', async () => {
    // The old sweep dropped every due key inside one claim: 232 ms at 200,000 keys, 1 s at 1M.
    let t = 0;
    const store = memoryStore({ now: () => t });
    for (let i = 0; i < 200_000; i++) await store.claim(`k${i}`, { leaseMs: 1_000, ttlMs: 1_000 });
    t = 10_000;
    const started = performance.now();
    await store.claim('next', { leaseMs: 1_000, ttlMs: 1_000 });
    expect(performance.now() - started).toBeLessThan(50);
    // Expired records still count as absent, swept or not.
    expect(await store.get('k199999')).toBeNull();
    expect((await store.claim('k5', { leaseMs: 1_000, ttlMs: 1_000 })).status).toBe('claimed');
  });
});
