/**
 * The edges of the contract a store can get subtly wrong and still pass the main cases: a
 * takeover of an ended lease that is not atomic, a lapsed owner's completion, the completed
 * record's retention counted from the wrong moment, falsy results, records shared with the
 * caller (by get, claim or list), what `release` and expiry leave behind, and what `list` returns.
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

export const edgeCases = {
  'concurrent takeovers of an ended lease yield exactly one claimed': async ({
    open,
    lease,
    concurrency,
  }) => {
    const store = await open();
    claimedToken(await store.claim('k', { leaseMs: lease, ttlMs: LONG }));
    await sleep(lease + 150);
    // The read-then-write a store may do for an ended lease must be as atomic as a fresh claim.
    const results = await Promise.all(
      Array.from({ length: concurrency }, () => store.claim('k', long)),
    );
    assert.equal(results.filter((r) => r.status === 'claimed').length, 1, 'owners after takeover');
    assert.equal(results.filter((r) => r.status === 'in_flight').length, concurrency - 1);
  },

  'a lapsed owner nobody replaced may complete; no other token can': async ({ open, lease }) => {
    const store = await open();
    const owner = claimedToken(await store.claim('k', { leaseMs: lease, ttlMs: LONG }));
    await sleep(lease + 150);
    assert.equal(await store.complete('k', FOREIGN_TOKEN, { ttlMs: LONG, result: 'x' }), false);
    assert.equal(await store.release('k', FOREIGN_TOKEN), false);
    assert.equal(await store.complete('k', owner, { ttlMs: LONG, result: 'done' }), true);
    assertFields(await store.get('k'), { state: 'completed', token: owner, result: 'done' });
    assert.equal((await store.claim('k', long)).status, 'completed');
  },

  'a completed record is kept ttlMs from its completion': async ({ open, lease }) => {
    const store = await open();
    const token = claimedToken(await store.claim('k', long));
    // A slow handler: the completion comes 2 leases after the claim.
    await sleep(2 * lease);
    const before = Date.now();
    assert.equal(await store.complete('k', token, { ttlMs: 3 * lease }), true);
    // 2 leases after the completion (4 after the claim) it must still be a duplicate.
    await sleep(2 * lease);
    assert.equal((await store.claim('k', long)).status, 'completed', 'retention began early');
    // A long retention is kept in full (5 s of clock slack either way).
    const hour = 3_600_000;
    const other = claimedToken(await store.claim('h', long));
    assert.equal(await store.complete('h', other, { ttlMs: hour }), true);
    const expires = (await store.get('h'))?.expiresAt.getTime() ?? 0;
    assert.ok(expires > before + hour - 5_000, `kept until ${new Date(expires).toISOString()}`);
    assert.ok(expires < Date.now() + hour + 5_000, 'kept longer than ttlMs');
  },

  'falsy and empty results round-trip': async ({ open }) => {
    const store = await open();
    const results = [0, false, '', [], {}, -1.5, 'ok'];
    for (const [i, result] of results.entries()) {
      const token = claimedToken(await store.claim(`r${i}`, long));
      assert.equal(await store.complete(`r${i}`, token, { ttlMs: LONG, result }), true);
      const again = await store.claim(`r${i}`, long);
      assert.deepEqual(again.status === 'completed' && again.record.result, result, `${i}`);
      assert.deepEqual((await store.get(`r${i}`))?.result, result, `get ${i}`);
    }
  },

  'records and results are copies, never shared with the caller': async ({ open }) => {
    const store = await open();
    const result = { order: { id: 'ord_1' }, lines: [1, 2] };
    const token = claimedToken(await store.claim('k', long));
    assert.equal(await store.complete('k', token, { ttlMs: LONG, result }), true);
    result.order.id = 'changed by the caller';
    result.lines.push(3);
    const read = await store.get('k');
    assert.deepEqual(read?.result, { order: { id: 'ord_1' }, lines: [1, 2] });
    if (read) {
      (read.result as { order: { id: string } }).order.id = 'changed by a reader';
      (read as { state: string }).state = 'in_flight';
    }
    // The completed record a duplicate claim hands back, and every listed record, too.
    const duplicate = await store.claim('k', long);
    assert.equal(duplicate.status, 'completed');
    if (duplicate.status === 'completed') {
      (duplicate.record.result as { order: { id: string } }).order.id = 'changed by a claimer';
      (duplicate.record as { state: string }).state = 'in_flight';
    }
    for (const listed of (await store.list?.({ prefix: 'k' })) ?? []) {
      (listed.result as { order: { id: string } }).order.id = 'changed by a lister';
      (listed as { state: string }).state = 'in_flight';
    }
    const again = await store.get('k');
    assertFields(again, { state: 'completed', result: { order: { id: 'ord_1' }, lines: [1, 2] } });
    const last = await store.claim('k', long);
    assert.equal(last.status, 'completed', 'a caller changed the stored state');
    assert.deepEqual(last.status === 'completed' && last.record.result, {
      order: { id: 'ord_1' },
      lines: [1, 2],
    });
  },

  'release and expiry leave nothing behind: the next claim starts over': async ({
    open,
    lease,
  }) => {
    const store = await open();
    const token = claimedToken(await store.claim('k', long));
    assert.equal(await store.release('k', token), true);
    assert.equal(await store.get('k'), null, 'a released claim is dropped');
    const again = await store.claim('k', long);
    assert.equal(again.status === 'claimed' && again.claims, 1);
    const done = claimedToken(await store.claim('t', long));
    assert.equal(await store.complete('t', done, { ttlMs: lease }), true);
    await sleep(lease + 150);
    const fresh = await store.claim('t', long);
    assert.equal(fresh.status === 'claimed' && fresh.claims, 1, 'claims after the TTL');
  },

  'list returns live records of every state, filtered by prefix before the limit': async ({
    open,
    lease,
  }) => {
    const store = await open();
    if (!store.list) throw new Error('store has no list(); declare it in skip with a reason');
    claimedToken(await store.claim('a:1', long));
    const done = claimedToken(await store.claim('a:2', long));
    assert.equal(await store.complete('a:2', done, { ttlMs: LONG }), true);
    const brief = claimedToken(await store.claim('a:3', long));
    assert.equal(await store.complete('a:3', brief, { ttlMs: lease }), true);
    claimedToken(await store.claim('a:4', { leaseMs: lease, ttlMs: lease }));
    claimedToken(await store.claim('b:1', long));
    await sleep(lease + 150);
    const listed = await store.list({ prefix: 'a:' });
    assert.deepEqual(listed.map((r) => r.key).sort(), ['a:1', 'a:2'], 'expired records listed');
    assertFields(
      listed.find((r) => r.key === 'a:2'),
      { state: 'completed' },
    );
    assert.deepEqual(
      (await store.list({ prefix: 'b:', limit: 1 })).map((r) => r.key),
      ['b:1'],
    );
    const one = await store.list({ prefix: 'a:', limit: 1 });
    assert.equal(one.length, 1);
    assert.ok(one[0]?.key.startsWith('a:'), `${one[0]?.key} listed under a:`);
  },
} satisfies Record<string, StoreCase>;
