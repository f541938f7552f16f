/**
 * worker specifics on the memory inbox (the shared suite covers the common paths on every
 * backend): crash loops, late claims, lease renewal and loss, lost answers, schema dead
 * letters, providers, stop during a claim, inbox failures and option checks.
 */
import { inboxTestAdapter, inboxTestDelivery } from '@hooklatch/testing';
import { describe, expect, it } from 'vitest';
import {
  type InboxStore,
  inboxReceiver,
  memoryInbox,
  type WorkerReport,
  worker,
} from '../src/index';
import { envelopeOnly } from './support/envelope-only';
import { sleep, until } from './support/inbox-wait';

const adapter = inboxTestAdapter();
async function filled(ids: string[], inbox: InboxStore = memoryInbox()) {
  const receive = inboxReceiver({ adapter, inbox });
  for (const id of ids) await receive(inboxTestDelivery({ id, type: 't' }));
  return inbox;
}

const state = async (inbox: InboxStore, id: string) => (await inbox.get(`inboxtest:${id}`))?.state;

/** Wait until the one entry is settled, stop the worker, and check no completion was lost. */
async function settledWithoutLoss(w: { stop(): Promise<unknown> }, reports: WorkerReport[]) {
  await until(
    () => reports.some((r) => r.kind === 'completed' || r.kind === 'complete_lost'),
    'settled',
  );
  await w.stop();
  expect(reports.filter((r) => r.kind === 'complete_lost')).toEqual([]);
}

describe('worker', () => {
  it('dead-letters an entry whose workers kept dying, without running it again', async () => {
    const inbox = await filled(['loop']);
    for (let i = 0; i < 3; i++) {
      expect(await inbox.claim({ leaseMs: 1, limit: 1 })).toHaveLength(1);
      await sleep(5); // the lease ends: as if the worker was SIGKILLed
    }
    let ran = 0;
    const reports: WorkerReport[] = [];
    const w = worker({
      inbox,
      adapter,
      maxAttempts: 2,
      pollMs: 5,
      handler: () => void ran++,
      onReport: (r) => reports.push(r),
    });
    await until(async () => (await state(inbox, 'loop')) === 'dead', 'dead-lettered');
    await w.stop();
    expect(ran).toBe(0);
    expect((await inbox.get('inboxtest:loop'))?.lastError?.code).toBe('ATTEMPTS_EXHAUSTED');
    expect(reports.some((r) => r.kind === 'dead_lettered')).toBe(true);
  });

  it('hands back a claim answered after its lease ended, without running it', async () => {
    const inner = await filled(['late']);
    let first = true;
    const inbox: InboxStore = {
      ...inner,
      async claim(options) {
        const claims = await inner.claim(options);
        if (first && claims.length > 0) {
          first = false;
          await sleep(options.leaseMs + 30);
        }
        return claims;
      },
    };
    const runs: number[] = [];
    const reports: WorkerReport[] = [];
    const w = worker({
      inbox,
      adapter,
      leaseMs: 60,
      pollMs: 5,
      handler: (_e, ctx) => void runs.push(ctx.attempt),
      onReport: (r) => reports.push(r),
    });
    await until(async () => (await state(inner, 'late')) === 'completed', 'completed');
    await w.stop();
    expect(reports).toContainEqual({
      kind: 'released',
      key: 'inboxtest:late',
      reason: 'claim_answered_late',
    });
    expect(runs).toEqual([1]);
  });

  it('ignores an onReport and a describeError that reject: no unhandled rejection, one run', async () => {
    const unhandled: unknown[] = [];
    const listener = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', listener);
    try {
      const inner = await filled(['reject', 'fails']);
      let blips = 1;
      // The first completion fails once: the worker reports store_error and retries it.
      const inbox: InboxStore = {
        ...inner,
        async complete(...args) {
          if (blips-- > 0) throw new Error('store blip');
          return inner.complete(...args);
        },
      };
      let runs = 0;
      const w = worker({
        inbox,
        adapter,
        pollMs: 5,
        retry: { baseMs: 60_000 },
        onReport: (async () => {
          throw new Error('report sink down');
        }) as never,
        describeError: (async () => {
          throw new Error('describer down');
        }) as never,
        handler: (event) => {
          if (event.id === 'fails') throw new Error('handler failed');
          runs++;
        },
      });
      await until(async () => (await state(inbox, 'reject')) === 'completed', 'completed');
      await until(
        async () => (await inbox.get('inboxtest:fails'))?.lastError !== undefined,
        'failed',
      );
      await w.stop();
      await sleep(20);
      expect(unhandled).toEqual([]);
      expect(runs).toBe(1);
      // The default description stands in for the one that rejected.
      expect((await inbox.get('inboxtest:fails'))?.lastError).toMatchObject({
        code: 'Error',
        message: 'handler failed',
      });
    } finally {
      process.off('unhandledRejection', listener);
    }
  });

  it('renews the lease of a slow handler: two workers, one run', async () => {
    const inbox = await filled(['slow']);
    let runs = 0;
    const reports: WorkerReport[] = [];
    const options = {
      inbox,
      adapter,
      leaseMs: 150,
      pollMs: 5,
      onReport: (r: WorkerReport) => reports.push(r),
      handler: async () => {
        runs++;
        await sleep(700);
      },
    };
    const workers = [worker(options), worker(options)];
    await until(async () => (await state(inbox, 'slow')) === 'completed', 'completed');
    await Promise.all(workers.map((w) => w.stop()));
    expect(runs).toBe(1);
    expect(reports.filter((r) => r.kind === 'lease_lost')).toEqual([]);
  });

  it('aborts the handler signal the moment a renewal is refused', async () => {
    const inner = await filled(['lost']);
    const inbox: InboxStore = { ...inner, extend: async () => false };
    const reports: WorkerReport[] = [];
    let reason: unknown;
    const w = worker({
      inbox,
      adapter,
      leaseMs: 90,
      pollMs: 5,
      retry: { baseMs: 60_000 },
      onReport: (r) => reports.push(r),
      handler: (_e, ctx) =>
        new Promise((_, reject) => {
          ctx.signal.addEventListener('abort', () => {
            reason = ctx.signal.reason;
            reject(ctx.signal.reason);
          });
        }),
    });
    await until(() => reason !== undefined, 'aborted');
    await w.stop();
    expect(String((reason as Error).message)).toContain('lease was lost (extend_refused)');
    expect(reports).toContainEqual({
      kind: 'lease_lost',
      key: 'inboxtest:lost',
      reason: 'extend_refused',
    });
  });

  it('a stall past the lease, then one failed complete: retried and completed, run once', async () => {
    const inner = await filled(['stall']);
    let completes = 0;
    const inbox: InboxStore = {
      ...inner,
      extend: async () => {
        throw new Error('connection frozen');
      },
      async complete(key, token) {
        if (++completes === 1) throw new Error('still reconnecting');
        return inner.complete(key, token);
      },
    };
    const reports: WorkerReport[] = [];
    let runs = 0;
    const w = worker({
      inbox,
      adapter,
      pollMs: 5,
      leaseMs: 300,
      // One slot: no other claim can take the entry over while its handler overruns.
      concurrency: 1,
      handler: async () => {
        runs++;
        await sleep(450);
      },
      onReport: (r) => reports.push(r),
    });
    await settledWithoutLoss(w, reports);
    expect(completes).toBe(2);
    expect(runs).toBe(1);
    expect((await inner.get('inboxtest:stall'))?.state).toBe('completed');
  });

  /** One entry whose first complete goes wrong as `first` says: completed on a retry, run once. */
  async function completedOnRetry(id: string, first: () => Promise<boolean>, leaseMs?: number) {
    const inner = await filled([id]);
    let completes = 0;
    const inbox: InboxStore = {
      ...inner,
      complete: (key, token) => (++completes === 1 ? first() : inner.complete(key, token)),
    };
    const reports: WorkerReport[] = [];
    let runs = 0;
    const w = worker({
      inbox,
      adapter,
      pollMs: 5,
      ...(leaseMs === undefined ? {} : { leaseMs }),
      handler: () => void runs++,
      onReport: (r) => reports.push(r),
    });
    await settledWithoutLoss(w, reports);
    expect({ completes, runs }).toEqual({ completes: 2, runs: 1 });
    expect((await inner.get(`inboxtest:${id}`))?.state).toBe('completed');
  }

  it('one complete slower than the lease, while renewals land: retried and completed, run once', async () => {
    // A store whose own timeout is above leaseMs: the first try fails after 1.5 leases.
    const timedOut = () => sleep(450).then(() => Promise.reject(new Error('timed out')));
    await completedOnRetry('slow', timedOut, 300);
  });

  it('a complete answered false for an entry still ours (the write was lost) is retried', async () => {
    await completedOnRetry('lost-write', async () => false);
  });

  it('every completion answer lost: the entry is read back and reported completed', async () => {
    const inner = await filled(['mute']);
    const inbox: InboxStore = {
      ...inner,
      async complete(key, token) {
        await inner.complete(key, token);
        throw new Error('connection reset after commit');
      },
    };
    const reports: WorkerReport[] = [];
    const w = worker({
      inbox,
      adapter,
      pollMs: 5,
      leaseMs: 300,
      handler: () => {},
      onReport: (r) => reports.push(r),
    });
    await settledWithoutLoss(w, reports);
    expect(reports.filter((r) => r.kind === 'completed')).toHaveLength(1);
    expect((await inner.get('inboxtest:mute'))?.state).toBe('completed');
  });

  it('a completion whose answer was lost is recognized, not run again', async () => {
    const inner = await filled(['blip']);
    let calls = 0;
    const inbox: InboxStore = {
      ...inner,
      async complete(key, token) {
        calls++;
        const done = await inner.complete(key, token);
        if (calls === 1) throw new Error('connection reset after commit');
        return done;
      },
    };
    const reports: WorkerReport[] = [];
    let runs = 0;
    const w = worker({
      inbox,
      adapter,
      pollMs: 5,
      handler: () => void runs++,
      onReport: (r) => reports.push(r),
    });
    await until(() => reports.some((r) => r.kind === 'completed'), 'completed');
    await w.stop();
    expect(runs).toBe(1);
    expect(calls).toBe(2);
    expect(reports.filter((r) => r.kind === 'complete_lost')).toEqual([]);
    expect(reports.some((r) => r.kind === 'store_error' && r.operation === 'complete')).toBe(true);
  });

  it("schemaMismatch: 'dead_letter' dead-letters an envelope-only event unrun", async () => {
    const envelope = envelopeOnly(adapter, 'a.b');
    const inbox = await filled(['env']);
    let runs = 0;
    const w = worker({
      inbox,
      adapter: envelope,
      schemaMismatch: 'dead_letter',
      pollMs: 5,
      handler: () => void runs++,
    });
    await until(async () => (await state(inbox, 'env')) === 'dead', 'dead');
    await w.stop();
    expect(runs).toBe(0);
    expect((await inbox.get('inboxtest:env'))?.lastError).toMatchObject({
      code: 'PAYLOAD_SCHEMA_MISMATCH',
    });
  });

  it('claims only the providers it has adapters for', async () => {
    const inbox = await filled(['mine']);
    const other = inboxTestDelivery({ id: 'theirs', type: 't' });
    await inbox.enqueue({
      key: 'other:theirs',
      provider: 'other',
      type: 't',
      method: 'POST',
      headers: other.headers,
      body: new TextEncoder().encode(other.body),
      receivedAt: new Date(),
    });
    const seen: string[] = [];
    const w = worker({ inbox, adapter, pollMs: 5, handler: (e) => void seen.push(e.provider) });
    await until(async () => (await state(inbox, 'mine')) === 'completed', 'completed');
    await sleep(30);
    await w.stop();
    expect(seen).toEqual(['inboxtest']);
    expect((await inbox.get('other:theirs'))?.state).toBe('pending');
  });

  it('stop() during a claim hands the claimed entries straight back', async () => {
    const inner = await filled(['a', 'b']);
    const inbox: InboxStore = {
      ...inner,
      async claim(options) {
        await sleep(50);
        return inner.claim(options);
      },
    };
    let runs = 0;
    const w = worker({ inbox, adapter, pollMs: 5, handler: () => void runs++ });
    await sleep(10);
    await w.stop();
    expect(runs).toBe(0);
    expect(await inner.get('inboxtest:a')).toMatchObject({ state: 'pending', attempts: 0 });
    expect(await inner.get('inboxtest:b')).toMatchObject({ state: 'pending', attempts: 0 });
    expect(w.stopping).toBe(true);
  });

  it('keeps going through claim failures, and a bad describeError falls back', async () => {
    const inner = await filled(['x']);
    let failures = 2;
    const inbox: InboxStore = {
      ...inner,
      async claim(options) {
        if (failures-- > 0) throw new Error('ECONNRESET');
        return inner.claim(options);
      },
    };
    const reports: WorkerReport[] = [];
    let attempt = 0;
    const w = worker({
      inbox,
      adapter,
      pollMs: 5,
      retry: { baseMs: 5_000 },
      describeError: () => ({ code: 'not a code', message: 'x' }),
      onReport: (r) => reports.push(r),
      handler: () => {
        attempt++;
        throw new TypeError('boom');
      },
    });
    await until(() => reports.some((r) => r.kind === 'retry_scheduled'), 'retry scheduled');
    await w.stop();
    expect(reports.filter((r) => r.kind === 'store_error' && r.operation === 'claim')).toHaveLength(
      2,
    );
    expect(attempt).toBe(1);
    expect((await inner.get('inboxtest:x'))?.lastError).toEqual({
      code: 'TypeError',
      message: 'boom',
    });
  });

  it('refuses bad options with CONFIG_INVALID', () => {
    const inbox = memoryInbox();
    const handler = () => {};
    for (const options of [
      { inbox, handler } as never,
      { inbox, adapter, handler: 'x' as never },
      { inbox: {} as InboxStore, adapter, handler },
      { inbox, adapters: [adapter, adapter], handler },
      { inbox, adapter, handler, concurrency: 0 },
      { inbox, adapter, handler, maxAttempts: 1.5 },
      { inbox, adapter, handler, leaseMs: 2 },
      { inbox, adapter, handler, retry: { baseMs: 10, maxMs: 5 } },
      { inbox, adapter, handler, schemaMismatch: 'drop' as never },
    ]) {
      expect(() => worker(options)).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
    }
  });
});
