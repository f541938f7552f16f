/**
 * The outage case: the store goes away mid-drain (connections dropped, new ones refused, or the
 * database locked) for less than a lease, then comes back. Every entry must end completed, and
 * every handler must have returned exactly once per entry: nothing doubled, nothing dropped.
 */

import assert from 'node:assert/strict';
import { inboxReceiver, type WorkerReport, worker } from '@hooklatch/core';
import { eventually, type InboxCaseContext, sleep } from './inbox-case';
import { inboxTestAdapter, inboxTestDelivery } from './inbox-test-adapter';
import { assertFields } from './store-case';

const ENTRIES = 40;
const OUTAGE_MS = 1_500;

export async function outageCase({ queue, outage }: InboxCaseContext): Promise<void> {
  if (!outage) throw new Error('describeInbox: this case needs the `outage` option');
  const staged = await outage(queue());
  const { inbox } = staged;
  try {
    const adapter = inboxTestAdapter();
    const receive = inboxReceiver({ adapter, inbox });
    for (let i = 0; i < ENTRIES; i++) {
      assert.equal(
        (await receive(inboxTestDelivery({ id: `e${i}`, type: 't' }))).outcome,
        'enqueued',
      );
    }
    const finished = new Map<string, number>();
    const reports: WorkerReport[] = [];
    const w = worker({
      inbox,
      adapter,
      concurrency: 4,
      leaseMs: 4_500,
      pollMs: 20,
      retry: { baseMs: 50, maxMs: 200 },
      onReport: (r) => reports.push(r),
      handler: async (event) => {
        await sleep(40);
        finished.set(event.id, (finished.get(event.id) ?? 0) + 1);
      },
    });
    try {
      await eventually(() => finished.size >= 8, 'a few entries ran before the outage');
      await staged.begin();
      const during = finished.size;
      await sleep(OUTAGE_MS);
      await staged.end();
      await eventually(
        async () => (await inbox.stats()).states.completed === ENTRIES,
        'every entry completed after the outage',
        30_000,
      );
      assert.ok(during < ENTRIES, 'the outage hit mid-drain');
    } finally {
      await w.stop();
    }
    const doubled = [...finished].filter(([, runs]) => runs !== 1);
    assert.deepEqual(doubled, [], 'entries whose handler returned more than once');
    assert.equal(finished.size, ENTRIES);
    assertFields((await inbox.stats()).states, { completed: ENTRIES, dead: 0 });
    assert.deepEqual(
      reports.filter((r) => r.kind === 'complete_lost'),
      [],
    );
    // The outage was felt: some inbox call failed while it lasted.
    assert.equal(
      reports.some((r) => r.kind === 'store_error'),
      true,
    );
  } finally {
    await staged.close();
  }
}
