/**
 * Lease renewal, the remaining lease by the store's clock, and the payload digest kept with a
 * claim. `extend` is what keeps a slow handler from being run a second time concurrently, so
 * every refusal path is checked: a renewal must never hand out a second live lease.
 */
import { expect } from 'vitest';
import { claimedToken, LONG, type StoreCase, sleep } from './store-case';

const long = { leaseMs: LONG, ttlMs: LONG };
/** A well-formed ulid that no store ever issued. */
const FOREIGN_TOKEN = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
/** The longest digest the contract allows (128 ASCII characters). */
const MAX_DIGEST = `sha256:${'a1b2c3d4'.repeat(15)}f`;

export const leaseCases = {
  'extend renews a live lease': async ({ open, lease }) => {
    const store = await open();
    // ttlMs = 2 leases: the renewed lease outlives the record's expiry, which must move out too.
    const first = await store.claim('k', { leaseMs: lease, ttlMs: 2 * lease });
    const token = claimedToken(first);
    if (first.status !== 'claimed') return;
    await sleep(lease / 2);
    expect(await store.extend('k', token, 4 * lease)).toBe(true);
    const record = await store.get('k');
    expect(record).toMatchObject({ state: 'in_flight', token, claims: 1 });
    const leaseEnd = record?.leaseExpiresAt.getTime() ?? 0;
    expect(leaseEnd).toBeGreaterThan(first.leaseExpiresAt.getTime() + lease);
    expect(record?.expiresAt.getTime()).toBeGreaterThanOrEqual(leaseEnd);
    // Past the original lease and the original TTL: the renewed lease still holds the key.
    await sleep(1.5 * lease + 150);
    const again = await store.claim('k', { leaseMs: lease, ttlMs: LONG });
    expect(again.status).toBe('in_flight');
    if (again.status === 'in_flight') expect(again.leaseRemainingMs).toBeGreaterThan(0);
    expect(await store.extend('k', token, 4 * lease)).toBe(true);
    expect(await store.complete('k', token, { ttlMs: LONG })).toBe(true);
    expect((await store.get('k'))?.state).toBe('completed');
  },

  'extend refuses a stale or expired owner': async ({ open, lease }) => {
    const store = await open();
    expect(await store.extend('absent', FOREIGN_TOKEN, LONG)).toBe(false);
    expect(await store.get('absent')).toBeNull();
    const first = await store.claim('k', { leaseMs: lease, ttlMs: LONG });
    const stale = claimedToken(first);
    expect(await store.extend('k', FOREIGN_TOKEN, LONG)).toBe(false);
    expect(await store.extend('k', '', LONG)).toBe(false);
    const untouched = await store.get('k');
    expect(untouched?.token).toBe(stale);
    if (first.status === 'claimed') {
      expect(untouched?.leaseExpiresAt.getTime()).toBe(first.leaseExpiresAt.getTime());
    }
    // The lease ends with nobody re-claiming: extend must not revive it...
    await sleep(lease + 150);
    expect(await store.extend('k', stale, LONG)).toBe(false);
    // ...so the next claim takes over, and the old token can never renew the new owner's lease.
    const takeover = await store.claim('k', long);
    const fresh = claimedToken(takeover, 'the claim after the lease ended');
    expect(takeover.status === 'claimed' && takeover.claims).toBe(2);
    expect(await store.extend('k', stale, LONG)).toBe(false);
    expect(await store.get('k')).toMatchObject({ state: 'in_flight', token: fresh });
    expect(await store.extend('k', fresh, LONG)).toBe(true);
    // A completed record has no lease to renew.
    expect(await store.complete('k', fresh, { ttlMs: LONG })).toBe(true);
    expect(await store.extend('k', fresh, LONG)).toBe(false);
    expect((await store.get('k'))?.state).toBe('completed');
    expect((await store.claim('k', long)).status).toBe('completed');
  },

  'in-flight reports remaining lease by the store clock': async ({ open, lease }) => {
    const store = await open();
    const leaseMs = 20_000;
    claimedToken(await store.claim('k', { leaseMs, ttlMs: LONG }));
    const right = await store.claim('k', { leaseMs, ttlMs: LONG });
    expect(right.status).toBe('in_flight');
    if (right.status !== 'in_flight') return;
    expect(right.leaseRemainingMs).toBeLessThanOrEqual(leaseMs);
    expect(right.leaseRemainingMs).toBeGreaterThan(leaseMs - 5_000);
    await sleep(lease);
    const later = await store.claim('k', { leaseMs, ttlMs: LONG });
    if (later.status !== 'in_flight') throw new Error(`expected in_flight, got ${later.status}`);
    expect(later.leaseRemainingMs).toBeGreaterThan(0);
    // At least `lease` ms passed on any clock between the claim and this answer (5 ms of timer slack).
    expect(later.leaseRemainingMs).toBeLessThanOrEqual(leaseMs - lease + 5);
  },

  'digest is stored and reported': async ({ open, lease }) => {
    const store = await open();
    const token = claimedToken(await store.claim('k', { ...long, digest: MAX_DIGEST }));
    const copy = await store.claim('k', { ...long, digest: 'sha256:other' });
    expect(copy).toMatchObject({ status: 'in_flight', digest: MAX_DIGEST });
    expect((await store.get('k'))?.digest).toBe(MAX_DIGEST);
    expect(await store.complete('k', token, { ttlMs: LONG })).toBe(true);
    const done = await store.claim('k', { ...long, digest: 'sha256:other' });
    expect(done.status === 'completed' && done.record.digest).toBe(MAX_DIGEST);
    expect((await store.get('k'))?.digest).toBe(MAX_DIGEST);

    // Without a digest nothing is invented.
    const plain = claimedToken(await store.claim('plain', long));
    const plainCopy = await store.claim('plain', long);
    expect(plainCopy.status).toBe('in_flight');
    expect(plainCopy.status === 'in_flight' && plainCopy.digest).toBeUndefined();
    expect((await store.get('plain'))?.digest).toBeUndefined();
    expect(await store.complete('plain', plain, { ttlMs: LONG })).toBe(true);
    const plainDone = await store.claim('plain', long);
    expect(plainDone.status === 'completed' && plainDone.record.digest).toBeUndefined();

    // A takeover stores the new claimer's digest.
    claimedToken(await store.claim('t', { leaseMs: lease, ttlMs: LONG, digest: 'sha256:first' }));
    await sleep(lease + 150);
    claimedToken(await store.claim('t', { ...long, digest: 'sha256:second' }), 'the takeover');
    expect((await store.get('t'))?.digest).toBe('sha256:second');
  },
} satisfies Record<string, StoreCase>;
