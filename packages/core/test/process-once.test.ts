import { describe, expect, it } from 'vitest';
import {
  ConfigurationError,
  type DedupeStore,
  memoryStore,
  outcomeReply,
  outcomeResponse,
  type ProcessOutcome,
  parseEvent,
  processOnce,
  StoreUnavailableError,
} from '../src/index';
import { gate } from './support/faulty-store';
import { signedInput, testAdapter } from './support/hmac-adapter';

const event = await parseEvent(testAdapter(), signedInput({ id: 'evt_1', type: 'order.created' }));

describe('processOnce', () => {
  it('processed 200, then duplicate 200 with the stored result and no second run', async () => {
    const store = memoryStore();
    let runs = 0;
    const handler = async () => ({ run: ++runs });
    const first = await processOnce(store, event, handler);
    expect(first).toMatchObject({
      outcome: 'processed',
      status: 200,
      key: 'test:evt_1',
      result: { run: 1 },
    });
    const second = await processOnce(store, event, handler);
    expect(second).toMatchObject({ outcome: 'duplicate', status: 200, result: { run: 1 } });
    expect(runs).toBe(1);
    expect((await store.get('test:evt_1'))?.expiresAt.getTime()).toBeGreaterThan(
      Date.now() + 59_000,
    );
  });

  it('in-flight duplicate: 409 + Retry-After, never 2xx; configurable status', async () => {
    const store = memoryStore();
    let release!: () => void;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const running = processOnce(store, event, () => gate);
    const dup = await processOnce(store, event, () => 'never', { leaseMs: 30_000 });
    expect(dup).toMatchObject({ outcome: 'in_flight', status: 409 });
    expect(Number(dup.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(dup.headers['retry-after'])).toBeLessThanOrEqual(60);
    const custom = await processOnce(store, event, () => 'never', {
      inFlightStatus: 429,
      retryAfterSeconds: 7,
    });
    expect(custom).toMatchObject({
      outcome: 'in_flight',
      status: 429,
      headers: { 'retry-after': '7' },
    });
    release();
    expect((await running).outcome).toBe('processed');
  });

  it('handler failure: 500 and the claim is released so the retry runs', async () => {
    const store = memoryStore();
    const failed = await processOnce(store, event, () => {
      throw new Error('boom');
    });
    expect(failed).toMatchObject({ outcome: 'failed', status: 500 });
    if (failed.outcome !== 'failed') throw new Error('expected failed');
    expect((failed.error as Error).message).toBe('boom');
    const retry = await processOnce(store, event, () => 'ok');
    expect(retry).toMatchObject({ outcome: 'processed', status: 200, result: 'ok' });
  });

  it('store down: 503 STORE_UNAVAILABLE and the handler is not called', async () => {
    const down: DedupeStore = {
      ...memoryStore(),
      name: 'down',
      claim: async () => {
        throw new Error('ECONNREFUSED');
      },
    };
    let ran = false;
    const outcome = await processOnce(down, event, () => {
      ran = true;
    });
    expect(outcome).toMatchObject({ outcome: 'store_unavailable', status: 503 });
    if (outcome.outcome !== 'store_unavailable') throw new Error('expected store_unavailable');
    expect(outcome.error).toBeInstanceOf(StoreUnavailableError);
    expect(ran).toBe(false);
    const response = outcomeResponse(outcome);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      outcome: 'store_unavailable',
      code: 'STORE_UNAVAILABLE',
    });
  });

  it('a lost lease is reported as a warning, the answer stays 200', async () => {
    let t = 0;
    const store = memoryStore({ now: () => t });
    const warnings: string[] = [];
    const outcome = await processOnce(
      store,
      event,
      async () => {
        t += 2_000; // the handler outlives its lease and someone else takes over
        await store.claim('test:evt_1', { leaseMs: 1_000, ttlMs: 1_000 });
      },
      { leaseMs: 1_000, onWarning: (w) => warnings.push(w.kind) },
    );
    expect(outcome.status).toBe(200);
    expect(warnings).toEqual(['lease_lost']);
  });

  it('ttlMs option; the key claimed is the event key as it is (no processOnce prefix)', async () => {
    const store = memoryStore();
    const outcome = await processOnce(store, event, () => null, { ttlMs: 5_000 });
    expect(outcome.key).toBe('test:evt_1');
    const record = await store.get('test:evt_1');
    expect(record?.state).toBe('completed');
    expect(record!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(5_000);
  });

  it('in-flight Retry-After comes from the store clock, not the app clock (skewed 60 s)', async () => {
    for (const skew of [60_000, -60_000]) {
      const store = memoryStore({ now: () => Date.now() + skew });
      const running = gate();
      const first = processOnce(store, event, () => running.promise, { leaseMs: 20_000 });
      const copy = await processOnce(store, event, () => 'never');
      // By the app clock the lease ends 80 s or -40 s from now; the store says 20 s are left.
      expect(copy).toMatchObject({ outcome: 'in_flight', headers: { 'retry-after': '20' } });
      if (copy.outcome !== 'in_flight') throw new Error('expected in_flight');
      expect(copy.leaseRemainingMs).toBeGreaterThan(19_000);
      expect(copy.leaseRemainingMs).toBeLessThanOrEqual(20_000);
      running.open();
      expect((await first).outcome).toBe('processed');
    }
  });

  it('a store setup error keeps its code: CONFIG_INVALID is a 500 failure, not an outage', async () => {
    const misconfigured: DedupeStore = {
      ...memoryStore(),
      claim: async () => {
        throw new ConfigurationError('CONFIG_INVALID', 'table hooklatch_dedupe does not exist', {
          details: { driverCode: '42P01' },
        });
      },
    };
    const outcome = await processOnce(misconfigured, event, () => 'never');
    expect(outcome).toMatchObject({ outcome: 'failed', status: 500, headers: {} });
    expect(JSON.parse(outcomeReply(outcome).body)).toEqual({
      outcome: 'failed',
      code: 'CONFIG_INVALID',
    });
    const full: DedupeStore = {
      ...memoryStore(),
      claim: async () => {
        throw new StoreUnavailableError('full of live records', { code: 'STORE_FULL' });
      },
    };
    const outcomeFull = await processOnce(full, event, () => 'never');
    expect(outcomeFull).toMatchObject({
      outcome: 'store_unavailable',
      status: 503,
      headers: { 'retry-after': '5' },
    });
    expect(JSON.parse(outcomeReply(outcomeFull).body)).toEqual({
      outcome: 'store_unavailable',
      code: 'STORE_FULL',
    });
  });

  it('outcomes are a discriminated union: each variant carries exactly its own fields', async () => {
    const store = memoryStore();
    const processed = await processOnce(store, event, () => ({ n: 1 }));
    const duplicate = await processOnce(store, event, () => ({ n: 2 }));
    expect(Object.keys(processed).sort()).toEqual(
      ['completion', 'headers', 'key', 'outcome', 'result', 'status'].sort(),
    );
    expect(processed).toMatchObject({ completion: 'stored', headers: {} });
    expect(Object.keys(duplicate).sort()).toEqual(
      ['headers', 'key', 'outcome', 'record', 'result', 'status', 'via'].sort(),
    );
    expect(duplicate.headers).toEqual({ 'hooklatch-outcome': 'duplicate' });
    // Narrowing on `outcome` gives the variant's fields, typed.
    const describe = (o: ProcessOutcome<{ n: number }>) => {
      switch (o.outcome) {
        case 'processed':
          return `ran ${o.result.n} (${o.completion})`;
        case 'duplicate':
          return `done at ${o.record.completedAt?.toISOString() ? 'T' : '?'} via ${o.via}`;
        case 'in_flight':
          return `wait ${o.leaseRemainingMs}`;
        case 'mismatch':
          return `${o.storedDigest} vs ${o.digest}`;
        case 'failed':
        case 'store_unavailable':
          return String(o.error);
      }
    };
    expect(describe(processed)).toBe('ran 1 (stored)');
    expect(describe(duplicate)).toBe('done at T via key');
  });
});
