/**
 * releaseStalled, the store-clock check behind `release` and `purge --older-than`: the store
 * decides whether a lease ended, and what it did is what is reported.
 */
import { memoryStore } from '@hooklatch/core';
import { describe, expect, it } from 'vitest';
import { releaseStalled } from '../src/records';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('releaseStalled', () => {
  it('a live lease by the store clock is left alone', async () => {
    const store = memoryStore();
    await store.claim('p:live', { leaseMs: 60_000, ttlMs: 60_000 });
    const record = await store.get('p:live');
    expect(await releaseStalled(store, record!)).toBe('live');
    expect((await store.claim('p:live', { leaseMs: 1_000, ttlMs: 60_000 })).status).toBe(
      'in_flight',
    );
  });

  it('claimed again and stalled again since it was read: released, and reported so', async () => {
    const store = memoryStore();
    await store.claim('p:k', { leaseMs: 5, ttlMs: 60_000 });
    await sleep(20);
    const record = await store.get('p:k');
    // Between the read and the release, another copy claims it and stalls too.
    expect((await store.claim('p:k', { leaseMs: 5, ttlMs: 60_000 })).status).toBe('claimed');
    await sleep(20);
    expect(await releaseStalled(store, record!)).toBe('released');
    const after = await store.claim('p:k', { leaseMs: 1_000, ttlMs: 60_000 });
    expect(after.status).toBe('claimed');
  });

  it('completed since it was read: changed, the completion stays', async () => {
    const store = memoryStore();
    const first = await store.claim('p:c', { leaseMs: 5, ttlMs: 60_000 });
    await sleep(20);
    const record = await store.get('p:c');
    if (first.status !== 'claimed') throw new Error('unreachable');
    const again = await store.claim('p:c', { leaseMs: 60_000, ttlMs: 60_000 });
    if (again.status !== 'claimed') throw new Error('unreachable');
    await store.complete('p:c', again.token, { ttlMs: 60_000 });
    expect(await releaseStalled(store, record!)).toBe('changed');
    expect((await store.get('p:c'))?.state).toBe('completed');
  });
});
