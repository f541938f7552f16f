/** Inbox cases: retries, dead letters, release, replay, list, stats, purge and key identity. */

import assert from 'node:assert/strict';
import type { InboxStore } from '@hooklatch/core';
import { claimOne, delivery, type InboxCase, type InboxCaseContext, sleep } from './inbox-case';
import { assertFields } from './store-case';

const ERROR = { code: 'DOWNSTREAM_503', message: 'the shipping API answered 503' };

async function finish(inbox: InboxStore, key: string, how: 'complete' | 'dead') {
  const claims = await inbox.claim({ leaseMs: 60_000, limit: 1000 });
  const claim = claims.find((c) => c.entry.key === key);
  if (!claim) throw new Error(`${key} was not claimable`);
  for (const other of claims)
    if (other !== claim) await inbox.release(other.entry.key, other.token);
  const ok =
    how === 'complete'
      ? await inbox.complete(key, claim.token)
      : await inbox.deadLetter(key, claim.token, { error: ERROR });
  assert.equal(ok, true);
}

export const opsInboxCases = {
  'fail keeps the error and schedules the retry by the store clock': async ({
    open,
  }: InboxCaseContext) => {
    const inbox = await open();
    await inbox.enqueue(delivery('k'));
    const { token } = await claimOne(inbox);
    assert.equal(await inbox.fail('k', token, { error: ERROR, retryInMs: 400 }), true);
    assertFields(await inbox.get('k'), { state: 'pending', attempts: 1, lastError: ERROR });
    assert.deepEqual(await inbox.claim({ leaseMs: 60_000, limit: 1 }), []);
    await sleep(450);
    const again = await claimOne(inbox);
    assertFields(again.entry, { attempts: 2, fence: 2, lastError: ERROR });
  },

  'release hands the entry back at once and gives the attempt back': async ({
    open,
  }: InboxCaseContext) => {
    const inbox = await open();
    await inbox.enqueue(delivery('k'));
    const { token } = await claimOne(inbox);
    assert.equal(await inbox.release('k', token), true);
    assertFields(await inbox.get('k'), { state: 'pending', attempts: 0, fence: 1 });
    assertFields((await claimOne(inbox)).entry, { attempts: 1, fence: 2 });
  },

  'dead letters keep the last error; enqueue can dead-letter at once': async ({
    open,
  }: InboxCaseContext) => {
    const inbox = await open();
    await inbox.enqueue(delivery('k'));
    const { token } = await claimOne(inbox);
    assert.equal(await inbox.deadLetter('k', token, { error: ERROR }), true);
    const dead = await inbox.get('k');
    assertFields(dead, { state: 'dead', attempts: 1, lastError: ERROR });
    assert.ok(dead?.finishedAt instanceof Date);
    const schema = { code: 'PAYLOAD_SCHEMA_MISMATCH', message: 'data.object.amount' };
    assert.deepEqual(await inbox.enqueue(delivery('s', { deadLetter: schema })), {
      status: 'enqueued',
      state: 'dead',
    });
    assertFields(await inbox.get('s'), { state: 'dead', attempts: 0, lastError: schema });
    assert.deepEqual(await inbox.claim({ leaseMs: 60_000, limit: 10 }), []);
    // A long message with NUL is kept cut and cleaned, never refused.
    await inbox.enqueue(delivery('n'));
    const n = await claimOne(inbox);
    const long = { code: 'E', message: `a\u0000b${'x'.repeat(5_000)}` };
    assert.equal(await inbox.deadLetter('n', n.token, { error: long }), true);
    const message = (await inbox.get('n'))?.lastError?.message ?? '';
    assert.equal(message.startsWith('a\ufffdb'), true);
    assert.ok(message.length <= 1_024);
  },

  'replay runs finished entries again, with the reason, never a running one': async ({
    open,
  }: InboxCaseContext) => {
    const inbox = await open();
    const at = (iso: string) => ({ receivedAt: new Date(iso) });
    await inbox.enqueue(delivery('a', { type: 'order.paid', ...at('2024-01-01T00:00:00Z') }));
    await inbox.enqueue(delivery('b', { type: 'order.paid', ...at('2024-01-02T00:00:00Z') }));
    await inbox.enqueue(delivery('c', { type: 'order.refunded', ...at('2024-01-03T00:00:00Z') }));
    await inbox.enqueue(delivery('d', { provider: 'other', ...at('2024-01-02T12:00:00Z') }));
    await finish(inbox, 'a', 'dead');
    await finish(inbox, 'b', 'complete');
    await finish(inbox, 'c', 'dead');
    const running = await claimOne(inbox); // 'd' stays running
    await assert.rejects(inbox.replay({ reason: 'everything' }), { code: 'CONFIG_INVALID' });
    // Default states: dead only. By provider and type.
    assert.equal(
      await inbox.replay({ reason: 'fix #12', provider: 'inboxtest', type: 'order.paid' }),
      1,
    );
    assertFields(await inbox.get('a'), {
      state: 'pending',
      attempts: 0,
      replays: 1,
      replayReason: 'fix #12',
    });
    assert.ok((await inbox.get('a'))?.replayedAt instanceof Date);
    assert.equal((await inbox.get('b'))?.state, 'completed');
    // By time range, completed included; the running entry in range is left alone.
    const range = {
      receivedFrom: new Date('2024-01-02T00:00:00Z'),
      receivedBefore: new Date('2024-01-03T00:00:00Z'),
    };
    assert.equal(
      await inbox.replay({ reason: 'outage', ...range, states: ['completed', 'dead'] }),
      1,
    );
    assertFields(await inbox.get('b'), {
      state: 'pending',
      replays: 1,
      replayReason: 'outage',
    });
    assertFields(await inbox.get('d'), { state: 'running', replays: 0 });
    assert.equal(await inbox.replay({ reason: 'x', key: 'd', states: ['completed', 'dead'] }), 0);
    assert.equal(await inbox.complete('d', running.token), true);
    // By key.
    assert.equal(await inbox.replay({ reason: 'by key', key: 'c' }), 1);
    assert.equal(await inbox.replay({ reason: 'again', key: 'c' }), 0); // pending now
    assert.equal((await inbox.get('c'))?.replayReason, 'by key');
  },

  'list pages and filters without bodies': async ({ open }: InboxCaseContext) => {
    const inbox = await open();
    for (let i = 0; i < 7; i++) {
      await inbox.enqueue(delivery(`k${i}`, { provider: i % 2 ? 'odd' : 'even' }));
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 10; page++) {
      const result = await inbox.list({ limit: 3, ...(cursor ? { cursor } : {}) });
      assert.ok(result.entries.length <= 3);
      seen.push(...result.entries.map((e) => e.key));
      cursor = result.cursor;
      if (!cursor) break;
    }
    assert.deepEqual(seen.sort(), ['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6']);
    const odd = await inbox.list({ provider: 'odd' });
    assert.deepEqual(odd.entries.map((e) => e.key).sort(), ['k1', 'k3', 'k5']);
    assert.equal(odd.cursor, undefined);
    assert.equal('body' in (odd.entries[0] ?? {}), false);
    await claimOne(inbox);
    assert.equal((await inbox.list({ state: 'running' })).entries.length, 1);
  },

  'stats count by state and provider': async ({ open }: InboxCaseContext) => {
    const inbox = await open();
    await inbox.enqueue(delivery('a'));
    await inbox.enqueue(delivery('b'));
    await inbox.enqueue(delivery('c', { provider: 'other' }));
    await inbox.enqueue(delivery('d', { deadLetter: ERROR }));
    await finish(inbox, 'a', 'complete');
    const stats = await inbox.stats();
    assert.deepEqual(stats, {
      total: 4,
      states: { pending: 2, running: 0, completed: 1, dead: 1 },
      providers: {
        inboxtest: { pending: 1, running: 0, completed: 1, dead: 1 },
        other: { pending: 1, running: 0, completed: 0, dead: 0 },
      },
      ready: 2,
    });
  },

  'purge removes old finished entries only': async ({ open }: InboxCaseContext) => {
    const inbox = await open();
    await inbox.enqueue(delivery('done'));
    await inbox.enqueue(delivery('dead', { deadLetter: ERROR }));
    await inbox.enqueue(delivery('waiting'));
    await finish(inbox, 'done', 'complete');
    assert.equal(await inbox.purge({ olderThanMs: 60_000 }), 0);
    await sleep(30);
    assert.equal(await inbox.purge({ olderThanMs: 10 }), 1);
    assert.equal(await inbox.get('done'), null);
    assert.equal(await inbox.purge({ olderThanMs: 10, states: ['dead'] }), 1);
    assert.notEqual(await inbox.get('waiting'), null);
    // A purged key is new again.
    assert.equal((await inbox.enqueue(delivery('done'))).status, 'enqueued');
  },

  'distinct keys stay distinct': async ({ open }: InboxCaseContext) => {
    const inbox = await open();
    const keys = [
      'a',
      'a ',
      'A',
      'a\u0000',
      'a\ud800',
      'a\udc00',
      `long:${'x'.repeat(3_000)}`,
      'ü:é',
    ];
    for (const key of keys) assert.equal((await inbox.enqueue(delivery(key))).status, 'enqueued');
    for (const key of keys) assert.equal((await inbox.get(key))?.key, key);
    const claimed = await inbox.claim({ leaseMs: 60_000, limit: 100 });
    assert.deepEqual(claimed.map((c) => c.entry.key).sort(), [...keys].sort());
    for (const c of claimed) assert.equal(await inbox.complete(c.entry.key, c.token), true);
    assert.equal(await inbox.replay({ reason: 'r', key: 'a\ud800', states: ['completed'] }), 1);
    assert.equal((await inbox.get('a\udc00'))?.state, 'completed');
  },

  'bad arguments are CONFIG_INVALID': async ({ open }: InboxCaseContext) => {
    const inbox = await open();
    const bad = [
      () => inbox.enqueue({ ...delivery('k'), body: 'text' as never }),
      () => inbox.enqueue({ ...delivery('k'), provider: '' }),
      () => inbox.enqueue({ ...delivery('k'), receivedAt: new Date(Number.NaN) }),
      () => inbox.claim({ leaseMs: Number.NaN, limit: 1 }),
      () => inbox.claim({ leaseMs: 1_000, limit: 0 }),
      () => inbox.fail('k', 'tok', { error: { code: 'has space', message: '' }, retryInMs: 0 }),
      () => inbox.fail('k', 'tok', { error: ERROR, retryInMs: -1 }),
      () => inbox.list({ limit: 5_000 }),
    ];
    for (const call of bad) await assert.rejects(call(), { code: 'CONFIG_INVALID' });
  },
} satisfies Record<string, InboxCase>;
