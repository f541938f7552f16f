/**
 * What stays settled: a completed key enqueued again is answered `duplicate` and never runs
 * again, and an entry whose lease ended is settled only by the owner nobody replaced, never by
 * a foreign token (the mirror of the store suite's lapsed-owner case).
 */
import assert from 'node:assert/strict';
import {
  claimOne,
  delivery,
  ERROR,
  type InboxCase,
  type InboxCaseContext,
  LONG_LEASE,
  sleep,
} from './inbox-case';
import { assertFields, FOREIGN_TOKEN } from './store-case';

export const settledInboxCases = {
  'a completed key enqueued again is a duplicate, and stays completed': async ({
    open,
  }: InboxCaseContext) => {
    const inbox = await open();
    await inbox.enqueue(delivery('k'));
    const { token } = await claimOne(inbox);
    assert.equal(await inbox.complete('k', token), true);
    const again = await inbox.enqueue(delivery('k', { body: new Uint8Array([1, 2, 3]) }));
    assertFields(again, { status: 'duplicate', state: 'completed' }, 'the second enqueue');
    assertFields(await inbox.get('k'), { state: 'completed', attempts: 1, replays: 0, token });
    assert.deepEqual(await inbox.claim({ leaseMs: LONG_LEASE, limit: 1 }), []);
    assert.equal((await inbox.stats()).ready, 0, 'a completed entry counted as ready');
  },

  'a lapsed owner nobody replaced may settle; no other token can': async ({
    open,
    lease,
  }: InboxCaseContext) => {
    const inbox = await open();
    const keys = ['complete', 'fail', 'dead', 'release'] as const;
    for (const key of keys) await inbox.enqueue(delivery(key));
    const claims = await inbox.claim({ leaseMs: lease, limit: keys.length });
    assert.equal(claims.length, keys.length, 'claimed every entry');
    const owner = new Map(claims.map((c) => [c.entry.key, c.token]));
    await sleep(lease + 150);
    // The leases ended and nobody claimed again: a foreign token still settles nothing.
    for (const key of keys) {
      const what = `${key} with a foreign token after the lease ended`;
      assert.equal(await inbox.complete(key, FOREIGN_TOKEN), false, `complete ${what}`);
      assert.equal(
        await inbox.fail(key, FOREIGN_TOKEN, { error: ERROR, retryInMs: 0 }),
        false,
        `fail ${what}`,
      );
      assert.equal(
        await inbox.deadLetter(key, FOREIGN_TOKEN, { error: ERROR }),
        false,
        `deadLetter ${what}`,
      );
      assert.equal(await inbox.release(key, FOREIGN_TOKEN), false, `release ${what}`);
      assert.equal(await inbox.extend(key, FOREIGN_TOKEN, LONG_LEASE), false, `extend ${what}`);
      assertFields(await inbox.get(key), { state: 'running', attempts: 1 }, key);
    }
    // Its own owner, whom nobody replaced, still may: the work was done by nobody else.
    const token = (key: string) => owner.get(key) ?? '';
    assert.equal(await inbox.complete('complete', token('complete')), true, 'lapsed complete');
    const retry = { error: ERROR, retryInMs: LONG_LEASE };
    assert.equal(await inbox.fail('fail', token('fail'), retry), true, 'lapsed fail');
    assert.equal(await inbox.deadLetter('dead', token('dead'), { error: ERROR }), true);
    assert.equal(await inbox.release('release', token('release')), true, 'lapsed release');
    assertFields(await inbox.get('complete'), { state: 'completed' }, 'complete');
    assertFields(await inbox.get('fail'), { state: 'pending', lastError: ERROR }, 'fail');
    assertFields(await inbox.get('dead'), { state: 'dead', lastError: ERROR }, 'dead');
    assertFields(await inbox.get('release'), { state: 'pending', attempts: 0 }, 'release');
  },
} satisfies Record<string, InboxCase>;
