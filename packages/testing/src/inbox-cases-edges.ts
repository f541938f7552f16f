/**
 * The edges of the inbox contract a backend can get subtly wrong and still pass the main
 * cases: concurrent takeovers of ended leases, replay beside a lapsed run, tokens of attempts
 * that already ended, every list and replay filter, a dead key enqueued again, `ready`, and
 * entries shared with the caller.
 */
import assert from 'node:assert/strict';
import type { InboxClaim } from '@hooklatch/core';
import {
  claimOne,
  delivery,
  ERROR,
  type InboxCase,
  type InboxCaseContext,
  LONG_LEASE,
  sleep,
} from './inbox-case';

export const edgeInboxCases = {
  'concurrent claims of an entry whose lease ended hand it to exactly one caller': async ({
    open,
    lease,
  }: InboxCaseContext) => {
    const inbox = await open();
    await inbox.enqueue(delivery('k'));
    await claimOne(inbox, lease);
    await sleep(lease + 150);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => inbox.claim({ leaseMs: LONG_LEASE, limit: 1 })),
    );
    const owners = answers.flat() as InboxClaim[];
    assert.equal(owners.length, 1, 'callers holding the entry after its lease ended');
    assert.equal(owners[0]?.entry.attempts, 2);
  },

  'replay never touches a running entry, even one whose lease ended': async ({
    open,
    lease,
  }: InboxCaseContext) => {
    const inbox = await open();
    await inbox.enqueue(delivery('k'));
    const { token } = await claimOne(inbox, lease);
    await sleep(lease + 150);
    for (const states of [['dead'], ['completed'], ['completed', 'dead']] as const) {
      assert.equal(await inbox.replay({ key: 'k', reason: 'r', states }), 0, states.join());
    }
    assert.equal(await inbox.replay({ provider: 'inboxtest', reason: 'r' }), 0);
    assert.equal((await inbox.get('k'))?.state, 'running');
    // Its owner, whom nobody replaced, still settles it.
    assert.equal(await inbox.complete('k', token), true);
  },

  'the token of an attempt that ended settles nothing': async ({ open }: InboxCaseContext) => {
    const inbox = await open();
    await inbox.enqueue(delivery('f'));
    const failed = await claimOne(inbox);
    assert.equal(
      await inbox.fail('f', failed.token, { error: ERROR, retryInMs: LONG_LEASE }),
      true,
    );
    await inbox.enqueue(delivery('r'));
    const released = (await inbox.claim({ leaseMs: LONG_LEASE, limit: 5 })).find(
      (c) => c.entry.key === 'r',
    );
    assert.ok(released, 'claimed r');
    assert.equal(await inbox.release('r', released.token), true);
    for (const [key, token] of [
      ['f', failed.token],
      ['r', released.token],
    ] as const) {
      assert.equal(await inbox.complete(key, token), false, `complete ${key}`);
      assert.equal(await inbox.fail(key, token, { error: ERROR, retryInMs: 0 }), false);
      assert.equal(await inbox.deadLetter(key, token, { error: ERROR }), false);
      assert.equal(await inbox.release(key, token), false, `release ${key}`);
      assert.equal(await inbox.extend(key, token, LONG_LEASE), false, `extend ${key}`);
      assert.equal((await inbox.get(key))?.state, 'pending', key);
    }
  },

  'list and replay apply every filter and the replay limit': async ({ open }: InboxCaseContext) => {
    const inbox = await open();
    const at = (minute: number) => new Date(Date.UTC(2024, 4, 6, 7, minute));
    for (const [key, type, minute] of [
      ['a', 'order.paid', 1],
      ['b', 'order.paid', 2],
      ['c', 'refund.made', 3],
      ['d', 'order.paid', 4],
      ['e', 'order.paid', 5],
    ] as const) {
      await inbox.enqueue(delivery(key, { type, receivedAt: at(minute) }));
    }
    const keys = async (filter: Parameters<typeof inbox.list>[0]) =>
      (await inbox.list(filter)).entries.map((e) => e.key).sort();
    assert.deepEqual(await keys({ type: 'refund.made' }), ['c']);
    assert.deepEqual(await keys({ receivedFrom: at(4) }), ['d', 'e']);
    assert.deepEqual(await keys({ receivedBefore: at(2) }), ['a']);
    assert.deepEqual(
      await keys({ type: 'order.paid', receivedFrom: at(2), receivedBefore: at(5) }),
      ['b', 'd'],
    );
    // Dead-letter all five, then replay within the filters and a limit.
    const claims = await inbox.claim({ leaseMs: LONG_LEASE, limit: 10 });
    assert.equal(claims.length, 5);
    for (const c of claims) await inbox.deadLetter(c.entry.key, c.token, { error: ERROR });
    assert.equal(
      await inbox.replay({ provider: 'inboxtest', type: 'refund.made', reason: 'r' }),
      1,
    );
    assert.equal(await inbox.replay({ receivedBefore: at(2), reason: 'r' }), 1);
    assert.equal(await inbox.replay({ provider: 'inboxtest', limit: 2, reason: 'r' }), 2);
    assert.equal((await inbox.stats()).states.dead, 1);
  },

  'a dead key enqueued again is a duplicate, and stays dead': async ({
    open,
  }: InboxCaseContext) => {
    const inbox = await open();
    await inbox.enqueue(delivery('k'));
    const { token } = await claimOne(inbox);
    assert.equal(await inbox.deadLetter('k', token, { error: ERROR }), true);
    const again = await inbox.enqueue(delivery('k'));
    assert.equal(again.status, 'duplicate');
    assert.equal(again.status === 'duplicate' && again.state, 'dead');
    assert.equal((await inbox.get('k'))?.state, 'dead');
    assert.deepEqual(await inbox.claim({ leaseMs: LONG_LEASE, limit: 1 }), []);
  },

  'stats ready counts what a claim could take now, not live runs': async ({
    open,
    lease,
  }: InboxCaseContext) => {
    const inbox = await open();
    await inbox.enqueue(delivery('live'));
    await inbox.enqueue(delivery('lapsed'));
    await inbox.enqueue(delivery('later'));
    const claims = await inbox.claim({ leaseMs: LONG_LEASE, limit: 3 });
    const by = new Map(claims.map((c) => [c.entry.key, c.token]));
    assert.equal(
      await inbox.fail('later', by.get('later') ?? '', { error: ERROR, retryInMs: LONG_LEASE }),
      true,
    );
    assert.equal(await inbox.release('lapsed', by.get('lapsed') ?? ''), true);
    await claimOne(inbox, lease);
    assert.equal((await inbox.stats()).ready, 0, 'ready with every entry running or not due');
    await sleep(lease + 150);
    assert.equal((await inbox.stats()).ready, 1, 'ready once a lease ended');
  },

  'entries are copies, never shared with the caller': async ({ open }: InboxCaseContext) => {
    const inbox = await open();
    const sent = delivery('k');
    await inbox.enqueue(sent);
    (sent.headers as Record<string, string>)['x-added'] = 'later';
    sent.body[0] = 0x20;
    const read = await inbox.get('k');
    assert.equal(read?.headers['x-added'], undefined);
    assert.equal(read?.body[0], 0x7b);
    if (read) {
      (read.headers as Record<string, string>)['x-added'] = 'by a reader';
      read.body[0] = 0x21;
      (read as { state: string }).state = 'dead';
    }
    const again = await inbox.get('k');
    assert.equal(again?.state, 'pending');
    assert.equal(again?.headers['x-added'], undefined);
    assert.equal(again?.body[0], 0x7b);
  },
} satisfies Record<string, InboxCase>;
