/**
 * Cross-process inbox cases: real worker processes share one inbox through the backend, and
 * every side effect is counted in the backend (see inbox-effects.ts).
 */

import assert from 'node:assert/strict';
import { type InboxStore, inboxReceiver } from '@hooklatch/core';
import {
  eventually,
  type InboxCase,
  type InboxCaseContext,
  type InboxProcessFactory,
} from './inbox-case';
import { type ChildWorker, startChild } from './inbox-children';
import { effectCounts, readEffects } from './inbox-effects';
import { inboxTestAdapter, inboxTestDelivery } from './inbox-test-adapter';
import { assertFields } from './store-case';

const adapter = inboxTestAdapter();

function needProcesses(processes: InboxProcessFactory | undefined): InboxProcessFactory {
  if (!processes) throw new Error('describeInbox: this case needs the `processes` option');
  return processes;
}

async function started(child: ChildWorker): Promise<void> {
  await child.line('READY');
  child.send('GO');
}

async function completed(inbox: InboxStore, count: number, what: string) {
  await eventually(async () => (await inbox.stats()).states.completed === count, what, 90_000);
}

function killAll(children: ChildWorker[]) {
  for (const c of children) if (c.child.exitCode === null) c.child.kill('SIGKILL');
}

export const processInboxCases = {
  'SIGKILL mid-handler: another process finishes it exactly once after the lease': async ({
    open,
    queue,
    processes,
  }: InboxCaseContext) => {
    const factory = needProcesses(processes);
    const q = queue();
    const inbox = await open(q);
    const effects = await open(`${q}-fx`);
    const receive = inboxReceiver({ adapter, inbox });
    await receive(inboxTestDelivery({ id: 'hang', type: 't', hang: true }));
    const leaseMs = 1_500;
    const children: ChildWorker[] = [];
    try {
      // One slot: while it hangs, the first child claims nothing else.
      const first = startChild(factory, q, { mode: 'hang', concurrency: 1, leaseMs });
      children.push(first);
      await started(first);
      await first.line('HANGING');
      for (let i = 0; i < 20; i++) await receive(inboxTestDelivery({ id: `e${i}`, type: 't' }));
      first.child.kill('SIGKILL');
      assert.equal((await first.exited).code, null);
      const second = startChild(factory, q, { mode: 'drain', concurrency: 4, leaseMs });
      children.push(second);
      await started(second);
      await completed(inbox, 21, 'the second process finished all 21 entries');
      second.send('STOP');
      const exit = await second.exited;
      assert.equal(exit.code, 0, exit.stderr);
      assert.equal(exit.report?.runs, 21);

      const recorded = await readEffects(effects);
      const runs = effectCounts(recorded, 'run');
      assert.equal(runs.size, 21);
      assert.equal(
        [...runs.values()].every((n) => n === 1),
        true,
      );
      // The killed run had started (mid-handler), and the finishing run is a later claim.
      const starts = recorded.filter((e) => e.kind === 'start');
      assert.deepEqual(
        starts.map((e) => [e.entryKey, e.fence, e.pid]),
        [['inboxtest:hang', 1, first.child.pid]],
      );
      const finish = recorded.find((e) => e.kind === 'run' && e.entryKey === 'inboxtest:hang');
      assertFields(finish, { fence: 2, pid: second.child.pid });
      assertFields(await inbox.get('inboxtest:hang'), { state: 'completed', attempts: 2 });
    } finally {
      killAll(children);
    }
  },

  '2 processes x 8 workers, 1,000 entries with duplicates: exactly 1,000 runs': async ({
    open,
    queue,
    processes,
  }: InboxCaseContext) => {
    const factory = needProcesses(processes);
    const q = queue();
    const inbox = await open(q);
    const effects = await open(`${q}-fx`);
    const receive = inboxReceiver({ adapter, inbox });
    const deliveries = Array.from({ length: 1_000 }, (_, i) =>
      inboxTestDelivery({ id: `e${i}`, type: i % 3 ? 'order.paid' : 'order.shipped' }),
    );
    // Every other event arrives twice, the copies racing each other.
    const sends = [...deliveries, ...deliveries.filter((_, i) => i % 2 === 0)];
    const outcomes: string[] = [];
    for (let i = 0; i < sends.length; i += 100) {
      const batch = sends.slice(i, i + 100);
      outcomes.push(...(await Promise.all(batch.map((d) => receive(d)))).map((r) => r.outcome));
    }
    assert.equal(outcomes.filter((o) => o === 'enqueued').length, 1_000);
    assert.equal(outcomes.filter((o) => o === 'duplicate').length, 500);

    const children = [0, 1].map(() =>
      startChild(factory, q, { mode: 'drain', concurrency: 8, leaseMs: 15_000 }),
    );
    try {
      await Promise.all(children.map((c) => c.line('READY')));
      for (const c of children) c.send('GO');
      await completed(inbox, 1_000, 'both processes drained 1,000 entries');
      for (const c of children) c.send('STOP');
      const exits = await Promise.all(children.map((c) => c.exited));
      for (const exit of exits) assert.equal(exit.code, 0, exit.stderr);
      const perProcess = exits.map((e) => e.report?.runs ?? 0);
      assert.equal(
        perProcess.reduce((a, b) => a + b, 0),
        1_000,
      );
      assert.equal(
        perProcess.every((n) => n > 0),
        true,
        `runs per process: ${perProcess}`,
      );

      const runs = effectCounts(await readEffects(effects), 'run');
      assert.equal(runs.size, 1_000);
      const doubled = [...runs].filter(([, n]) => n !== 1);
      assert.deepEqual(doubled, []);
      assert.deepEqual((await inbox.stats()).states, {
        pending: 0,
        running: 0,
        completed: 1_000,
        dead: 0,
      });
    } finally {
      killAll(children);
    }
  },
} satisfies Record<string, InboxCase>;
