/**
 * Lease renewal, the remaining lease by the store's clock, and the payload digest kept with a
 * claim. `extend` is what keeps a slow handler from being run a second time concurrently, so
 * every refusal path is checked: a renewal must never hand out a second live lease.
 */
import assert from 'node:assert/strict';
import {
  assertFields,
  claimedToken,
  FOREIGN_TOKEN,
  LONG,
  LONG_CLAIM,
  type StoreCase,
  sleep,
} from './store-case';

const long = LONG_CLAIM;
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
    assert.equal(await store.extend('k', token, 4 * lease), true);
    const record = await store.get('k');
    assertFields(record, { state: 'in_flight', token, claims: 1 });
    const leaseEnd = record?.leaseExpiresAt.getTime() ?? 0;
    assert.ok(leaseEnd > first.leaseExpiresAt.getTime() + lease, 'extend did not move the lease');
    assert.ok(
      (record?.expiresAt.getTime() ?? 0) >= leaseEnd,
      'the record expires before its lease',
    );
    // Past the original lease and the original TTL: the renewed lease still holds the key.
    await sleep(1.5 * lease + 150);
    const again = await store.claim('k', { leaseMs: lease, ttlMs: LONG });
    assert.equal(again.status, 'in_flight');
    if (again.status === 'in_flight') assert.ok(again.leaseRemainingMs > 0, 'no lease left');
    assert.equal(await store.extend('k', token, 4 * lease), true);
    assert.equal(await store.complete('k', token, { ttlMs: LONG }), true);
    assert.equal((await store.get('k'))?.state, 'completed');
  },

  'extend refuses a stale or expired owner': async ({ open, lease }) => {
    const store = await open();
    assert.equal(await store.extend('absent', FOREIGN_TOKEN, LONG), false);
    assert.equal(await store.get('absent'), null);
    const stale = claimedToken(await store.claim('k', { leaseMs: lease, ttlMs: LONG }));
    // The stored lease, not the claim's answer: a store may answer a fresh claim with a lease
    // end of its own clock (send time + leaseMs), a little before the one it stored.
    const claimed = await store.get('k');
    assert.equal(await store.extend('k', FOREIGN_TOKEN, LONG), false);
    assert.equal(await store.extend('k', '', LONG), false);
    const untouched = await store.get('k');
    assert.equal(untouched?.token, stale);
    assert.equal(untouched?.leaseExpiresAt.getTime(), claimed?.leaseExpiresAt.getTime());
    // The lease ends with nobody re-claiming: extend must not revive it...
    await sleep(lease + 150);
    assert.equal(await store.extend('k', stale, LONG), false);
    // ...so the next claim takes over, and the old token can never renew the new owner's lease.
    const takeover = await store.claim('k', long);
    const fresh = claimedToken(takeover, 'the claim after the lease ended');
    assert.equal(takeover.status === 'claimed' && takeover.claims, 2);
    assert.equal(await store.extend('k', stale, LONG), false);
    assertFields(await store.get('k'), { state: 'in_flight', token: fresh });
    assert.equal(await store.extend('k', fresh, LONG), true);
    // A completed record has no lease to renew.
    assert.equal(await store.complete('k', fresh, { ttlMs: LONG }), true);
    assert.equal(await store.extend('k', fresh, LONG), false);
    assert.equal((await store.get('k'))?.state, 'completed');
    assert.equal((await store.claim('k', long)).status, 'completed');
  },

  'in-flight reports remaining lease by the store clock': async ({ open, lease }) => {
    const store = await open();
    const leaseMs = 20_000;
    claimedToken(await store.claim('k', { leaseMs, ttlMs: LONG }));
    const right = await store.claim('k', { leaseMs, ttlMs: LONG });
    assert.equal(right.status, 'in_flight');
    if (right.status !== 'in_flight') return;
    const remaining = right.leaseRemainingMs;
    assert.ok(remaining <= leaseMs && remaining > leaseMs - 5_000, `${remaining} ms remaining`);
    await sleep(lease);
    const later = await store.claim('k', { leaseMs, ttlMs: LONG });
    if (later.status !== 'in_flight') throw new Error(`expected in_flight, got ${later.status}`);
    const left = later.leaseRemainingMs;
    // At least `lease` ms passed on any clock between the claim and this answer (5 ms of timer slack).
    assert.ok(left > 0 && left <= leaseMs - lease + 5, `${left} ms remaining after ${lease} ms`);
  },

  'digest is stored and reported': async ({ open, lease }) => {
    const store = await open();
    const token = claimedToken(await store.claim('k', { ...long, digest: MAX_DIGEST }));
    const copy = await store.claim('k', { ...long, digest: 'sha256:other' });
    assertFields(copy, { status: 'in_flight', digest: MAX_DIGEST });
    assert.equal((await store.get('k'))?.digest, MAX_DIGEST);
    assert.equal(await store.complete('k', token, { ttlMs: LONG }), true);
    const done = await store.claim('k', { ...long, digest: 'sha256:other' });
    assert.equal(done.status === 'completed' && done.record.digest, MAX_DIGEST);
    assert.equal((await store.get('k'))?.digest, MAX_DIGEST);

    // Without a digest nothing is invented.
    const plain = claimedToken(await store.claim('plain', long));
    const plainCopy = await store.claim('plain', long);
    assert.equal(plainCopy.status, 'in_flight');
    assert.equal(plainCopy.status === 'in_flight' && plainCopy.digest, undefined);
    assert.equal((await store.get('plain'))?.digest, undefined);
    assert.equal(await store.complete('plain', plain, { ttlMs: LONG }), true);
    const plainDone = await store.claim('plain', long);
    assert.equal(plainDone.status === 'completed' && plainDone.record.digest, undefined);

    // A takeover stores the new claimer's digest.
    claimedToken(await store.claim('t', { leaseMs: lease, ttlMs: LONG, digest: 'sha256:first' }));
    await sleep(lease + 150);
    claimedToken(await store.claim('t', { ...long, digest: 'sha256:second' }), 'the takeover');
    assert.equal((await store.get('t'))?.digest, 'sha256:second');
  },
} satisfies Record<string, StoreCase>;
