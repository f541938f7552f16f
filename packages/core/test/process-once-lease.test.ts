/**
 * Issue 10 item 2: a handler that outlives its lease must never run twice concurrently.
 * Real timers and small leases on memoryStore; faults come from a wrapping store.
 */
import { describe, expect, it } from 'vitest';
import {
  memoryStore,
  type ProcessOutcome,
  type ProcessWarning,
  parseEvent,
  processOnce,
} from '../src/index';
import { faultyStore, gate, sleep } from './support/faulty-store';
import { signedInput, testAdapter } from './support/hmac-adapter';

const event = await parseEvent(testAdapter(), signedInput({ id: 'evt_lease', type: 'order.paid' }));

/** Resolves with the ms since `start` when `signal` aborts. */
function abortedAfter(signal: AbortSignal, start: number): Promise<number> {
  return new Promise((resolve) => {
    signal.addEventListener('abort', () => resolve(performance.now() - start), { once: true });
  });
}

describe('lease renewal', () => {
  it('a handler running 5x its lease is never joined by a second run', async () => {
    const store = faultyStore(memoryStore());
    const leaseMs = 400;
    let running = 0;
    let runs = 0;
    let overlap = false;
    const warnings: ProcessWarning[] = [];
    const handler = async (_e: unknown, ctx: { signal: AbortSignal }) => {
      runs++;
      running++;
      if (running > 1) overlap = true;
      await sleep(5 * leaseMs);
      running--;
      return { aborted: ctx.signal.aborted };
    };
    const first = processOnce(store, event, handler, {
      leaseMs,
      onWarning: (w) => warnings.push(w),
    });
    // Copies keep arriving for the whole run, well past the first lease.
    let settled = false;
    void first.then(() => {
      settled = true;
    });
    const copies: ProcessOutcome<unknown>[] = [];
    while (!settled) {
      await sleep(100);
      copies.push(await processOnce(store, event, handler, { leaseMs }));
    }
    copies.push(await processOnce(store, event, handler, { leaseMs }));
    const outcome = await first;
    expect(outcome).toMatchObject({ outcome: 'processed', completion: 'stored' });
    expect(outcome.outcome === 'processed' && outcome.result).toEqual({ aborted: false });
    expect(runs).toBe(1);
    expect(overlap).toBe(false);
    expect(new Set(copies.map((c) => c.outcome))).toEqual(new Set(['in_flight', 'duplicate']));
    expect(copies.filter((c) => c.outcome === 'in_flight').length).toBeGreaterThanOrEqual(15);
    expect(store.calls.extend).toBeGreaterThanOrEqual(12); // every third of the lease
    expect(warnings).toEqual([]);
  });

  it('extend failing: the signal aborts at the lease end and lease_lost is raised then', async () => {
    const store = faultyStore(memoryStore(), { extend: () => 'throw' });
    const leaseMs = 300;
    const warnings: { kind: string; at: number }[] = [];
    const start = performance.now();
    let finishedAt = 0;
    let abortAt = 0;
    const outcome = await processOnce(
      store,
      event,
      async (_e, ctx) => {
        abortAt = await abortedAfter(ctx.signal, start);
        expect(ctx.signal.reason).toMatchObject({ name: 'AbortError' });
        await sleep(150); // a handler that does not stop at once
        finishedAt = performance.now() - start;
        return 'late';
      },
      { leaseMs, onWarning: (w) => warnings.push({ kind: w.kind, at: performance.now() - start }) },
    );
    // The lease is counted from when the claim was sent, so it ends no later than leaseMs.
    expect(abortAt).toBeGreaterThanOrEqual(leaseMs - 5);
    expect(abortAt).toBeLessThan(leaseMs + 150);
    expect(warnings.map((w) => w.kind)).toEqual(['lease_lost', 'lease_overrun']);
    expect(warnings[0]!.at).toBeLessThan(finishedAt); // raised when lost, not afterwards
    // Nobody took over, so the late completion still counts: no second run will happen.
    expect(outcome).toMatchObject({ outcome: 'processed', completion: 'stored' });
    expect((await store.get(outcome.key))?.state).toBe('completed');
  });

  it('a refused renewal (someone took over) aborts at once; the stale owner never completes', async () => {
    let skew = 0;
    const inner = memoryStore({ now: () => Date.now() + skew });
    const store = faultyStore(inner);
    const leaseMs = 600;
    const warnings: ProcessWarning[] = [];
    const takeover = gate<ProcessOutcome<unknown>>();
    const start = performance.now();
    let abortAt = 0;
    const outcome = await processOnce(
      store,
      event,
      async (_e, ctx) => {
        // The store's clock jumps past the lease: a second delivery takes the key over.
        skew = leaseMs + 1;
        takeover.open(await processOnce(inner, event, () => 'second', { leaseMs: 60_000 }));
        abortAt = await abortedAfter(ctx.signal, start);
        return 'first';
      },
      { leaseMs, onWarning: (w) => warnings.push(w) },
    );
    expect((await takeover.promise).outcome).toBe('processed');
    expect(abortAt).toBeLessThan(leaseMs); // at the first renewal (~leaseMs / 3), not the end
    expect(warnings).toEqual([{ kind: 'lease_lost', key: outcome.key, reason: 'extend_refused' }]);
    expect(outcome).toMatchObject({ outcome: 'processed', completion: 'lost' });
    const record = await inner.get(outcome.key);
    expect(record).toMatchObject({ state: 'completed', result: 'second', claims: 2 });
  });

  it('the local lease end is counted from when each renewal was sent, not answered', async () => {
    // The first renewal is applied at once but answered 300 ms late; later ones never answer.
    const store = faultyStore(memoryStore(), {
      extend: (n) => (n === 1 ? { slowAnswerMs: 300 } : 'hang'),
    });
    const leaseMs = 900;
    const start = performance.now();
    const running = gate();
    let abortAt = 0;
    const first = processOnce(
      store,
      event,
      async (_e, ctx) => {
        abortAt = await abortedAfter(ctx.signal, start);
        await running.promise;
      },
      { leaseMs },
    );
    await sleep(leaseMs / 3 + 100);
    const sentAt = store.log.find((c) => c.method === 'extend')!.at;
    const copy = await processOnce(store, event, () => 'never');
    expect(copy.outcome).toBe('in_flight');
    await sleep(leaseMs);
    // Sent at ~300 ms: the store's lease ends at ~1200 ms; counting from the answer (~600 ms)
    // would believe in a lease until ~1500 ms, past the moment another owner may take over.
    expect(abortAt).toBeGreaterThanOrEqual(leaseMs / 3 + leaseMs - 10);
    expect(abortAt).toBeLessThan(leaseMs / 3 + leaseMs + 200);
    expect(sentAt).toBeGreaterThan(0);
    running.open();
    await first;
  });

  it('a handler that completes with store.complete itself causes no false lease_lost', async () => {
    const store = faultyStore(memoryStore());
    const warnings: ProcessWarning[] = [];
    let aborted = false;
    const outcome = await processOnce(
      store,
      event,
      async (_e, ctx) => {
        await store.complete(ctx.key, ctx.token, { ttlMs: 60_000, result: 'by hand' });
        await sleep(250); // renewals after the mark are refused: a completed record
        aborted = ctx.signal.aborted;
        return 'returned';
      },
      { leaseMs: 150, onWarning: (w) => warnings.push(w) },
    );
    expect(store.calls.extend).toBeGreaterThanOrEqual(1);
    expect(aborted).toBe(false);
    expect(warnings).toEqual([]);
    expect(outcome).toMatchObject({ outcome: 'processed', completion: 'stored' });
    expect(store.calls.complete).toBe(1);
    expect((await store.get(outcome.key))?.result).toBe('by hand');
  });
});
