/**
 * Inbox cases: enqueue-if-absent, claiming, leases, fencing, compare-and-set ownership, and a
 * `tx` the backend cannot join.
 */
import assert from 'node:assert/strict';
import {
  BINARY,
  claimOne,
  delivery,
  type InboxCase,
  type InboxCaseContext,
  LONG_LEASE,
  sleep,
} from './inbox-case';
import { assertFields } from './store-case';

const DIGEST = `sha256:${'ab'.repeat(32)}`;

export const basicInboxCases = {
  'enqueue keeps the delivery exactly': async ({ open }: InboxCaseContext) => {
    const inbox = await open();
    const headers = { 'x-inboxtest-signature': 'v1,abc', 'webhook-id': 'msg_1' };
    const sent = delivery('inboxtest:evt_1', {
      body: BINARY,
      headers,
      keyIndex: 2,
      digest: DIGEST,
    });
    assert.deepEqual(await inbox.enqueue(sent), { status: 'enqueued', state: 'pending' });
    const entry = await inbox.get('inboxtest:evt_1');
    assertFields(entry, {
      key: 'inboxtest:evt_1',
      provider: 'inboxtest',
      type: 'thing.happened',
      state: 'pending',
      attempts: 0,
      fence: 0,
      method: 'POST',
      headers,
      keyIndex: 2,
      digest: DIGEST,
      replays: 0,
      bodyBytes: BINARY.length,
    });
    assert.deepEqual(Array.from(entry?.body ?? []), Array.from(BINARY));
    assert.equal(entry?.receivedAt.toISOString(), '2024-05-06T07:08:09.123Z');
    assert.ok(entry?.enqueuedAt instanceof Date);
    assert.equal(await inbox.get('inboxtest:absent'), null);
  },

  'a second enqueue of a key is a duplicate and changes nothing': async ({
    open,
  }: InboxCaseContext) => {
    const inbox = await open();
    await inbox.enqueue(delivery('k', { digest: DIGEST }));
    const other = delivery('k', {
      body: new Uint8Array([1, 2, 3]),
      digest: `sha256:${'cd'.repeat(32)}`,
    });
    assert.deepEqual(await inbox.enqueue(other), {
      status: 'duplicate',
      state: 'pending',
      digest: DIGEST,
    });
    assert.equal((await inbox.get('k'))?.bodyBytes, delivery('k').body.length);
    const { token } = await claimOne(inbox);
    assertFields(await inbox.enqueue(delivery('k')), {
      status: 'duplicate',
      state: 'running',
    });
    assert.equal(await inbox.complete('k', token), true);
    assertFields(await inbox.enqueue(delivery('k')), {
      status: 'duplicate',
      state: 'completed',
    });
  },

  'concurrent enqueues of one key: exactly one enqueued': async ({ open }: InboxCaseContext) => {
    const inbox = await open();
    const results = await Promise.all(
      Array.from({ length: 24 }, () => inbox.enqueue(delivery('race'))),
    );
    assert.equal(results.filter((r) => r.status === 'enqueued').length, 1);
    assert.equal(results.filter((r) => r.status === 'duplicate').length, 23);
  },

  'concurrent claims hand each entry to exactly one caller': async ({ open }: InboxCaseContext) => {
    const inbox = await open();
    for (let i = 0; i < 30; i++) await inbox.enqueue(delivery(`k${String(i).padStart(2, '0')}`));
    const rounds = await Promise.all(
      Array.from({ length: 12 }, () => inbox.claim({ leaseMs: LONG_LEASE, limit: 4 })),
    );
    const keys = rounds.flat().map((c) => c.entry.key);
    assert.equal(keys.length, 30);
    assert.equal(new Set(keys).size, 30);
    assert.deepEqual(await inbox.claim({ leaseMs: LONG_LEASE, limit: 10 }), []);
  },

  'claim takes the oldest due first, honours limit and providers': async ({
    open,
  }: InboxCaseContext) => {
    const inbox = await open();
    await inbox.enqueue(delivery('first'));
    await sleep(5);
    await inbox.enqueue(delivery('other', { provider: 'elsewhere' }));
    await sleep(5);
    await inbox.enqueue(delivery('second'));
    const one = await inbox.claim({ leaseMs: LONG_LEASE, limit: 1, providers: ['inboxtest'] });
    assert.deepEqual(
      one.map((c) => c.entry.key),
      ['first'],
    );
    const rest = await inbox.claim({ leaseMs: LONG_LEASE, limit: 5, providers: ['inboxtest'] });
    assert.deepEqual(
      rest.map((c) => c.entry.key),
      ['second'],
    );
    const claim = rest[0];
    assertFields(claim?.entry, { state: 'running', attempts: 1, fence: 1 });
    assert.equal(typeof claim?.token, 'string');
    assert.ok((claim?.leaseExpiresAt.getTime() ?? 0) > Date.now() + LONG_LEASE / 2);
    assert.deepEqual(
      (await inbox.claim({ leaseMs: LONG_LEASE, limit: 5 })).map((c) => c.entry.key),
      ['other'],
    );
  },

  'an ended lease is claimable again under a new token and a higher fence': async ({
    open,
    lease,
  }: InboxCaseContext) => {
    const inbox = await open();
    await inbox.enqueue(delivery('k'));
    const first = await claimOne(inbox, lease);
    assert.deepEqual(await inbox.claim({ leaseMs: lease, limit: 1 }), []);
    await sleep(lease + 50);
    const second = await claimOne(inbox, LONG_LEASE);
    assert.notEqual(second.token, first.token);
    assertFields(second.entry, { attempts: 2, fence: 2, state: 'running' });
    // The replaced owner can do nothing any more.
    assert.equal(await inbox.extend('k', first.token, LONG_LEASE), false);
    assert.equal(await inbox.complete('k', first.token), false);
    const error = { code: 'X', message: 'late' };
    assert.equal(await inbox.fail('k', first.token, { error, retryInMs: 0 }), false);
    assert.equal(await inbox.deadLetter('k', first.token, { error }), false);
    assert.equal(await inbox.release('k', first.token), false);
    assert.equal(await inbox.complete('k', second.token), true);
    assertFields(await inbox.get('k'), { state: 'completed', token: second.token });
  },

  'extend renews a live lease and never revives an ended one': async ({
    open,
    lease,
  }: InboxCaseContext) => {
    const inbox = await open();
    await inbox.enqueue(delivery('k'));
    const claim = await claimOne(inbox, lease);
    for (let i = 0; i < 3; i++) {
      await sleep(lease / 2);
      assert.equal(await inbox.extend('k', claim.token, lease), true);
    }
    // Kept for 1.5 leases by renewals alone: nobody else could claim it.
    assert.deepEqual(await inbox.claim({ leaseMs: lease, limit: 1 }), []);
    await sleep(lease + 50);
    assert.equal(await inbox.extend('k', claim.token, lease), false);
    assert.equal(await inbox.extend('k', 'not-a-token', lease), false);
    // Ended but not taken over: the owner may still complete (the work is done).
    assert.equal(await inbox.complete('k', claim.token), true);
  },

  'complete, fail, deadLetter and release need the running owner': async ({
    open,
  }: InboxCaseContext) => {
    const inbox = await open();
    await inbox.enqueue(delivery('k'));
    const error = { code: 'E', message: 'm' };
    assert.equal(await inbox.complete('k', 'nobody'), false);
    assert.equal(await inbox.complete('absent', 'nobody'), false);
    const { token } = await claimOne(inbox);
    assert.equal(await inbox.complete('k', 'nobody'), false);
    assert.equal(await inbox.complete('k', token), true);
    // Finished: the same owner can no longer change it.
    assert.equal(await inbox.complete('k', token), false);
    assert.equal(await inbox.fail('k', token, { error, retryInMs: 0 }), false);
    assert.equal(await inbox.deadLetter('k', token, { error }), false);
    assert.equal(await inbox.release('k', token), false);
    assert.equal((await inbox.get('k'))?.state, 'completed');
  },

  'complete with a tx it cannot join is CONFIG_INVALID and writes nothing': async ({
    open,
  }: InboxCaseContext) => {
    const inbox = await open();
    await inbox.enqueue(delivery('k'));
    const { token } = await claimOne(inbox);
    // No backend can run a statement on a plain object: never a completion written outside
    // a transaction that may still roll back.
    await assert.rejects(inbox.complete('k', token, { tx: {} }), { code: 'CONFIG_INVALID' });
    assert.equal((await inbox.get('k'))?.state, 'running');
    assert.equal(await inbox.complete('k', token, {}), true);
  },
} satisfies Record<string, InboxCase>;
