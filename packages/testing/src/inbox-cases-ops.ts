/** Inbox cases: retries, dead letters, release, replay, list, stats, purge and key identity. */
import type { InboxStore } from '@hooklatch/core';
import { expect } from 'vitest';
import { claimOne, delivery, type InboxCase, type InboxCaseContext, sleep } from './inbox-case';

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
  expect(ok).toBe(true);
}

export const opsInboxCases = {
  'fail keeps the error and schedules the retry by the store clock': async ({
    open,
  }: InboxCaseContext) => {
    const inbox = await open();
    await inbox.enqueue(delivery('k'));
    const { token } = await claimOne(inbox);
    expect(await inbox.fail('k', token, { error: ERROR, retryInMs: 400 })).toBe(true);
    expect(await inbox.get('k')).toMatchObject({ state: 'pending', attempts: 1, lastError: ERROR });
    expect(await inbox.claim({ leaseMs: 60_000, limit: 1 })).toEqual([]);
    await sleep(450);
    const again = await claimOne(inbox);
    expect(again.entry).toMatchObject({ attempts: 2, fence: 2, lastError: ERROR });
  },

  'release hands the entry back at once and gives the attempt back': async ({
    open,
  }: InboxCaseContext) => {
    const inbox = await open();
    await inbox.enqueue(delivery('k'));
    const { token } = await claimOne(inbox);
    expect(await inbox.release('k', token)).toBe(true);
    expect(await inbox.get('k')).toMatchObject({ state: 'pending', attempts: 0, fence: 1 });
    expect((await claimOne(inbox)).entry).toMatchObject({ attempts: 1, fence: 2 });
  },

  'dead letters keep the last error; enqueue can dead-letter at once': async ({
    open,
  }: InboxCaseContext) => {
    const inbox = await open();
    await inbox.enqueue(delivery('k'));
    const { token } = await claimOne(inbox);
    expect(await inbox.deadLetter('k', token, { error: ERROR })).toBe(true);
    const dead = await inbox.get('k');
    expect(dead).toMatchObject({ state: 'dead', attempts: 1, lastError: ERROR });
    expect(dead?.finishedAt).toBeInstanceOf(Date);
    const schema = { code: 'PAYLOAD_SCHEMA_MISMATCH', message: 'data.object.amount' };
    expect(await inbox.enqueue(delivery('s', { deadLetter: schema }))).toEqual({
      status: 'enqueued',
      state: 'dead',
    });
    expect(await inbox.get('s')).toMatchObject({ state: 'dead', attempts: 0, lastError: schema });
    expect(await inbox.claim({ leaseMs: 60_000, limit: 10 })).toEqual([]);
    // A long message with NUL is kept cut and cleaned, never refused.
    await inbox.enqueue(delivery('n'));
    const n = await claimOne(inbox);
    const long = { code: 'E', message: `a\u0000b${'x'.repeat(5_000)}` };
    expect(await inbox.deadLetter('n', n.token, { error: long })).toBe(true);
    const message = (await inbox.get('n'))?.lastError?.message ?? '';
    expect(message.startsWith('a\ufffdb')).toBe(true);
    expect(message.length).toBeLessThanOrEqual(1_024);
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
    await expect(inbox.replay({ reason: 'everything' })).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
    });
    // Default states: dead only. By provider and type.
    expect(
      await inbox.replay({ reason: 'fix #12', provider: 'inboxtest', type: 'order.paid' }),
    ).toBe(1);
    expect(await inbox.get('a')).toMatchObject({
      state: 'pending',
      attempts: 0,
      replays: 1,
      replayReason: 'fix #12',
    });
    expect((await inbox.get('a'))?.replayedAt).toBeInstanceOf(Date);
    expect((await inbox.get('b'))?.state).toBe('completed');
    // By time range, completed included; the running entry in range is left alone.
    const range = {
      receivedFrom: new Date('2024-01-02T00:00:00Z'),
      receivedBefore: new Date('2024-01-03T00:00:00Z'),
    };
    expect(await inbox.replay({ reason: 'outage', ...range, states: ['completed', 'dead'] })).toBe(
      1,
    );
    expect(await inbox.get('b')).toMatchObject({
      state: 'pending',
      replays: 1,
      replayReason: 'outage',
    });
    expect(await inbox.get('d')).toMatchObject({ state: 'running', replays: 0 });
    expect(await inbox.replay({ reason: 'x', key: 'd', states: ['completed', 'dead'] })).toBe(0);
    expect(await inbox.complete('d', running.token)).toBe(true);
    // By key.
    expect(await inbox.replay({ reason: 'by key', key: 'c' })).toBe(1);
    expect(await inbox.replay({ reason: 'again', key: 'c' })).toBe(0); // pending now
    expect((await inbox.get('c'))?.replayReason).toBe('by key');
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
      expect(result.entries.length).toBeLessThanOrEqual(3);
      seen.push(...result.entries.map((e) => e.key));
      cursor = result.cursor;
      if (!cursor) break;
    }
    expect(seen.sort()).toEqual(['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6']);
    const odd = await inbox.list({ provider: 'odd' });
    expect(odd.entries.map((e) => e.key).sort()).toEqual(['k1', 'k3', 'k5']);
    expect(odd.cursor).toBeUndefined();
    expect('body' in (odd.entries[0] ?? {})).toBe(false);
    await claimOne(inbox);
    expect((await inbox.list({ state: 'running' })).entries).toHaveLength(1);
  },

  'stats count by state and provider': async ({ open }: InboxCaseContext) => {
    const inbox = await open();
    await inbox.enqueue(delivery('a'));
    await inbox.enqueue(delivery('b'));
    await inbox.enqueue(delivery('c', { provider: 'other' }));
    await inbox.enqueue(delivery('d', { deadLetter: ERROR }));
    await finish(inbox, 'a', 'complete');
    const stats = await inbox.stats();
    expect(stats).toEqual({
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
    expect(await inbox.purge({ olderThanMs: 60_000 })).toBe(0);
    await sleep(30);
    expect(await inbox.purge({ olderThanMs: 10 })).toBe(1);
    expect(await inbox.get('done')).toBeNull();
    expect(await inbox.purge({ olderThanMs: 10, states: ['dead'] })).toBe(1);
    expect(await inbox.get('waiting')).not.toBeNull();
    // A purged key is new again.
    expect((await inbox.enqueue(delivery('done'))).status).toBe('enqueued');
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
    for (const key of keys) expect((await inbox.enqueue(delivery(key))).status).toBe('enqueued');
    for (const key of keys) expect((await inbox.get(key))?.key).toBe(key);
    const claimed = await inbox.claim({ leaseMs: 60_000, limit: 100 });
    expect(claimed.map((c) => c.entry.key).sort()).toEqual([...keys].sort());
    for (const c of claimed) expect(await inbox.complete(c.entry.key, c.token)).toBe(true);
    expect(await inbox.replay({ reason: 'r', key: 'a\ud800', states: ['completed'] })).toBe(1);
    expect((await inbox.get('a\udc00'))?.state).toBe('completed');
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
    for (const call of bad) await expect(call()).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  },
} satisfies Record<string, InboxCase>;
