/**
 * The original conformance cases: the claim state machine, ownership, expiry, the race, prefix
 * isolation, results, get/delete and list.
 */
import { expect } from 'vitest';
import { claimedToken, LONG, type StoreCase, sleep } from './store-case';

const long = { leaseMs: LONG, ttlMs: LONG };

export const basicCases = {
  claim: async ({ open }) => {
    const store = await open();
    const before = Date.now();
    const result = await store.claim('k', long);
    expect(result.status).toBe('claimed');
    if (result.status !== 'claimed') return;
    expect(result.token).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(result.claims).toBe(1);
    expect(result.leaseExpiresAt.getTime()).toBeGreaterThan(before + LONG - 5_000);
    const record = await store.get('k');
    expect(record).toMatchObject({ key: 'k', state: 'in_flight', token: result.token, claims: 1 });
  },

  'second claim is in flight': async ({ open }) => {
    const store = await open();
    const first = await store.claim('k', long);
    const second = await store.claim('k', long);
    expect(first.status).toBe('claimed');
    expect(second.status).toBe('in_flight');
    if (first.status === 'claimed' && second.status === 'in_flight') {
      expect(
        Math.abs(second.leaseExpiresAt.getTime() - first.leaseExpiresAt.getTime()),
      ).toBeLessThan(1_000);
    }
  },

  'complete then duplicate': async ({ open }) => {
    const store = await open();
    const token = claimedToken(await store.claim('k', long));
    expect(await store.complete('k', token, { ttlMs: LONG })).toBe(true);
    const again = await store.claim('k', long);
    expect(again.status).toBe('completed');
    if (again.status === 'completed') {
      expect(again.record.state).toBe('completed');
      expect(again.record.token).toBe(token);
      expect(again.record.completedAt).toBeInstanceOf(Date);
    }
  },

  'release then re-claim': async ({ open }) => {
    const store = await open();
    const token = claimedToken(await store.claim('k', long));
    expect(await store.release('k', token)).toBe(true);
    const second = await store.claim('k', long);
    expect(second.status).toBe('claimed');
    if (second.status === 'claimed') expect(second.token).not.toBe(token);
  },

  'expired lease re-claimed': async ({ open, lease }) => {
    const store = await open();
    const token = claimedToken(await store.claim('k', { leaseMs: lease, ttlMs: LONG }));
    expect((await store.claim('k', { leaseMs: lease, ttlMs: LONG })).status).toBe('in_flight');
    await sleep(lease + 150);
    const second = await store.claim('k', long);
    expect(second.status).toBe('claimed');
    if (second.status === 'claimed') {
      expect(second.token).not.toBe(token);
      expect(second.claims).toBe(2);
    }
  },

  'completed record not re-claimable within TTL': async ({ open, lease }) => {
    const store = await open();
    const token = claimedToken(await store.claim('k', { leaseMs: lease, ttlMs: LONG }));
    expect(await store.complete('k', token, { ttlMs: LONG })).toBe(true);
    await sleep(lease + 150); // the lease is long gone; the completed record must still win
    expect((await store.claim('k', long)).status).toBe('completed');
  },

  'record gone after TTL': async ({ open, lease }) => {
    const store = await open();
    const token = claimedToken(await store.claim('k', long));
    expect(await store.complete('k', token, { ttlMs: lease })).toBe(true);
    expect(await store.get('k')).not.toBeNull();
    await sleep(lease + 150);
    expect(await store.get('k')).toBeNull();
    expect((await store.claim('k', long)).status).toBe('claimed');
  },

  'stale owner cannot complete or release': async ({ open, lease }) => {
    const store = await open();
    const stale = claimedToken(await store.claim('k', { leaseMs: lease, ttlMs: LONG }));
    await sleep(lease + 150);
    const fresh = claimedToken(await store.claim('k', long), 'the expired lease');
    expect(await store.complete('k', stale, { ttlMs: LONG, result: 'stale' })).toBe(false);
    expect(await store.release('k', stale)).toBe(false);
    expect(await store.release('k', 'not-a-token')).toBe(false);
    const record = await store.get('k');
    expect(record).toMatchObject({ state: 'in_flight', token: fresh });
    expect(record?.result).toBeUndefined();
    // The real owner still can, and a completed record cannot be released by anyone.
    expect(await store.complete('k', fresh, { ttlMs: LONG })).toBe(true);
    expect(await store.release('k', fresh)).toBe(false);
    expect(await store.complete('k', fresh, { ttlMs: LONG })).toBe(false);
    expect((await store.get('k'))?.state).toBe('completed');
  },

  'concurrent claims yield exactly one claimed': async ({ open, concurrency }) => {
    const store = await open();
    const results = await Promise.all(
      Array.from({ length: concurrency }, () => store.claim('race', long)),
    );
    expect(results.filter((r) => r.status === 'claimed')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'in_flight')).toHaveLength(concurrency - 1);
  },

  'keys are isolated by prefix': async ({ open }) => {
    const a = await open();
    const b = await open();
    expect((await a.claim('shared', long)).status).toBe('claimed');
    expect((await b.claim('shared', long)).status).toBe('claimed');
    expect((await a.claim('other', long)).status).toBe('claimed');
    expect(await b.get('other')).toBeNull();
  },

  'stored result round-trips': async ({ open }) => {
    const store = await open();
    const result = {
      orderId: 'ord_1',
      total: 12.5,
      tags: ['a', 'b'],
      nested: { ok: true, none: null },
    };
    const token = claimedToken(await store.claim('k', long));
    expect(await store.complete('k', token, { ttlMs: LONG, result })).toBe(true);
    const again = await store.claim('k', long);
    expect(again.status === 'completed' && again.record.result).toEqual(result);
    expect((await store.get('k'))?.result).toEqual(result);
  },

  'get and delete': async ({ open }) => {
    const store = await open();
    expect(await store.get('missing')).toBeNull();
    expect(await store.delete('missing')).toBe(false);
    const token = claimedToken(await store.claim('k', long));
    await store.complete('k', token, { ttlMs: LONG });
    expect(await store.delete('k')).toBe(true);
    expect(await store.get('k')).toBeNull();
    expect((await store.claim('k', long)).status).toBe('claimed');
  },

  list: async ({ open }) => {
    const store = await open();
    if (!store.list) throw new Error('store has no list(); declare it in skip with a reason');
    for (const key of ['order:1', 'order:2', 'invoice:1']) await store.claim(key, long);
    const orders = await store.list({ prefix: 'order:' });
    expect(orders.map((r) => r.key).sort()).toEqual(['order:1', 'order:2']);
    expect(await store.list({ limit: 2 })).toHaveLength(2);
  },
} satisfies Record<string, StoreCase>;
