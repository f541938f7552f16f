/**
 * `context.complete` in the worker's handler, on the memory inbox (the SQL inboxes' shared
 * transactions are tested against real databases in @hooklatch/store-sql): it completes at
 * once, the worker then completes nothing more; a `tx` the inbox cannot join is CONFIG_INVALID
 * (nothing is written behind a transaction that may roll back); a refusal aborts the signal.
 */
import { inboxTestAdapter, inboxTestDelivery } from '@hooklatch/testing';
import { describe, expect, it } from 'vitest';
import {
  type InboxHandlerContext,
  type InboxStore,
  inboxReceiver,
  memoryInbox,
  type WorkerReport,
  worker,
} from '../src/index';
import { until } from './support/inbox-wait';

const adapter = inboxTestAdapter();
/** A memory inbox holding `id`, counting `complete` calls. */
async function counted(id: string) {
  const inner = memoryInbox();
  await inboxReceiver({ adapter, inbox: inner, logger: false })(
    inboxTestDelivery({ id, type: 't' }),
  );
  const calls: unknown[] = [];
  const inbox: InboxStore = {
    ...inner,
    complete(key, token, options) {
      calls.push(options);
      return inner.complete(key, token, options);
    },
  };
  return { inbox, calls };
}

describe('context.complete in a worker', () => {
  it('completes inside the handler; the worker writes no second completion', async () => {
    const { inbox, calls } = await counted('a');
    const reports: WorkerReport[] = [];
    let seen: string | undefined;
    const w = worker({
      inbox,
      adapter,
      pollMs: 5,
      logger: false,
      onReport: (r) => void reports.push(r),
      async handler(_event, ctx) {
        expect(await ctx.complete()).toBe(true);
        seen = (await inbox.get(ctx.key))?.state;
      },
    });
    await until(() => reports.some((r) => r.kind === 'completed'), 'completed');
    await w.stop();
    expect(seen).toBe('completed');
    expect(calls).toEqual([undefined]);
    expect(reports.map((r) => r.kind)).toEqual(['completed']);
  });

  it('a tx the memory inbox cannot join is CONFIG_INVALID and nothing is completed', async () => {
    const { inbox } = await counted('b');
    let refusal: unknown;
    const reports: WorkerReport[] = [];
    const w = worker({
      inbox,
      adapter,
      pollMs: 5,
      logger: false,
      retry: { baseMs: 60_000 },
      onReport: (r) => void reports.push(r),
      async handler(_event, ctx) {
        refusal = await ctx.complete({ tx: {} }).catch((e: unknown) => e);
        throw refusal;
      },
    });
    await until(() => reports.some((r) => r.kind === 'retry_scheduled'), 'retry');
    await w.stop();
    expect(refusal).toMatchObject({ code: 'CONFIG_INVALID', details: { option: 'tx' } });
    expect(await inbox.get('inboxtest:b')).toMatchObject({
      state: 'pending',
      lastError: { code: 'CONFIG_INVALID' },
    });
  });

  it('after the handler it is CONFIG_INVALID; a refusal aborts the signal', async () => {
    const { inbox } = await counted('c');
    let kept: InboxHandlerContext | undefined;
    const w = worker({
      inbox,
      adapter,
      pollMs: 5,
      logger: false,
      handler: (_event, ctx) => {
        kept = ctx;
      },
    });
    await until(async () => (await inbox.get('inboxtest:c'))?.state === 'completed', 'done');
    await w.stop();
    await expect(kept?.complete()).rejects.toMatchObject({ code: 'CONFIG_INVALID' });

    const taken = await counted('d');
    const refusing: InboxStore = { ...taken.inbox, complete: async () => false };
    const reports: WorkerReport[] = [];
    let answer: boolean | undefined;
    let aborted = false;
    const v = worker({
      inbox: refusing,
      adapter,
      pollMs: 5,
      logger: false,
      retry: { baseMs: 60_000 },
      onReport: (r) => void reports.push(r),
      async handler(_event, ctx) {
        answer = await ctx.complete();
        aborted = ctx.signal.aborted;
        if (!answer) throw new Error('rolled back');
      },
    });
    await until(() => reports.some((r) => r.kind === 'retry_scheduled'), 'retry');
    await v.stop();
    expect([answer, aborted]).toEqual([false, true]);
    expect(reports).toContainEqual({
      kind: 'lease_lost',
      key: 'inboxtest:d',
      reason: 'complete_refused',
    });
  });
});
