/**
 * The original conformance cases: the claim state machine, ownership, expiry, the race, prefix
 * isolation, results, get/delete and list.
 */
import assert from 'node:assert/strict';
import { assertFields, claimedToken, LONG, LONG_CLAIM, type StoreCase, sleep } from './store-case';

const long = LONG_CLAIM;

export const basicCases = {
  claim: async ({ open }) => {
    const store = await open();
    const before = Date.now();
    const result = await store.claim('k', long);
    const after = Date.now();
    assert.equal(result.status, 'claimed');
    if (result.status !== 'claimed') return;
    assert.match(result.token, /^[0-9A-HJKMNP-TV-Z]{26}$/);
    assert.equal(result.claims, 1);
    // Within 5 s either way: a networked store may answer by its server's clock.
    assert.ok(result.leaseExpiresAt.getTime() > before + LONG - 5_000, 'the lease is too short');
    assert.ok(result.leaseExpiresAt.getTime() < after + LONG + 5_000, 'the lease is too long');
    const record = await store.get('k');
    assertFields(record, { key: 'k', state: 'in_flight', token: result.token, claims: 1 });
  },

  'second claim is in flight': async ({ open }) => {
    const store = await open();
    const first = await store.claim('k', long);
    const second = await store.claim('k', long);
    assert.equal(first.status, 'claimed');
    assert.equal(second.status, 'in_flight');
    if (first.status === 'claimed' && second.status === 'in_flight') {
      const apart = Math.abs(second.leaseExpiresAt.getTime() - first.leaseExpiresAt.getTime());
      assert.ok(apart < 1_000, `the in-flight copy reports a lease ${apart} ms off the claim's`);
    }
  },

  'complete then duplicate': async ({ open }) => {
    const store = await open();
    const token = claimedToken(await store.claim('k', long));
    assert.equal(await store.complete('k', token, { ttlMs: LONG }), true);
    const again = await store.claim('k', long);
    assert.equal(again.status, 'completed');
    if (again.status === 'completed') {
      assert.equal(again.record.state, 'completed');
      assert.equal(again.record.token, token);
      assert.ok(again.record.completedAt instanceof Date, 'completedAt is not a Date');
    }
  },

  'release then re-claim': async ({ open }) => {
    const store = await open();
    const token = claimedToken(await store.claim('k', long));
    assert.equal(await store.release('k', token), true);
    const second = await store.claim('k', long);
    assert.equal(second.status, 'claimed');
    if (second.status === 'claimed') assert.notEqual(second.token, token);
  },

  'expired lease re-claimed': async ({ open, lease }) => {
    const store = await open();
    const token = claimedToken(await store.claim('k', { leaseMs: lease, ttlMs: LONG }));
    assert.equal((await store.claim('k', { leaseMs: lease, ttlMs: LONG })).status, 'in_flight');
    await sleep(lease + 150);
    const second = await store.claim('k', long);
    assert.equal(second.status, 'claimed');
    if (second.status === 'claimed') {
      assert.notEqual(second.token, token);
      assert.equal(second.claims, 2);
    }
  },

  'completed record not re-claimable within TTL': async ({ open, lease }) => {
    const store = await open();
    const token = claimedToken(await store.claim('k', { leaseMs: lease, ttlMs: LONG }));
    assert.equal(await store.complete('k', token, { ttlMs: LONG }), true);
    await sleep(lease + 150); // the lease is long gone; the completed record must still win
    assert.equal((await store.claim('k', long)).status, 'completed');
  },

  'record gone after TTL': async ({ open, lease }) => {
    const store = await open();
    const token = claimedToken(await store.claim('k', long));
    assert.equal(await store.complete('k', token, { ttlMs: lease }), true);
    assert.notEqual(await store.get('k'), null);
    await sleep(lease + 150);
    assert.equal(await store.get('k'), null);
    assert.equal((await store.claim('k', long)).status, 'claimed');
  },

  'stale owner cannot complete or release': async ({ open, lease }) => {
    const store = await open();
    const stale = claimedToken(await store.claim('k', { leaseMs: lease, ttlMs: LONG }));
    await sleep(lease + 150);
    const fresh = claimedToken(await store.claim('k', long), 'the expired lease');
    assert.equal(await store.complete('k', stale, { ttlMs: LONG, result: 'stale' }), false);
    assert.equal(await store.release('k', stale), false);
    assert.equal(await store.release('k', 'not-a-token'), false);
    const record = await store.get('k');
    assertFields(record, { state: 'in_flight', token: fresh });
    assert.equal(record?.result, undefined);
    // The real owner still can, and a completed record cannot be released by anyone.
    assert.equal(await store.complete('k', fresh, { ttlMs: LONG }), true);
    assert.equal(await store.release('k', fresh), false);
    assert.equal(await store.complete('k', fresh, { ttlMs: LONG }), false);
    assert.equal((await store.get('k'))?.state, 'completed');
  },

  'concurrent claims yield exactly one claimed': async ({ open, concurrency }) => {
    const store = await open();
    const results = await Promise.all(
      Array.from({ length: concurrency }, () => store.claim('race', long)),
    );
    assert.equal(results.filter((r) => r.status === 'claimed').length, 1);
    assert.equal(results.filter((r) => r.status === 'in_flight').length, concurrency - 1);
  },

  'keys are isolated by prefix': async ({ open }) => {
    const a = await open();
    const b = await open();
    assert.equal((await a.claim('shared', long)).status, 'claimed');
    assert.equal((await b.claim('shared', long)).status, 'claimed');
    assert.equal((await a.claim('other', long)).status, 'claimed');
    assert.equal(await b.get('other'), null);
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
    assert.equal(await store.complete('k', token, { ttlMs: LONG, result }), true);
    const again = await store.claim('k', long);
    assert.deepEqual(again.status === 'completed' && again.record.result, result);
    assert.deepEqual((await store.get('k'))?.result, result);
  },

  'get and delete': async ({ open }) => {
    const store = await open();
    assert.equal(await store.get('missing'), null);
    assert.equal(await store.delete('missing'), false);
    const token = claimedToken(await store.claim('k', long));
    await store.complete('k', token, { ttlMs: LONG });
    assert.equal(await store.delete('k'), true);
    assert.equal(await store.get('k'), null);
    assert.equal((await store.claim('k', long)).status, 'claimed');
  },

  list: async ({ open }) => {
    const store = await open();
    if (!store.list) throw new Error('store has no list(); declare it in skip with a reason');
    for (const key of ['order:1', 'order:2', 'invoice:1']) await store.claim(key, long);
    const orders = await store.list({ prefix: 'order:' });
    assert.deepEqual(orders.map((r) => r.key).sort(), ['order:1', 'order:2']);
    assert.equal((await store.list({ limit: 2 })).length, 2);
  },
} satisfies Record<string, StoreCase>;
