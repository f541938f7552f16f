/**
 * The sender times out after 30 s and retries while the handler still works (37 s), at the real
 * numbers under fake timers. The retry must get 409 + Retry-After, never a second run and never
 * a 2xx that would end the sender's retries before the first attempt finished.
 */
import { memoryStore } from '@hooklatch/core';
import { signedCreatioRequest } from '@hooklatch/creatio/testing';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ORDER_UPDATE, SECRETS } from './support/examples';
import { type SlowReceiverOptions, slowReceiver } from './support/slow-handler';

const SENDER_TIMEOUT_MS = 30_000;
const HANDLER_MS = 37_000;
const LEASE_MS = 60_000; // above the slowest handler run, as the docs require

/** The same delivery, sent again: the sender rebuilds the identical request on every retry. */
const delivery = () =>
  signedCreatioRequest({ payload: ORDER_UPDATE, auth: { scheme: 'bearer', token: SECRETS.token } });

async function answer(response: Response) {
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: await response.json(),
  };
}

function setup(options: Partial<SlowReceiverOptions> = {}) {
  // Created after useFakeTimers: memoryStore reads the (fake) Date.now.
  return slowReceiver({
    store: memoryStore(),
    handlerMs: HANDLER_MS,
    leaseMs: LEASE_MS,
    ...options,
  });
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2025-01-22T11:23:20Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('retry while the first attempt is still running (fake timers, 30 s / 37 s)', () => {
  it('answers 409 + Retry-After during the run, then 200 duplicate', async () => {
    const { route, runs } = setup();
    const first = route(delivery()); // the sender stops listening at 30 s
    await vi.advanceTimersByTimeAsync(SENDER_TIMEOUT_MS);

    // The lease is renewed every 20 s (a third of it): renewed at 20 s, it ends at 80 s.
    const retry = await answer(await route(delivery()));
    expect(retry).toEqual({ status: 409, retryAfter: '50', body: { outcome: 'in_flight' } });
    await vi.advanceTimersByTimeAsync(6_000);
    const again = await answer(await route(delivery())); // 36 s: still running
    expect(again).toEqual({ status: 409, retryAfter: '44', body: { outcome: 'in_flight' } });
    expect(runs).toEqual({ started: 1, finished: 0, failed: 0 });

    await vi.advanceTimersByTimeAsync(HANDLER_MS - 36_000);
    expect(runs.finished).toBe(1);
    expect((await first).status).toBe(200); // nobody listens any more; the work is recorded

    await vi.advanceTimersByTimeAsync(60_000 - HANDLER_MS); // honouring Retry-After
    const late = await answer(await route(delivery()));
    expect(late).toEqual({ status: 200, retryAfter: null, body: { outcome: 'duplicate' } });
    expect(runs).toEqual({ started: 1, finished: 1, failed: 0 });
  });

  it('when the first attempt crashes, the next retry runs it', async () => {
    const { route, runs } = setup({ crashFirstRun: true });
    const first = route(delivery());
    await vi.advanceTimersByTimeAsync(SENDER_TIMEOUT_MS);
    expect((await route(delivery())).status).toBe(409);

    await vi.advanceTimersByTimeAsync(HANDLER_MS - SENDER_TIMEOUT_MS);
    expect(await answer(await first)).toMatchObject({ status: 500, body: { outcome: 'failed' } });

    await vi.advanceTimersByTimeAsync(60_000 - HANDLER_MS);
    const rerun = route(delivery());
    await vi.advanceTimersByTimeAsync(HANDLER_MS);
    expect(await answer(await rerun)).toMatchObject({
      status: 200,
      body: { outcome: 'processed' },
    });
    expect(runs).toEqual({ started: 2, finished: 1, failed: 1 });
    expect((await answer(await route(delivery()))).body).toEqual({ outcome: 'duplicate' });
  });

  it('when the process dies mid-run, the retry after the lease runs it', async () => {
    const { route, runs } = setup({ hangFirstRun: true });
    void route(delivery()); // never settles and renews nothing, like a killed process
    await vi.advanceTimersByTimeAsync(SENDER_TIMEOUT_MS);
    expect(await answer(await route(delivery()))).toMatchObject({ status: 409, retryAfter: '30' });

    await vi.advanceTimersByTimeAsync(LEASE_MS - SENDER_TIMEOUT_MS); // the lease ends
    const takeover = route(delivery());
    await vi.advanceTimersByTimeAsync(HANDLER_MS);
    expect((await answer(await takeover)).body).toEqual({ outcome: 'processed' });
    expect(runs).toEqual({ started: 2, finished: 1, failed: 0 });
  });

  it('a 20 s lease under a 37 s run is renewed: the 30 s retry does not run it again', async () => {
    const { route, runs } = setup({ leaseMs: 20_000 });
    const first = route(delivery());
    await vi.advanceTimersByTimeAsync(SENDER_TIMEOUT_MS);
    const retry = await answer(await route(delivery()));
    expect(retry).toMatchObject({ status: 409, body: { outcome: 'in_flight' } });
    expect(runs.started).toBe(1); // without renewal, two runs at once
    await vi.advanceTimersByTimeAsync(HANDLER_MS);
    expect((await first).status).toBe(200);
    expect(runs).toEqual({ started: 1, finished: 1, failed: 0 });
  });
});
