/**
 * docs/inbox.md, "Dead letters and replay": what an operator script does with the inbox API
 * (the CLI wraps the same calls). Typechecked by the root tsconfig.
 */
import type { InboxStore } from '@hooklatch/core';

/** Print the dead letters of one provider, page by page. */
export async function showDeadLetters(inbox: InboxStore, provider: string): Promise<void> {
  let cursor: string | undefined;
  do {
    const page = await inbox.list({
      state: 'dead',
      provider,
      limit: 100,
      ...(cursor ? { cursor } : {}),
    });
    for (const entry of page.entries) {
      console.log(
        entry.key,
        entry.type,
        entry.attempts,
        entry.lastError?.code,
        entry.lastError?.message,
      );
    }
    cursor = page.cursor;
  } while (cursor);
}

/** After the fix is deployed: run again what failed during the incident. */
export async function replayIncident(inbox: InboxStore): Promise<number> {
  return inbox.replay({
    reason: 'INC-142: shipping API outage, fixed in v2.3.1',
    provider: 'stripe',
    receivedFrom: new Date('2025-03-01T09:00:00Z'),
    receivedBefore: new Date('2025-03-01T11:30:00Z'),
    states: ['dead'],
  });
}

/** Run one event again on purpose, even though it completed. */
export async function rerun(inbox: InboxStore, key: string): Promise<boolean> {
  return (
    (await inbox.replay({
      reason: 'customer asked for a new receipt',
      key,
      states: ['completed', 'dead'],
    })) === 1
  );
}

/** Keep completed entries as long as the provider retries (Stripe: 3 days), then drop them. */
export async function housekeeping(inbox: InboxStore): Promise<void> {
  const removed = await inbox.purge({ olderThanMs: 7 * 24 * 3_600_000 });
  const { states, ready } = await inbox.stats();
  console.log({ removed, ...states, ready });
}
