/**
 * processOnce as a hostile user would drive it (issue 10 review): throw values that break
 * `instanceof`, call `context.complete` twice or with junk, make the store refuse a mark and then
 * hang or fail the check, vary `ttlMs` per call. Each case is a path that used to run a handler
 * twice, answer for an event that was not recorded, throw, or leave timers running.
 * Real timers on memoryStore; faults come from a wrapping store (see support/faulty-store).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type DedupeStore,
  handleWebhook,
  memoryStore,
  type ProcessWarning,
  processOnce,
  type WebhookEvent,
} from '../src/index';
import { faultyStore, sleep } from './support/faulty-store';
import { signedInput, testAdapter } from './support/hmac-adapter';
import { testEvent } from './support/test-event';

let n = 0;
/** A fresh hand-built event (unique key) with a payload digest. */
function freshEvent(digest = `sha256:${'ab'.repeat(32)}`): WebhookEvent {
  return testEvent(`adv_${++n}_${Math.random().toString(36).slice(2, 8)}`, { digest });
}

function collect() {
  const warnings: ProcessWarning[] = [];
  return { warnings, onWarning: (w: ProcessWarning) => warnings.push(w) };
}

const timeouts = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

describe('thrown values that break instanceof never make processOnce throw', () => {
  const revoked = () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  };
  const hostile: [string, () => unknown][] = [
    ['a revoked Proxy', revoked],
    [
      'a Proxy whose traps throw',
      () =>
        new Proxy(new Error('x'), {
          get() {
            throw new Error('trap');
          },
          getPrototypeOf() {
            throw new Error('trap');
          },
        }),
    ],
    [
      'an object whose code getter throws',
      () =>
        Object.defineProperty({}, 'code', {
          get() {
            throw new Error('getter');
          },
        }),
    ],
  ];
  for (const [name, make] of hostile) {
    it(`processOnce resolves 'failed' for ${name} (with and without observers)`, async () => {
      for (const options of [{ logger: false as const }, { hooks: { onOutcome() {} } }]) {
        const outcome = await processOnce(
          memoryStore(),
          freshEvent(),
          () => {
            throw make();
          },
          { ...options, logger: false },
        ).catch((error: unknown) => ({ threw: error }));
        expect(outcome).toMatchObject({ outcome: 'failed', status: 500 });
      }
    });

    it(`handleWebhook answers 500 for ${name}`, async () => {
      const reply = await handleWebhook(signedInput({ id: `hw_${++n}`, type: 'order.paid' }), {
        adapter: testAdapter(),
        store: memoryStore(),
        handler: () => {
          throw make();
        },
        logger: false,
      }).catch((error: unknown) => ({ threw: error }));
      expect(reply).toMatchObject({ status: 500 });
    });
  }
});

describe('context.complete called more than once', () => {
  for (const replayGuard of ['off', 'digest'] as const) {
    it(`a second call (after the first returned true) is true, not a lease loss (guard ${replayGuard})`, async () => {
      const { warnings, onWarning } = collect();
      let seen: unknown;
      const outcome = await processOnce(
        memoryStore(),
        freshEvent(),
        async (_e, ctx) => {
          const first = await ctx.complete({ result: 'r' });
          const second = await ctx.complete({ result: 'r' });
          seen = { first, second, aborted: ctx.signal.aborted };
          return 'r';
        },
        { onWarning, replayGuard },
      );
      expect(seen).toEqual({ first: true, second: true, aborted: false });
      expect(outcome).toMatchObject({ outcome: 'processed', completion: 'stored' });
      expect(warnings).toEqual([]);
    });

    it(`two concurrent calls are both true (guard ${replayGuard})`, async () => {
      const { warnings, onWarning } = collect();
      let seen: unknown;
      await processOnce(
        memoryStore(),
        freshEvent(),
        async (_e, ctx) => {
          seen = await Promise.all([ctx.complete(), ctx.complete()]);
          return 'r';
        },
        { onWarning, replayGuard },
      );
      expect(seen).toEqual([true, true]);
      expect(warnings).toEqual([]);
    });
  }

  it('a retried call after a store blip completes what is left, and is true', async () => {
    // Replay guard: the digest key is marked, the event key's mark fails once.
    const store = faultyStore(memoryStore(), {
      complete: (call) => (call === 2 ? 'throw' : undefined),
    });
    const { warnings, onWarning } = collect();
    const event = freshEvent();
    let seen: unknown;
    const outcome = await processOnce(
      store,
      event,
      async (_e, ctx) => {
        const first = await ctx.complete().catch((error: { code?: string }) => error.code);
        const second = await ctx.complete();
        seen = { first, second, aborted: ctx.signal.aborted };
        return 'r';
      },
      { onWarning, replayGuard: 'digest' },
    );
    expect(seen).toEqual({ first: 'STORE_UNAVAILABLE', second: true, aborted: false });
    expect(outcome).toMatchObject({ outcome: 'processed', completion: 'stored' });
    expect(warnings).toEqual([]);
    expect((await store.get(event.dedupeKey))?.state).toBe('completed');
  });

  it('options that are not an object are a CONFIG_INVALID rejection, not a TypeError', async () => {
    let seen: unknown;
    await processOnce(memoryStore(), freshEvent(), async (_e, ctx) => {
      seen = await (ctx.complete as (o: unknown) => Promise<boolean>)(null).then(
        (v) => ({ resolved: v }),
        (error: { code?: string; details?: unknown }) => ({
          code: error.code,
          details: error.details,
        }),
      );
    });
    expect(seen).toEqual({ code: 'CONFIG_INVALID', details: { option: 'context.complete' } });
  });
});

describe('the replay guard marks the digest key before the event key', () => {
  /** A store that applies complete() of keys matching `slow` only after `ms`. */
  function slowToApply(inner: DedupeStore, slow: RegExp, ms: number) {
    const applied: { key: string; digestDone: boolean }[] = [];
    const store: DedupeStore = {
      ...inner,
      name: 'slow-apply',
      claim: (k, o) => inner.claim(k, o),
      extend: (k, t, l) => inner.extend(k, t, l),
      release: (k, t) => inner.release(k, t),
      get: (k) => inner.get(k),
      delete: (k) => inner.delete(k),
      async complete(key, token, options) {
        if (slow.test(key)) await sleep(ms);
        const done = await inner.complete(key, token, options);
        const digest = (await inner.list?.({ prefix: '#digest:test:' })) ?? [];
        applied.push({ key, digestDone: digest.some((r) => r.state === 'completed') });
        return done;
      },
    };
    return { store, applied };
  }

  it('context.complete without tx: the event key is marked only after the digest key', async () => {
    const { store, applied } = slowToApply(memoryStore(), /^#digest:/, 40);
    const event = freshEvent();
    await processOnce(store, event, async (_e, ctx) => ctx.complete(), { replayGuard: 'digest' });
    // A crash right after the event key's mark must leave the digest key marked too, or a
    // replay under a fresh ID would run the handler again.
    expect(applied.find((a) => a.key === event.dedupeKey)).toEqual({
      key: event.dedupeKey,
      digestDone: true,
    });
  });
});

describe('the completion check after a refused mark is bounded and retried', () => {
  it('a get that never answers does not keep the lease renewed forever', async () => {
    // The store answers false without writing (a lie), then hangs on the check.
    const store = faultyStore(memoryStore(), { complete: () => 'refuse', get: () => 'hang' });
    const before = timeouts();
    const leaseMs = 150;
    const background: Promise<unknown>[] = [];
    const outcome = await processOnce(store, freshEvent(), () => 'r', {
      leaseMs,
      completeWaitMs: 0,
      logger: false,
      waitUntil: (work) => background.push(work),
    });
    expect(outcome).toMatchObject({ outcome: 'processed', completion: 'pending' });
    // The background completion ends (each check is bounded), and renewals stop with it.
    await background[0];
    const renewals = store.calls.extend;
    await sleep(3 * leaseMs);
    expect(store.calls.extend).toBe(renewals);
    expect(timeouts()).toBeLessThanOrEqual(before);
    // Each check waits GRACE_MS (5 s); retries go on while renewals land, 10 s at most.
  }, 40_000);

  it('a get that fails after a lost answer is retried: the mark is found, no lease_lost', async () => {
    const store = faultyStore(memoryStore(), {
      complete: (call) => (call === 1 ? 'lose-answer' : undefined),
      get: (call) => (call === 1 ? 'throw' : undefined),
    });
    const { warnings, onWarning } = collect();
    const outcome = await processOnce(store, freshEvent(), () => 'r', { onWarning });
    expect(outcome).toMatchObject({ outcome: 'processed', completion: 'stored' });
    expect(warnings.map((w) => w.kind)).toEqual(['complete_retried']);
  });
});

describe('lease renewal survives an answer that arrives after the local lease end', () => {
  it('a slow renewal answer keeps renewing: no second run while the store still holds the lease', async () => {
    const leaseMs = 300;
    // The first renewal (sent at ~100 ms) lands at once, its answer comes 250 ms later: after
    // the conservative local lease end (300 ms), while the store's lease runs to ~400 ms.
    const store = faultyStore(memoryStore(), {
      extend: (call) => (call === 1 ? { slowAnswerMs: 250 } : undefined),
    });
    const { warnings, onWarning } = collect();
    const event = freshEvent();
    let runs = 0;
    const handler = async () => {
      runs++;
      await sleep(900);
      return 'r';
    };
    const first = processOnce(store, event, handler, { leaseMs, onWarning });
    await sleep(550);
    const copy = await processOnce(store, event, handler, { leaseMs, logger: false });
    const outcome = await first;
    expect(copy.outcome).toBe('in_flight');
    expect(runs).toBe(1);
    expect(outcome).toMatchObject({ outcome: 'processed', completion: 'stored' });
    // The local end passed without an answer: the signal aborted and lease_lost said so.
    expect(warnings.map((w) => w.kind)).toContain('lease_lost');
  });
});

describe('per-call memory', () => {
  it('ttl_below_retention bookkeeping stays bounded when ttlMs varies per call', async () => {
    const store = memoryStore();
    const { warnings, onWarning } = collect();
    for (let i = 0; i < 1_500; i++) {
      const event = { ...freshEvent(), retentionMs: 10_000_000 } as WebhookEvent;
      await processOnce(store, event, () => 1, { ttlMs: 1_000 + i, onWarning, logger: false });
    }
    // One remembered (provider, TTL, retention) per warning: bounded, not one per call forever.
    expect(warnings.length).toBeLessThanOrEqual(1_024);
  });
});

describe('a handler that never settles', () => {
  it('does not hold the process open by its renewals alone', () => {
    // A forgotten resolve: nothing can ever settle the handler. The process must still exit
    // (its lease then ends as after a crash, and the provider's retry runs the event).
    const index = fileURLToPath(new URL('../src/index.ts', import.meta.url));
    const script = `
      import { memoryStore, processOnce } from ${JSON.stringify(index)};
      const event = { provider: 'p', type: 't', id: 'h', dedupeKey: 'p:h', payload: {} };
      void processOnce(memoryStore(), event, () => new Promise(() => {}), { leaseMs: 60000, logger: false });
    `;
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        timeout: 8_000,
        encoding: 'utf8',
      },
    );
    expect({ signal: child.signal, status: child.status, stderr: child.stderr }).toEqual({
      signal: null,
      status: 0,
      stderr: '',
    });
  }, 15_000);
});

describe('complete({ tx }) on the memory store, which has no transactions', () => {
  it('is CONFIG_INVALID, so a rolled-back handler is retried instead of answered duplicate', async () => {
    const store = memoryStore();
    const event = freshEvent();
    let runs = 0;
    const handler = async (
      _e: unknown,
      ctx: { complete(o: { tx: unknown }): Promise<boolean> },
    ) => {
      runs++;
      if (runs > 1) return 'done';
      // The docs' pattern: the mark "in" the transaction, then the transaction rolls back.
      await ctx.complete({ tx: { fake: 'transaction' } }).catch(() => {});
      throw new Error('rolled back');
    };
    expect(await processOnce(store, event, handler, { logger: false })).toMatchObject({
      outcome: 'failed',
    });
    const retry = await processOnce(store, event, handler, { logger: false });
    expect(retry).toMatchObject({ outcome: 'processed', status: 200 });
    expect(runs).toBe(2);
  });
});

describe('replay guard: an unsigned ID cannot reach the digest keys', () => {
  it('a captured delivery re-sent under the ID "digest:<digest of B>" does not drop event B', async () => {
    // GitHub's X-GitHub-Delivery (like Shopify's and Qualio's IDs) is outside the signature, so
    // the event key `${provider}:${id}` is the sender's to choose. If it could equal a digest
    // key, one captured body would plant a completed mark for any payload the attacker can
    // predict, and that event would later be answered 200 `duplicate` without ever running.
    const store = memoryStore();
    const options = { replayGuard: 'digest' as const, logger: false as const };
    const digestA = `sha256:${'a1'.repeat(32)}`;
    const digestB = `sha256:${'b2'.repeat(32)}`;
    const ran: string[] = [];
    const handler = (e: WebhookEvent) => {
      ran.push(e.id);
      return 'ok';
    };
    const withId = (id: string, digest: string) =>
      ({ ...freshEvent(digest), id, dedupeKey: `test:${id}` }) as WebhookEvent;

    await processOnce(store, withId('guid-a', digestA), handler, options);
    const forged = await processOnce(store, withId(`digest:${digestB}`, digestA), handler, options);
    expect(forged.outcome).toBe('duplicate'); // the replay itself is caught
    const legit = await processOnce(store, withId('guid-b', digestB), handler, options);
    expect(legit).toMatchObject({ outcome: 'processed', status: 200 });
    expect(ran).toEqual(['guid-a', 'guid-b']);
  });
});
