/**
 * `hooklatch:run`: a worker's run of one claimed entry is traced as one unit, and its context
 * names as `delivery` the very object its handle and complete stages (and warnings) name, so a
 * tracer hangs them under the run. Nothing is published on `hooklatch:process` for a run.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { inboxTestAdapter, inboxTestDelivery } from '@hooklatch/testing';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type HandleContext,
  inboxReceiver,
  memoryInbox,
  type RunContext,
  TRACING_CHANNELS,
  worker,
} from '../src/index';
import { until } from './support/inbox-wait';

const adapter = inboxTestAdapter();
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** Every event of the given stages, with a copy of the context as it was then. */
function record(stages: Array<keyof typeof TRACING_CHANNELS>) {
  const seen: { name: string; context: object; copy: Record<string, unknown> }[] = [];
  for (const stage of stages) {
    for (const event of ['start', 'asyncEnd', 'error']) {
      const name = `tracing:${TRACING_CHANNELS[stage]}:${event}`;
      const listener = (context: unknown) =>
        seen.push({
          name: `${stage}:${event}`,
          context: context as object,
          copy: { ...(context as object) },
        });
      subscribe(name, listener);
      cleanups.push(() => unsubscribe(name, listener));
    }
  }
  return seen;
}

async function filledInbox(id: string) {
  const inbox = memoryInbox();
  const receive = inboxReceiver({ adapter, inbox, logger: false });
  await receive(inboxTestDelivery({ id, type: 'order.paid', card: 'PAYLOAD-77' }));
  return inbox;
}

describe('hooklatch:run', () => {
  it('wraps the handle and complete stages of one run, which name its delivery as theirs', async () => {
    const seen = record(['run', 'handle', 'complete', 'process']);
    const inbox = await filledInbox('run1');
    const w = worker({ inbox, adapter, pollMs: 5, logger: false, handler: () => {} });
    await until(async () => (await inbox.get('inboxtest:run1'))?.state === 'completed', 'done');
    await until(() => seen.some((s) => s.name === 'run:asyncEnd'), 'run end');
    await w.stop();
    expect(seen.map((s) => s.name)).toEqual([
      'run:start',
      'handle:start',
      'handle:asyncEnd',
      'complete:start',
      'complete:asyncEnd',
      'run:asyncEnd',
    ]);
    const run = seen[0]?.context as RunContext;
    const handle = seen[1]?.context as HandleContext;
    expect(run.delivery).toBe(handle.delivery);
    const complete = seen[3]?.context as HandleContext;
    expect(complete.delivery).toBe(run.delivery);
    expect(seen[0]?.copy).toMatchObject({
      provider: 'inboxtest',
      key: 'inboxtest:run1',
      claims: 1,
    });
    expect(seen[5]?.copy).toMatchObject({
      outcome: 'completed',
      handled: true,
      claims: 1,
      eventId: 'run1',
      type: 'order.paid',
    });
    expect(typeof run.durationMs).toBe('number');
    expect(JSON.stringify(seen.map((s) => s.copy))).not.toContain('PAYLOAD-77');
  });

  it('a failing handler: the run ends retry_scheduled, one run per attempt', async () => {
    const seen = record(['run']);
    const inbox = await filledInbox('run2');
    const w = worker({
      inbox,
      adapter,
      pollMs: 5,
      logger: false,
      maxAttempts: 2,
      retry: { baseMs: 1, maxMs: 1 },
      handler: () => {
        throw new Error('nope');
      },
    });
    await until(async () => (await inbox.get('inboxtest:run2'))?.state === 'dead', 'dead');
    await until(() => seen.filter((s) => s.name === 'run:asyncEnd').length === 2, 'two runs');
    await w.stop();
    const ends = seen.filter((s) => s.name === 'run:asyncEnd').map((s) => s.copy);
    expect(ends.map((e) => [e.claims, e.outcome, e.handled])).toEqual([
      [1, 'retry_scheduled', true],
      [2, 'dead_lettered', true],
    ]);
    expect(seen.filter((s) => s.name === 'run:error')).toEqual([]);
  });
});
