/**
 * Issue 10 items 1b and 16: a failed complete() must not lose the completion mark, and a
 * handler may complete in its own transaction without processOnce completing again.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  type DedupeStore,
  memoryStore,
  type ProcessWarning,
  parseEvent,
  processOnce,
} from '../src/index';
import { faultyStore, gate, sleep } from './support/faulty-store';
import { signedInput, testAdapter } from './support/hmac-adapter';

const event = await parseEvent(testAdapter(), signedInput({ id: 'evt_done', type: 'order.paid' }));

/**
 * memoryStore standing in for a SQL store in the `tx` cases: it takes the handle (memoryStore
 * itself refuses one, having no transaction to join) and, with no transaction, marks at once.
 */
function transactional(inner: DedupeStore): DedupeStore {
  return {
    ...inner,
    complete: (key, token, { tx: _tx, ...rest }) => inner.complete(key, token, rest),
  };
}

function collect() {
  const warnings: ProcessWarning[] = [];
  return { warnings, onWarning: (w: ProcessWarning) => warnings.push(w) };
}

describe('completion retries', () => {
  it('a store blip at complete time is retried: the mark lands and the retry is a duplicate', async () => {
    const store = faultyStore(memoryStore(), { complete: (n) => (n <= 2 ? 'throw' : undefined) });
    const { warnings, onWarning } = collect();
    let runs = 0;
    const outcome = await processOnce(store, event, () => ({ run: ++runs }), { onWarning });
    expect(outcome).toMatchObject({ outcome: 'processed', status: 200, completion: 'stored' });
    expect(store.calls.complete).toBe(3);
    expect(warnings.map((w) => w.kind)).toEqual(['result_dropped', 'complete_retried']);
    expect(warnings[0]).toMatchObject({ reason: 'store_rejected' });
    expect(warnings[1]).toMatchObject({ attempts: 3, error: { code: 'STORE_UNAVAILABLE' } });
    const retry = await processOnce(store, event, () => ({ run: ++runs }));
    expect(retry.outcome).toBe('duplicate');
    expect(runs).toBe(1);
  });

  it('an answer lost after the write is no lease_lost: the mark is found in the store', async () => {
    const store = faultyStore(memoryStore(), {
      complete: (n) => (n === 1 ? 'lose-answer' : undefined),
    });
    const { warnings, onWarning } = collect();
    const outcome = await processOnce(store, event, () => 'ok', { onWarning });
    expect(outcome).toMatchObject({ outcome: 'processed', completion: 'stored' });
    expect(warnings.map((w) => w.kind)).toEqual(['complete_retried']);
    expect((await store.get(outcome.key))?.result).toBe('ok');
  });

  it('every answer lost after the write: the mark is found at the end, no complete_failed', async () => {
    const store = faultyStore(memoryStore(), { complete: () => 'lose-answer' });
    const { warnings, onWarning } = collect();
    const outcome = await processOnce(store, event, () => 'ok', {
      leaseMs: 300,
      completeWaitMs: 5_000,
      onWarning,
    });
    expect(outcome).toMatchObject({ outcome: 'processed', completion: 'stored' });
    expect(store.calls.complete).toBeGreaterThanOrEqual(2);
    expect(warnings.map((w) => w.kind)).toEqual(['complete_retried']);
    expect((await store.get(outcome.key))?.state).toBe('completed');
  });

  it('a stall past the lease, then one failed complete: retried, stored, the retry a duplicate', async () => {
    // Renewals fail during a handler that outlives its lease (a frozen connection); nobody
    // else claims the key; the store answers again just as the handler returns, but the first
    // complete still fails.
    const store = faultyStore(memoryStore(), {
      extend: () => 'throw',
      complete: (n) => (n === 1 ? 'throw' : undefined),
    });
    const { warnings, onWarning } = collect();
    let runs = 0;
    const handler = async () => {
      runs++;
      await sleep(450);
      return 'done';
    };
    const outcome = await processOnce(store, event, handler, {
      leaseMs: 300,
      completeWaitMs: 5_000,
      onWarning,
    });
    expect(outcome).toMatchObject({ outcome: 'processed', completion: 'stored' });
    expect(warnings.map((w) => w.kind)).not.toContain('complete_failed');
    expect(store.calls.complete).toBe(2);
    expect((await processOnce(store, event, handler)).outcome).toBe('duplicate');
    expect(runs).toBe(1);
  });

  it('answers 200 within completeWaitMs and keeps retrying in the background (waitUntil)', async () => {
    const store = faultyStore(memoryStore(), { complete: () => 'throw' });
    const { warnings, onWarning } = collect();
    const background: Promise<unknown>[] = [];
    const started = performance.now();
    const outcome = await processOnce(store, event, () => 'done', {
      leaseMs: 1_000,
      completeWaitMs: 100,
      onWarning,
      waitUntil: (p) => background.push(p),
    });
    expect(performance.now() - started).toBeLessThan(400);
    expect(outcome).toMatchObject({ outcome: 'processed', status: 200, completion: 'pending' });
    expect(background).toHaveLength(1);
    await sleep(200);
    store.setPlan({}); // the store recovers before the lease ends
    await background[0];
    expect(warnings.map((w) => w.kind)).toEqual(['result_dropped', 'complete_retried']);
    expect((await store.get(outcome.key))?.state).toBe('completed');
    expect((await processOnce(store, event, () => 'twice')).outcome).toBe('duplicate');
  });

  it('the lease is renewed while complete is retried; the retries end when the renewals do', async () => {
    const store = faultyStore(memoryStore(), { complete: () => 'throw' });
    const { warnings, onWarning } = collect();
    const background: Promise<unknown>[] = [];
    const options = {
      leaseMs: 600,
      completeWaitMs: 0,
      onWarning,
      waitUntil: (p: Promise<unknown>) => background.push(p),
    };
    const started = performance.now();
    await processOnce(store, event, () => 'done', options);
    await sleep(700 - (performance.now() - started));
    // Past the first lease: renewed meanwhile, so a copy is still told to wait.
    expect((await processOnce(store, event, () => 'twice', options)).outcome).toBe('in_flight');
    expect(warnings).toEqual([]); // still retrying: the lease is still ours
    store.setPlan({ complete: () => 'throw', extend: () => 'throw' });
    await background[0];
    expect(warnings.map((w) => w.kind)).toEqual(['complete_failed']);
    expect(store.calls.extend).toBeGreaterThanOrEqual(2);
  });

  it('one complete slower than the lease is retried while the lease is renewed: one run', async () => {
    // A store whose own timeout is above leaseMs: the first complete fails after 1.5 leases.
    const store = faultyStore(memoryStore(), {
      complete: (n) => (n === 1 ? { slowFailureMs: 900 } : undefined),
    });
    const { warnings, onWarning } = collect();
    const background: Promise<unknown>[] = [];
    let runs = 0;
    const options = {
      leaseMs: 600,
      completeWaitMs: 0,
      onWarning,
      waitUntil: (p: Promise<unknown>) => background.push(p),
    };
    await processOnce(store, event, () => ++runs, options);
    await background[0];
    expect(warnings.map((w) => w.kind)).toEqual(['complete_retried']);
    expect((await store.get(event.dedupeKey))?.state).toBe('completed');
    await sleep(700); // past any lease the first run had
    expect((await processOnce(store, event, () => ++runs, options)).outcome).toBe('duplicate');
    expect(runs).toBe(1);
  });

  it('a complete answered false for a claim still ours (the write was lost) is retried', async () => {
    const store = faultyStore(memoryStore(), { complete: (n) => (n === 1 ? 'refuse' : undefined) });
    const { warnings, onWarning } = collect();
    let runs = 0;
    const outcome = await processOnce(store, event, () => ++runs, { onWarning });
    expect(outcome).toMatchObject({ outcome: 'processed', completion: 'stored' });
    expect(warnings.map((w) => w.kind)).toEqual(['complete_retried']);
    expect((await store.get(event.dedupeKey))?.state).toBe('completed');
    expect(store.calls.complete).toBe(2);
  });

  it('a release that never answers after a handler failure does not hold the 500 back', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const store = faultyStore(memoryStore(), { release: () => 'hang' });
      const { warnings, onWarning } = collect();
      const answer = processOnce(
        store,
        event,
        () => {
          throw new Error('boom');
        },
        { onWarning, logger: false },
      );
      await vi.advanceTimersByTimeAsync(5_001);
      expect(await answer).toMatchObject({ outcome: 'failed', status: 500 });
      expect(warnings.map((w) => w.kind)).toEqual(['release_failed']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('the store down for the whole lease: complete_failed after the lease, retries stop', async () => {
    const store = faultyStore(memoryStore(), { complete: () => 'throw', extend: () => 'throw' });
    const { warnings, onWarning } = collect();
    const background: Promise<unknown>[] = [];
    const outcome = await processOnce(store, event, () => 'done', {
      leaseMs: 300,
      completeWaitMs: 0,
      onWarning,
      waitUntil: (p) => background.push(p),
    });
    expect(outcome).toMatchObject({ outcome: 'processed', status: 200, completion: 'pending' });
    await background[0];
    expect(warnings.map((w) => w.kind)).toEqual(['complete_failed']);
    const failed = warnings[0] as Extract<ProcessWarning, { kind: 'complete_failed' }>;
    expect(failed.attempts).toBeGreaterThanOrEqual(3);
    expect(failed.error).toMatchObject({ code: 'STORE_UNAVAILABLE' });
    const calls = store.calls.complete;
    await sleep(200);
    expect(store.calls.complete).toBe(calls); // nothing keeps retrying past the lease
    // The one window that remains: after the lease, the next copy runs again (see the docs).
    store.setPlan({});
    expect((await processOnce(store, event, () => 'again')).outcome).toBe('processed');
  });

  it('completeWaitMs 2 s by default: a slow store holds the answer at most that long', async () => {
    const store = faultyStore(memoryStore(), { complete: () => 'hang' });
    const started = performance.now();
    const outcome = await processOnce(store, event, () => 'done', { leaseMs: 60_000 });
    const waited = performance.now() - started;
    expect(outcome).toMatchObject({ outcome: 'processed', completion: 'pending' });
    expect(waited).toBeGreaterThanOrEqual(1_990);
    expect(waited).toBeLessThan(2_500);
  });
});

describe('context.complete', () => {
  it('completes in the handler (e.g. in its transaction); processOnce does not complete again', async () => {
    const store = faultyStore(transactional(memoryStore()));
    const { warnings, onWarning } = collect();
    const tx = { id: 'my-transaction' };
    let answer: boolean | undefined;
    const outcome = await processOnce(
      store,
      event,
      async (_e, ctx) => {
        answer = await ctx.complete({ tx, result: { order: 'ord_1' } });
        // Several renewals fall after the mark and would be refused: none may report a loss. The
        // lease is long enough that a busy machine cannot lose it before ctx.complete runs.
        await sleep(1_100);
        expect(ctx.signal.aborted).toBe(false);
        return 'returned';
      },
      { leaseMs: 300, onWarning },
    );
    expect(answer).toBe(true);
    expect(outcome).toMatchObject({
      outcome: 'processed',
      completion: 'stored',
      result: 'returned',
    });
    expect(store.calls.complete).toBe(1);
    expect(warnings).toEqual([]);
    const duplicate = await processOnce(store, event, () => 'again');
    expect(duplicate).toMatchObject({ outcome: 'duplicate', result: { order: 'ord_1' } });
  });

  it('a mark in a transaction the caller commits only after the handler: 500 at once, then a duplicate', async () => {
    // A store whose `complete({ tx })` lands only when the test commits that transaction.
    const inner = memoryStore();
    const pending: Array<() => Promise<boolean>> = [];
    const store: DedupeStore = {
      ...inner,
      complete: (key, token, { tx, ...rest }) => {
        if (tx === undefined) return inner.complete(key, token, rest);
        pending.push(() => inner.complete(key, token, rest));
        return Promise.resolve(true);
      },
    };
    let runs = 0;
    const started = performance.now();
    const first = await processOnce(
      store,
      event,
      async (_e, ctx) => {
        runs++;
        expect(await ctx.complete({ tx: 'unit-of-work' })).toBe(true);
      },
      { logger: false },
    );
    expect(first).toMatchObject({ outcome: 'failed', status: 500 });
    expect((first as { error: Error }).error.name).toBe('TransactionNotCommittedError');
    expect(performance.now() - started).toBeLessThan(1_000);
    // The caller's unit of work commits after processOnce answered: the retry is a duplicate.
    for (const commit of pending.splice(0)) expect(await commit()).toBe(true);
    expect((await processOnce(store, event, () => ++runs)).outcome).toBe('duplicate');
    expect(runs).toBe(1);
  });

  it('logs an uncommitted transaction as the handler failing, never as a setup error', async () => {
    const inner = memoryStore();
    const store: DedupeStore = {
      ...inner,
      // A mark written in a transaction that then rolls back: the record stays in flight.
      complete: (key, token, { tx, ...rest }) =>
        tx === undefined ? inner.complete(key, token, rest) : Promise.resolve(true),
    };
    const lines: Array<[string, string, Record<string, unknown>]> = [];
    const logger = {
      error: (message: string, fields: Record<string, unknown>) =>
        lines.push(['error', message, fields]),
      warn: () => {},
      info: () => {},
      debug: () => {},
    };
    const outcome = await processOnce(
      store,
      event,
      async (_e, ctx) => {
        await ctx.complete({ tx: 'rolled-back' });
      },
      { logger },
    );
    expect(outcome).toMatchObject({ outcome: 'failed', status: 500 });
    const errors = lines.filter(([level]) => level === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]?.[2]).toMatchObject({
      hooklatch: 'handler_failed',
      next: 'lease',
      errorName: 'TransactionNotCommittedError',
    });
    expect(errors[0]?.[1]).toMatch(/did not commit its completion; the claim is kept/);
    expect(JSON.stringify(lines)).not.toContain('setup_invalid');
  });

  it('a mark already final is not judged by a later transaction that wrote nothing', async () => {
    const inner = transactional(memoryStore());
    const store: DedupeStore = {
      ...inner,
      get: () => Promise.reject(new Error('store cannot answer get')),
    };
    const outcome = await processOnce(
      store,
      event,
      async (_e, ctx) => {
        expect(await ctx.complete()).toBe(true);
        expect(await ctx.complete({ tx: 'rolled-back' })).toBe(true);
      },
      { logger: false },
    );
    expect(outcome).toMatchObject({ outcome: 'processed', completion: 'stored' });
  });

  it('passes the tx to the store, with the run token and the TTL', async () => {
    const inner = transactional(memoryStore());
    const seen: unknown[] = [];
    const store = {
      ...inner,
      complete: (key: string, token: string, options: Parameters<typeof inner.complete>[2]) => {
        seen.push({ key, tokenLength: token.length, ...options });
        return inner.complete(key, token, options);
      },
    };
    const tx = Symbol('tx');
    await processOnce(store, event, (_e, ctx) => ctx.complete({ tx }), { ttlMs: 120_000 });
    expect(seen).toEqual([{ key: 'test:evt_done', tokenLength: 26, ttlMs: 120_000, tx }]);
  });

  it('a refused context.complete is a lease_lost at once and the signal aborts', async () => {
    const store = faultyStore(memoryStore(), { complete: (n) => (n === 1 ? 'refuse' : undefined) });
    const { warnings, onWarning } = collect();
    const outcome = await processOnce(
      store,
      event,
      async (_e, ctx) => {
        expect(await ctx.complete()).toBe(false);
        expect(ctx.signal.aborted).toBe(true);
        return 'x';
      },
      { onWarning },
    );
    expect(warnings[0]).toMatchObject({ kind: 'lease_lost', reason: 'complete_refused' });
    expect(outcome.outcome).toBe('processed');
  });

  it('a handler that throws after context.complete: the mark stays, the answer is 500', async () => {
    const store = memoryStore();
    const outcome = await processOnce(store, event, async (_e, ctx) => {
      await ctx.complete({ result: 'kept' });
      throw new Error('after the commit');
    });
    expect(outcome).toMatchObject({ outcome: 'failed', status: 500 });
    expect(await processOnce(store, event, () => 'again')).toMatchObject({
      outcome: 'duplicate',
      result: 'kept',
    });
  });

  it('cannot be called after the handler returned', async () => {
    const later = gate<() => Promise<boolean>>();
    await processOnce(memoryStore(), event, (_e, ctx) => {
      later.open(() => ctx.complete());
    });
    await expect((await later.promise)()).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});
