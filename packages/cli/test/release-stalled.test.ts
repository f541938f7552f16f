/**
 * releaseStalled, the store-clock check behind `release` and `purge --older-than`: the store
 * decides whether a lease ended, and what it did is what is reported.
 */
import { memoryStore } from '@hooklatch/core';
import { describe, expect, it } from 'vitest';
import { deleteCompleted } from '../src/commands/purge';
import { releaseStalled } from '../src/records';
import type { StoreConnection } from '../src/store/connection';

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

describe('purge --older-than: deleteCompleted', () => {
  it('deletes the completed record it listed, never one claimed again since', async () => {
    const store = memoryStore();
    const connection = { dedupe: store } as unknown as StoreConnection;
    const first = await store.claim('p:d', { leaseMs: 60_000, ttlMs: 60_000 });
    if (first.status !== 'claimed') throw new Error('unreachable');
    await store.complete('p:d', first.token, { ttlMs: 3_600_000 });
    const listed = await store.get('p:d');
    // Deleted and claimed again between the listing and the purge: a live claim now.
    await store.delete('p:d');
    await store.claim('p:d', { leaseMs: 60_000, ttlMs: 60_000 });
    expect(await deleteCompleted(connection, listed!)).toBe(false);
    expect((await store.get('p:d'))?.state).toBe('in_flight');
    // The record as listed goes.
    const other = await store.claim('p:e', { leaseMs: 60_000, ttlMs: 60_000 });
    if (other.status !== 'claimed') throw new Error('unreachable');
    await store.complete('p:e', other.token, { ttlMs: 3_600_000 });
    expect(await deleteCompleted(connection, (await store.get('p:e'))!)).toBe(true);
    expect(await store.get('p:e')).toBeNull();
  });
});
