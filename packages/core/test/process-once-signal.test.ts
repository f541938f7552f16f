/**
 * `context.signal` is made on first read (an AbortSignal was a sixth of processOnce's own cost):
 * the handler must see the same property as before, and a loss before the first read must not
 * be lost. Real timers and small leases on memoryStore; faults come from a wrapping store.
 */
import { describe, expect, it } from 'vitest';
import {
  type HandlerContext,
  memoryStore,
  type ProcessWarning,
  parseEvent,
  processOnce,
} from '../src/index';
import { faultyStore, sleep } from './support/faulty-store';
import { signedInput, testAdapter } from './support/hmac-adapter';

const event = (id: string) => parseEvent(testAdapter(), signedInput({ id, type: 'order.paid' }));

describe('context.signal', () => {
  it('is an own, enumerable property: keys, spread and reads see one AbortSignal', async () => {
    let seen: Record<string, unknown> = {};
    await processOnce(memoryStore(), await event('evt_sig_shape'), (_e, ctx) => {
      const first = ctx.signal;
      const copy = { ...ctx };
      seen = {
        keys: Object.keys(ctx),
        isSignal: first instanceof AbortSignal,
        same: ctx.signal === first && copy.signal === first,
        aborted: ctx.signal.aborted,
      };
    });
    expect(seen).toEqual({
      keys: ['key', 'token', 'claims', 'signal', 'complete'],
      isSignal: true,
      same: true,
      aborted: false,
    });
  });

  it('stays assignable, as the plain property it was', async () => {
    const replacement = new AbortController().signal;
    let after: AbortSignal | undefined;
    await processOnce(memoryStore(), await event('evt_sig_assign'), (_e, ctx: HandlerContext) => {
      ctx.signal = replacement;
      after = ctx.signal;
    });
    expect(after).toBe(replacement);
  });

  it('first read after the lease was lost: already aborted, with the AbortError reason', async () => {
    // The first renewal (at a third of the lease) is refused: someone else holds the key.
    const store = faultyStore(memoryStore(), { extend: () => 'refuse' });
    const warnings: ProcessWarning[] = [];
    let read: { aborted: boolean; reason: unknown; again: unknown } | undefined;
    const outcome = await processOnce(
      store,
      await event('evt_sig_late'),
      async (_e, ctx) => {
        // Not touching ctx.signal until well after the loss.
        while (warnings.length === 0) await sleep(20);
        read = {
          aborted: ctx.signal.aborted,
          reason: ctx.signal.reason,
          again: ctx.signal.reason,
        };
      },
      { leaseMs: 150, onWarning: (w) => warnings.push(w) },
    );
    expect(warnings[0]).toMatchObject({ kind: 'lease_lost', reason: 'extend_refused' });
    expect(read?.aborted).toBe(true);
    expect(read?.reason).toMatchObject({
      name: 'AbortError',
      message: expect.stringMatching(/lease was lost \(extend_refused\)/),
    });
    expect(read?.again).toBe(read?.reason);
    expect(outcome.outcome).toBe('processed');
  });

  it('read before the loss: aborts then, once, with listeners called', async () => {
    const store = faultyStore(memoryStore(), { extend: () => 'refuse' });
    let calls = 0;
    let reason: unknown;
    await processOnce(
      store,
      await event('evt_sig_early'),
      async (_e, ctx) => {
        ctx.signal.addEventListener('abort', () => {
          calls++;
          reason = ctx.signal.reason;
        });
        await sleep(250);
      },
      { leaseMs: 150 },
    );
    expect(calls).toBe(1);
    expect(reason).toMatchObject({ name: 'AbortError' });
  });
});
