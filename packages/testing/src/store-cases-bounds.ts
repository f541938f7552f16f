/**
 * Where a claim's lifetime ends and what a store refuses outright: an in-flight record must
 * outlive its lease even when `ttlMs` is shorter, an expired record is absent for `get` and
 * `delete` alike (even while still physically stored), and bad call arguments are
 * `CONFIG_INVALID` before anything reaches the backend (`leaseMs: NaN` would otherwise make
 * every concurrent copy look like the takeover of an ended lease).
 */
import assert from 'node:assert/strict';
import { assertFields, claimedToken, LONG, LONG_CLAIM, type StoreCase, sleep } from './store-case';

const long = LONG_CLAIM;
const INVALID = { code: 'CONFIG_INVALID' } as const;

export const boundsCases = {
  'a claim with ttlMs below leaseMs lives until its lease ends': async ({ open, lease }) => {
    const store = await open();
    // The record's expiry is at least max(leaseMs, ttlMs): the lease must never outlive it.
    const token = claimedToken(await store.claim('k', { leaseMs: LONG, ttlMs: lease }));
    const record = await store.get('k');
    assertFields(record, { state: 'in_flight', token });
    const leaseEnd = record?.leaseExpiresAt.getTime() ?? 0;
    const expires = record?.expiresAt.getTime() ?? 0;
    assert.ok(expires >= leaseEnd, `the record expires ${leaseEnd - expires} ms before its lease`);
    // Past ttlMs, well inside the lease: the key is still held by its owner.
    await sleep(lease + 150);
    const second = await store.claim('k', { leaseMs: LONG, ttlMs: lease });
    assert.equal(second.status, 'in_flight', 'a second claim inside the live lease');
    assertFields(await store.get('k'), { state: 'in_flight', token });
    assert.equal(await store.extend('k', token, LONG), true, 'extend inside the live lease');
    assert.equal(await store.complete('k', token, { ttlMs: LONG }), true);
    assert.equal((await store.claim('k', long)).status, 'completed');
  },

  'an expired record is absent: get finds nothing, delete answers false': async ({
    open,
    lease,
  }) => {
    const store = await open();
    const brief = { leaseMs: lease, ttlMs: lease };
    // Separate keys: a store may drop an expired record lazily on the first read.
    claimedToken(await store.claim('get', brief));
    claimedToken(await store.claim('delete', brief));
    const done = claimedToken(await store.claim('done', long));
    assert.equal(await store.complete('done', done, { ttlMs: lease }), true);
    await sleep(lease + 150);
    assert.equal(await store.get('get'), null, 'get of an in-flight record past lease and TTL');
    assert.equal(await store.delete('delete'), false, 'delete of an expired in-flight record');
    assert.equal(await store.delete('done'), false, 'delete of an expired completed record');
    for (const key of ['get', 'delete', 'done']) {
      const again = await store.claim(key, long);
      assert.equal(again.status === 'claimed' && again.claims, 1, `claims of ${key} after expiry`);
    }
  },

  'bad arguments are CONFIG_INVALID': async ({ open }) => {
    const store = await open();
    const badClaims: [string, { leaseMs: number; ttlMs: number }][] = [
      ['leaseMs NaN', { leaseMs: Number.NaN, ttlMs: LONG }],
      ['leaseMs 0', { leaseMs: 0, ttlMs: LONG }],
      ['leaseMs -1', { leaseMs: -1, ttlMs: LONG }],
      ['ttlMs NaN', { leaseMs: LONG, ttlMs: Number.NaN }],
    ];
    for (const [what, options] of badClaims) {
      await assert.rejects(async () => store.claim('k', options), INVALID, `claim with ${what}`);
    }
    assert.equal(await store.get('k'), null, 'a refused claim stored a record');
    const token = claimedToken(await store.claim('k', long));
    for (const leaseMs of [Number.NaN, 0, -1]) {
      await assert.rejects(
        async () => store.extend('k', token, leaseMs),
        INVALID,
        `extend with leaseMs ${leaseMs}`,
      );
    }
    await assert.rejects(
      async () => store.complete('k', token, { ttlMs: Number.NaN }),
      INVALID,
      'complete with ttlMs NaN',
    );
    assertFields(await store.get('k'), { state: 'in_flight', token });
    assert.equal(await store.complete('k', token, { ttlMs: LONG }), true);
  },
} satisfies Record<string, StoreCase>;
