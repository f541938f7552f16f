/** Inbox cases: enqueue-if-absent, claiming, leases, fencing and compare-and-set ownership. */
import { expect } from 'vitest';
import {
  BINARY,
  claimOne,
  delivery,
  type InboxCase,
  type InboxCaseContext,
  LONG_LEASE,
  sleep,
} from './inbox-case';

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
    expect(await inbox.enqueue(sent)).toEqual({ status: 'enqueued', state: 'pending' });
    const entry = await inbox.get('inboxtest:evt_1');
    expect(entry).toMatchObject({
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
    expect(Array.from(entry?.body ?? [])).toEqual(Array.from(BINARY));
    expect(entry?.receivedAt.toISOString()).toBe('2024-05-06T07:08:09.123Z');
    expect(entry?.enqueuedAt).toBeInstanceOf(Date);
    expect(await inbox.get('inboxtest:absent')).toBeNull();
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
    expect(await inbox.enqueue(other)).toEqual({
      status: 'duplicate',
      state: 'pending',
      digest: DIGEST,
    });
    expect((await inbox.get('k'))?.bodyBytes).toBe(delivery('k').body.length);
    const { token } = await claimOne(inbox);
    expect(await inbox.enqueue(delivery('k'))).toMatchObject({
      status: 'duplicate',
      state: 'running',
    });
    expect(await inbox.complete('k', token)).toBe(true);
    expect(await inbox.enqueue(delivery('k'))).toMatchObject({
      status: 'duplicate',
      state: 'completed',
    });
  },

  'concurrent enqueues of one key: exactly one enqueued': async ({ open }: InboxCaseContext) => {
    const inbox = await open();
    const results = await Promise.all(
      Array.from({ length: 24 }, () => inbox.enqueue(delivery('race'))),
    );
    expect(results.filter((r) => r.status === 'enqueued')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'duplicate')).toHaveLength(23);
  },

  'concurrent claims hand each entry to exactly one caller': async ({ open }: InboxCaseContext) => {
    const inbox = await open();
    for (let i = 0; i < 30; i++) await inbox.enqueue(delivery(`k${String(i).padStart(2, '0')}`));
    const rounds = await Promise.all(
      Array.from({ length: 12 }, () => inbox.claim({ leaseMs: LONG_LEASE, limit: 4 })),
    );
    const keys = rounds.flat().map((c) => c.entry.key);
    expect(keys).toHaveLength(30);
    expect(new Set(keys).size).toBe(30);
    expect(await inbox.claim({ leaseMs: LONG_LEASE, limit: 10 })).toEqual([]);
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
    expect(one.map((c) => c.entry.key)).toEqual(['first']);
    const rest = await inbox.claim({ leaseMs: LONG_LEASE, limit: 5, providers: ['inboxtest'] });
    expect(rest.map((c) => c.entry.key)).toEqual(['second']);
    const claim = rest[0];
    expect(claim?.entry).toMatchObject({ state: 'running', attempts: 1, fence: 1 });
    expect(claim?.token).toEqual(expect.any(String));
    expect(claim?.leaseExpiresAt.getTime()).toBeGreaterThan(Date.now() + LONG_LEASE / 2);
    expect((await inbox.claim({ leaseMs: LONG_LEASE, limit: 5 })).map((c) => c.entry.key)).toEqual([
      'other',
    ]);
  },

  'an ended lease is claimable again under a new token and a higher fence': async ({
    open,
    lease,
  }: InboxCaseContext) => {
    const inbox = await open();
    await inbox.enqueue(delivery('k'));
    const first = await claimOne(inbox, lease);
    expect(await inbox.claim({ leaseMs: lease, limit: 1 })).toEqual([]);
    await sleep(lease + 50);
    const second = await claimOne(inbox, LONG_LEASE);
    expect(second.token).not.toBe(first.token);
    expect(second.entry).toMatchObject({ attempts: 2, fence: 2, state: 'running' });
    // The replaced owner can do nothing any more.
    expect(await inbox.extend('k', first.token, LONG_LEASE)).toBe(false);
    expect(await inbox.complete('k', first.token)).toBe(false);
    const error = { code: 'X', message: 'late' };
    expect(await inbox.fail('k', first.token, { error, retryInMs: 0 })).toBe(false);
    expect(await inbox.deadLetter('k', first.token, { error })).toBe(false);
    expect(await inbox.release('k', first.token)).toBe(false);
    expect(await inbox.complete('k', second.token)).toBe(true);
    expect(await inbox.get('k')).toMatchObject({ state: 'completed', token: second.token });
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
      expect(await inbox.extend('k', claim.token, lease)).toBe(true);
    }
    // Kept for 1.5 leases by renewals alone: nobody else could claim it.
    expect(await inbox.claim({ leaseMs: lease, limit: 1 })).toEqual([]);
    await sleep(lease + 50);
    expect(await inbox.extend('k', claim.token, lease)).toBe(false);
    expect(await inbox.extend('k', 'not-a-token', lease)).toBe(false);
    // Ended but not taken over: the owner may still complete (the work is done).
    expect(await inbox.complete('k', claim.token)).toBe(true);
  },

  'complete, fail, deadLetter and release need the running owner': async ({
    open,
  }: InboxCaseContext) => {
    const inbox = await open();
    await inbox.enqueue(delivery('k'));
    const error = { code: 'E', message: 'm' };
    expect(await inbox.complete('k', 'nobody')).toBe(false);
    expect(await inbox.complete('absent', 'nobody')).toBe(false);
    const { token } = await claimOne(inbox);
    expect(await inbox.complete('k', 'nobody')).toBe(false);
    expect(await inbox.complete('k', token)).toBe(true);
    // Finished: the same owner can no longer change it.
    expect(await inbox.complete('k', token)).toBe(false);
    expect(await inbox.fail('k', token, { error, retryInMs: 0 })).toBe(false);
    expect(await inbox.deadLetter('k', token, { error })).toBe(false);
    expect(await inbox.release('k', token)).toBe(false);
    expect((await inbox.get('k'))?.state).toBe('completed');
  },
} satisfies Record<string, InboxCase>;
