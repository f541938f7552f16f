/**
 * describeInbox catches the inbox bugs its main cases let through: each planted bug (a wrapper
 * over memoryInbox with one defect) must fail the named case, and memoryInbox itself pass it.
 */
import { type InboxStore, memoryInbox } from '@hooklatch/core';
import { describe, expect, it } from 'vitest';
import { describeInbox, type InboxTestName, SKIPPABLE_INBOX_TESTS } from '../src/index';

/** The cases describeInbox registers for `create`, by name, runnable here. */
function suiteCases(create: () => InboxStore): Map<string, () => Promise<void>> {
  const cases = new Map<string, () => Promise<void>>();
  const it = Object.assign((name: string, run: () => Promise<void>) => cases.set(name, run), {
    skip: () => {},
  });
  describeInbox(
    {
      name: 'planted',
      create,
      shortLeaseMs: 150,
      skip: [{ reason: 'one process', tests: [...SKIPPABLE_INBOX_TESTS] }],
    },
    { describe: (_name, body) => body(), it },
  );
  return cases;
}

type Bug = (inner: InboxStore) => Partial<InboxStore>;

const BUGS: Record<string, [Bug, InboxTestName]> = {
  'a dead key enqueued again is revived': [
    (inner) => ({
      async enqueue(delivery) {
        if ((await inner.get(delivery.key))?.state !== 'dead') return inner.enqueue(delivery);
        await inner.replay({ key: delivery.key, reason: 'enqueued again' });
        return { status: 'enqueued', state: 'pending' };
      },
    }),
    'a dead key enqueued again is a duplicate, and stays dead',
  ],
  'replay ignores its limit': [
    (inner) => ({ replay: ({ limit: _limit, ...rest }) => inner.replay(rest) }),
    'list and replay apply every filter and the replay limit',
  ],
  'list ignores the type filter': [
    (inner) => ({ list: (options = {}) => inner.list({ ...options, type: undefined }) }),
    'list and replay apply every filter and the replay limit',
  ],
  'ready counts live runs': [
    (inner) => ({
      async stats() {
        const stats = await inner.stats();
        return { ...stats, ready: stats.ready + stats.states.running };
      },
    }),
    'stats ready counts what a claim could take now, not live runs',
  ],
  'get hands out the same object every time': [
    (inner) => {
      const seen = new Map<string, Awaited<ReturnType<InboxStore['get']>>>();
      return {
        async get(key) {
          if (!seen.has(key)) seen.set(key, await inner.get(key));
          return seen.get(key) ?? null;
        },
      };
    },
    'entries are copies, never shared with the caller',
  ],
};

describe('describeInbox catches subtle inbox bugs', { timeout: 30_000 }, () => {
  it.each(Object.entries(BUGS))('%s', async (_bug, [plant, name]) => {
    const control = suiteCases(() => memoryInbox()).get(name);
    const broken = suiteCases(() => {
      const inner = memoryInbox();
      return { ...inner, ...plant(inner) } as InboxStore;
    }).get(name);
    if (!control || !broken) throw new Error(`no case named ${name}`);
    await control();
    await expect(broken()).rejects.toThrow();
  });
});
