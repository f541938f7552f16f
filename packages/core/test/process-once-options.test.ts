/**
 * Issue 10 items 4 and 10: every option is validated (CONFIG_INVALID naming it), processOnce
 * never throws, user callbacks are isolated, a short TTL warns once.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  type DedupeStore,
  memoryStore,
  type ProcessOnceOptions,
  type ProcessWarning,
  parseEvent,
  processOnce,
  type WebhookEvent,
} from '../src/index';
import { faultyStore, sleep } from './support/faulty-store';
import { signedInput, testAdapter } from './support/hmac-adapter';

const event = await parseEvent(testAdapter(), signedInput({ id: 'evt_opt', type: 'order.paid' }));

const bad: [keyof ProcessOnceOptions, unknown][] = [
  ['leaseMs', Number.NaN],
  ['leaseMs', 0],
  ['leaseMs', -1],
  ['leaseMs', 1.5],
  ['leaseMs', Number.POSITIVE_INFINITY],
  ['leaseMs', 2 ** 31],
  ['leaseMs', '1000'],
  ['ttlMs', Number.NaN],
  ['ttlMs', 0],
  ['ttlMs', -5],
  ['ttlMs', Number.POSITIVE_INFINITY],
  ['inFlightStatus', 200],
  ['inFlightStatus', 202],
  ['inFlightStatus', 99],
  ['inFlightStatus', 700],
  ['inFlightStatus', 409.5],
  ['retryAfterSeconds', -5],
  ['retryAfterSeconds', 1.5],
  ['retryAfterSeconds', Number.POSITIVE_INFINITY],
  ['mismatchStatus', 200],
  ['mismatchStatus', 302],
  ['maxResultBytes', -1],
  ['maxResultBytes', Number.POSITIVE_INFINITY],
  ['completeWaitMs', -1],
  ['completeWaitMs', Number.NaN],
  ['storeResult', 'yes'],
  ['replayGuard', 'body'],
  ['onWarning', 'console.warn'],
  ['waitUntil', {}],
];

describe('option validation', () => {
  it.each(['prod:', ''])(
    'keyPrefix (removed; %j) is CONFIG_INVALID pointing at the store prefix',
    async (keyPrefix) => {
      const store = faultyStore(memoryStore());
      const handler = vi.fn();
      const options = { keyPrefix } as unknown as ProcessOnceOptions;
      const outcome = await processOnce(store, event, handler, { ...options, logger: false });
      if (outcome.outcome !== 'failed') throw new Error(`expected failed, got ${outcome.outcome}`);
      expect(outcome.error).toMatchObject({
        code: 'CONFIG_INVALID',
        details: { option: 'keyPrefix' },
      });
      expect((outcome.error as Error).message).toMatch(/"keyPrefix" was removed.*store's `prefix`/);
      expect(handler).not.toHaveBeenCalled();
      expect(store.calls.claim).toBe(0);
    },
  );

  it.each(bad)(
    '%s = %s is CONFIG_INVALID naming the option; nothing is claimed',
    async (option, value) => {
      const store = faultyStore(memoryStore());
      const handler = vi.fn();
      const outcome = await processOnce(store, event, handler, { [option]: value });
      expect(outcome).toMatchObject({ outcome: 'failed', status: 500 });
      if (outcome.outcome !== 'failed') return;
      expect(outcome.error).toMatchObject({
        code: 'CONFIG_INVALID',
        httpStatus: 500,
        details: { option },
      });
      expect((outcome.error as Error).message).toContain(option);
      expect(handler).not.toHaveBeenCalled();
      expect(store.calls.claim).toBe(0);
    },
  );

  it('leaseMs NaN no longer lets concurrent copies all run', async () => {
    const store = memoryStore();
    let runs = 0;
    const handler = async () => {
      runs++;
      await sleep(20);
    };
    await Promise.all(
      [1, 2, 3].map(() => processOnce(store, event, handler, { leaseMs: Number.NaN })),
    );
    expect(runs).toBe(0);
  });

  it('accepts the edges: inFlightStatus 300 and 599, retryAfterSeconds 0, maxResultBytes 0', async () => {
    const outcome = await processOnce(memoryStore(), event, () => 'x', {
      inFlightStatus: 599,
      retryAfterSeconds: 0,
      maxResultBytes: 0,
      completeWaitMs: 0,
      mismatchStatus: 400,
      ttlMs: 1.5, // rounded up to whole ms
    });
    expect(outcome.outcome).toBe('processed');
    expect(
      (await processOnce(memoryStore(), event, () => 1, { inFlightStatus: 300 })).outcome,
    ).toBe('processed');
  });

  it.each([
    ['store', undefined],
    ['store', null],
    ['store', {}],
    ['store', { claim: () => {}, complete: () => {}, release: () => {} }], // no extend
  ])('%s = %j is CONFIG_INVALID, not STORE_UNAVAILABLE', async (option, store) => {
    const outcome = await processOnce(store as unknown as DedupeStore, event, () => 'x');
    expect(outcome).toMatchObject({ outcome: 'failed', status: 500 });
    expect(outcome.outcome === 'failed' && outcome.error).toMatchObject({
      code: 'CONFIG_INVALID',
      details: { option },
    });
  });

  it('a handler that is not a function, a null options object, a bad event: CONFIG_INVALID', async () => {
    const cases: [unknown[], string][] = [
      [[memoryStore(), event, 'handler'], 'handler'],
      [[memoryStore(), event, () => 1, null], 'options'],
      [[memoryStore(), { ...event, dedupeKey: '' }, () => 1], 'event.dedupeKey'],
      [[memoryStore(), { ...event, digest: 'has space' }, () => 1], 'event.digest'],
      [[memoryStore(), { ...event, retentionMs: Number.NaN }, () => 1], 'event.retentionMs'],
      [[memoryStore(), null, () => 1], 'event'],
    ];
    for (const [args, option] of cases) {
      const outcome = await (processOnce as (...a: unknown[]) => ReturnType<typeof processOnce>)(
        ...args,
      );
      expect(outcome.outcome === 'failed' && outcome.error).toMatchObject({
        code: 'CONFIG_INVALID',
        details: { option },
      });
    }
  });
});

describe('user callbacks are isolated', () => {
  const throwing = () => {
    throw new Error('logger down');
  };
  const rejecting = () => Promise.reject(new Error('logger down'));

  it.each([
    ['throws', throwing],
    ['rejects', rejecting],
  ])('an onWarning that %s changes no outcome and throws nothing', async (_name, onWarning) => {
    const store = faultyStore(memoryStore(), {
      release: () => 'throw',
      complete: (n) => (n === 1 ? 'throw' : undefined),
    });
    const failed = await processOnce(
      store,
      event,
      () => {
        throw new Error('boom');
      },
      { onWarning },
    );
    expect(failed).toMatchObject({ outcome: 'failed', status: 500 }); // release_failed warned
    const done = await processOnce(memoryStore(), event, () => 1n, { onWarning }); // result_dropped
    expect(done).toMatchObject({ outcome: 'processed', status: 200, completion: 'stored' });
  });

  it('a throwing waitUntil changes nothing; the background work still runs', async () => {
    const store = faultyStore(memoryStore(), { complete: (n) => (n <= 3 ? 'throw' : undefined) });
    const outcome = await processOnce(store, event, () => 'x', {
      completeWaitMs: 0,
      leaseMs: 5_000,
      waitUntil: throwing,
    });
    expect(outcome).toMatchObject({ outcome: 'processed', completion: 'pending' });
    await vi.waitFor(async () => expect((await store.get(outcome.key))?.state).toBe('completed'));
  });
});

describe('ttl_below_retention', () => {
  it('warns once per process per provider and TTL, at first use', async () => {
    const provider = `p${Math.random().toString(36).slice(2)}`;
    const mine: WebhookEvent = {
      ...event,
      provider,
      dedupeKey: `${provider}:a`,
      retentionMs: 60_000,
    };
    const warnings: ProcessWarning[] = [];
    const onWarning = (w: ProcessWarning) => warnings.push(w);
    const store = memoryStore();
    await processOnce(store, mine, () => 1, { ttlMs: 1_000, onWarning });
    await processOnce(store, { ...mine, dedupeKey: `${provider}:b` }, () => 1, {
      ttlMs: 1_000,
      onWarning,
    });
    await processOnce(store, { ...mine, dedupeKey: `${provider}:c` }, () => 1, {
      ttlMs: 2_000,
      onWarning,
    });
    await processOnce(store, { ...mine, dedupeKey: `${provider}:d` }, () => 1, {
      ttlMs: 60_000,
      onWarning,
    });
    expect(warnings).toEqual([
      { kind: 'ttl_below_retention', key: `${provider}:a`, ttlMs: 1_000, retentionMs: 60_000 },
      { kind: 'ttl_below_retention', key: `${provider}:c`, ttlMs: 2_000, retentionMs: 60_000 },
    ]);
  });
});
