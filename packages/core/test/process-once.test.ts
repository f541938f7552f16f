import { describe, expect, it } from 'vitest';
import {
  type DedupeStore,
  memoryStore,
  outcomeResponse,
  parseEvent,
  processOnce,
  StoreUnavailableError,
} from '../src/index';
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

  it('keyPrefix and ttlMs options', async () => {
    const store = memoryStore();
    const outcome = await processOnce(store, event, () => null, {
      keyPrefix: 'prod:',
      ttlMs: 5_000,
    });
    expect(outcome.key).toBe('prod:test:evt_1');
    const record = await store.get('prod:test:evt_1');
    expect(record?.state).toBe('completed');
    expect(record!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(5_000);
  });
});
