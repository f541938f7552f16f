/**
 * The portable hooks: each fires with the facts it promises, `onReceipt` before any store
 * call, and a hook that throws or rejects never changes the answer.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  handleWebhook,
  memoryStore,
  type OutcomeReport,
  type ProcessHooks,
  processOnce,
  type WebhookEvent,
} from '../src/index';
import { blockedHandler } from './support/blocked-handler';
import { faultyStore } from './support/faulty-store';
import { signedInput, testAdapter } from './support/hmac-adapter';
import { testEvent } from './support/test-event';

const adapter = testAdapter();

const event = (id: string, extra: Partial<WebhookEvent> = {}) =>
  testEvent(id, {
    receivedAt: new Date('2026-01-02T03:04:05.000Z'),
    deliveryId: `dlv_${id}`,
    attempt: 2,
    payload: { secret: 'PAYLOAD' },
    ...extra,
  });

const facts = (id: string) => ({
  provider: 'test',
  type: 'order.paid',
  eventId: id,
  idSource: 'event',
  key: `test:${id}`,
  deliveryId: `dlv_${id}`,
  attempt: 2,
});

describe('hooks', () => {
  it('onReceipt fires with the dedupe key before the store is called', async () => {
    const store = faultyStore(memoryStore());
    const claimsAtReceipt: number[] = [];
    const onReceipt = vi.fn(() => {
      claimsAtReceipt.push(store.calls.claim);
    });
    await processOnce(store, event('e1'), () => 'ok', { hooks: { onReceipt }, logger: false });
    expect(onReceipt).toHaveBeenCalledTimes(1);
    expect(onReceipt).toHaveBeenCalledWith({
      ...facts('e1'),
      receivedAt: new Date('2026-01-02T03:04:05.000Z'),
    });
    expect(claimsAtReceipt).toEqual([0]);
  });

  it('onOutcome reports processed, duplicate, in_flight, failed and store_unavailable', async () => {
    const store = memoryStore();
    const reports: OutcomeReport[] = [];
    const hooks: ProcessHooks = { onOutcome: (r) => void reports.push(r) };
    const options = { hooks, logger: false as const };
    await processOnce(store, event('e2'), () => 'ok', options);
    await processOnce(store, event('e2'), () => 'again', options);
    const slow = blockedHandler();
    const first = processOnce(store, event('e3'), slow.handler, options);
    await slow.started;
    await processOnce(store, event('e3'), () => 'never', options);
    slow.release();
    await first;
    await processOnce(
      store,
      event('e4'),
      () => {
        throw new RangeError('no');
      },
      options,
    );
    const down = faultyStore(memoryStore(), { claim: () => 'throw' });
    await processOnce(down, event('e5'), () => 'never', options);

    expect(reports.map((r) => [r.outcome, r.status])).toEqual([
      ['processed', 200],
      ['duplicate', 200],
      ['in_flight', 409],
      ['processed', 200],
      ['failed', 500],
      ['store_unavailable', 503],
    ]);
    expect(reports[0]).toEqual({
      ...facts('e2'),
      outcome: 'processed',
      status: 200,
      completion: 'stored',
      handled: true,
      claims: 1,
      durationMs: expect.any(Number),
    });
    expect(reports[1]).toMatchObject({
      outcome: 'duplicate',
      via: 'key',
      handled: false,
      claims: 1,
    });
    expect(reports[2]).toMatchObject({ outcome: 'in_flight', via: 'key', handled: false });
    expect(reports[4]).toMatchObject({ handled: true, errorName: 'RangeError' });
    expect(reports[5]).toMatchObject({ errorCode: 'STORE_UNAVAILABLE', handled: false });
    // Reports are facts: never the payload or the handler's result.
    expect(JSON.stringify(reports)).not.toMatch(/PAYLOAD|"ok"|again/);
  });

  it('onOutcome from handleWebhook also reports rejected deliveries with their code', async () => {
    const onOutcome = vi.fn();
    const reply = await handleWebhook(signedInput({ id: 'r1', type: 't' }, 'wrong-secret'), {
      adapter,
      store: memoryStore(),
      handler: () => 'never',
      hooks: { onOutcome },
      logger: false,
    });
    expect(reply.status).toBe(401);
    expect(onOutcome).toHaveBeenCalledWith({
      outcome: 'rejected',
      provider: 'test',
      status: 401,
      durationMs: expect.any(Number),
      errorCode: 'SIGNATURE_INVALID',
      errorName: 'VerificationError',
    });
  });

  it('onOutcome reports a setup error (CONFIG_INVALID) once', async () => {
    const onOutcome = vi.fn();
    const outcome = await processOnce(memoryStore(), event('s1'), 'nope' as never, {
      hooks: { onOutcome },
      logger: false,
    });
    expect(outcome).toMatchObject({ outcome: 'failed', status: 500 });
    expect(onOutcome).toHaveBeenCalledTimes(1);
    expect(onOutcome.mock.calls[0]?.[0]).toMatchObject({
      outcome: 'failed',
      errorCode: 'CONFIG_INVALID',
      handled: false,
      key: 'test:s1',
    });
  });

  it('onError fires once with the key, the claims and the error itself', async () => {
    const onError = vi.fn();
    const thrown = new Error('handler broke');
    await processOnce(
      memoryStore(),
      event('e6'),
      () => {
        throw thrown;
      },
      { hooks: { onError }, logger: false },
    );
    expect(onError).toHaveBeenCalledTimes(1);
    expect(onError).toHaveBeenCalledWith({
      ...facts('e6'),
      error: thrown,
      claims: 1,
      durationMs: expect.any(Number),
    });
  });

  it('onWarning gets the warning with the delivery facts; the onWarning option still works', async () => {
    const onWarning = vi.fn();
    const own = vi.fn();
    await processOnce(memoryStore(), event('e7'), () => '\ud800', {
      hooks: { onWarning },
      onWarning: own,
      logger: false,
    });
    const warning = { kind: 'result_dropped', key: 'test:e7', reason: 'lone_surrogate' };
    expect(onWarning).toHaveBeenCalledWith({ ...facts('e7'), warning });
    expect(own).toHaveBeenCalledWith(warning);
  });

  it('hooks read through getters are read once: a getter that throws later changes nothing', async () => {
    const getterHooks = () => {
      let reads = 0;
      const hooks = {};
      for (const name of ['onReceipt', 'onOutcome', 'onError', 'onWarning']) {
        Object.defineProperty(hooks, name, {
          enumerable: true,
          get() {
            if (reads++ >= 4) throw new Error('hooks getter');
            return () => {};
          },
        });
      }
      return hooks;
    };
    let runs = 0;
    const store = memoryStore();
    const ok = await processOnce(store, event('gh1'), () => ++runs, {
      hooks: getterHooks(),
      logger: false,
    });
    expect(ok).toMatchObject({ outcome: 'processed', status: 200 });
    const routed = await handleWebhook(signedInput({ id: 'gh2', type: 't' }), {
      adapter,
      store,
      handler: () => ++runs,
      hooks: getterHooks(),
      logger: false,
    });
    expect(routed.status).toBe(200);
    const forged = await handleWebhook(signedInput({ id: 'gh3', type: 't' }, 'bad'), {
      adapter,
      store,
      handler: () => ++runs,
      hooks: getterHooks(),
      logger: false,
    });
    expect(forged.status).toBe(401);
    expect(runs).toBe(2);
  });

  it('hooks that throw or reject never change the answer', async () => {
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      const boom = () => {
        throw new Error('hook bug');
      };
      const reject = () => Promise.reject(new Error('async hook bug'));
      for (const hook of [boom, reject]) {
        const hooks = { onReceipt: hook, onOutcome: hook, onError: hook, onWarning: hook };
        const store = memoryStore();
        const ok = await processOnce(store, event('h1'), () => '\ud800', { hooks, logger: false });
        expect(ok).toMatchObject({ outcome: 'processed', status: 200, completion: 'stored' });
        const failed = await processOnce(
          store,
          event('h2'),
          () => {
            throw new Error('x');
          },
          { hooks, logger: false },
        );
        expect(failed).toMatchObject({ outcome: 'failed', status: 500 });
        const rejected = await handleWebhook(signedInput({ id: 'h3', type: 't' }, 'bad'), {
          adapter,
          store,
          handler: () => 'x',
          hooks,
          logger: false,
        });
        expect(rejected.status).toBe(401);
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(unhandled).not.toHaveBeenCalled();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
  });

  it('an event with a throwing getter is processed once all the same; hooks get what reads', async () => {
    const hostile = event('g1');
    Object.defineProperty(hostile, 'type', {
      get() {
        throw new Error('getter');
      },
    });
    const onReceipt = vi.fn();
    const onOutcome = vi.fn();
    const handler = vi.fn(() => 'ok');
    const pending = processOnce(memoryStore(), hostile, handler, {
      hooks: { onReceipt, onOutcome },
      logger: false,
    });
    await expect(pending).resolves.toMatchObject({ outcome: 'processed', status: 200 });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(onReceipt).toHaveBeenCalledWith(expect.objectContaining({ ...facts('g1'), type: '' }));
    expect(onOutcome.mock.calls[0]?.[0]).toMatchObject({ key: 'test:g1', outcome: 'processed' });
  });

  it.each([
    [5, 'hooks'],
    [{ onOutcomes: () => {} }, 'hooks.onOutcomes'],
    [{ onError: 'log it' }, 'hooks.onError'],
  ])('a bad hooks option (%j) is CONFIG_INVALID naming it', async (hooks, option) => {
    const handler = vi.fn();
    const outcome = await processOnce(memoryStore(), event('bad'), handler, {
      hooks: hooks as never,
      logger: false,
    });
    expect(outcome).toMatchObject({ outcome: 'failed', status: 500 });
    if (outcome.outcome !== 'failed') throw new Error('unreachable');
    expect(outcome.error).toMatchObject({ code: 'CONFIG_INVALID', details: { option } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('handleWebhook: top-level hooks take the place of process.hooks', async () => {
    const top = vi.fn();
    const inner = vi.fn();
    await handleWebhook(signedInput({ id: 'o1', type: 't' }), {
      adapter,
      store: memoryStore(),
      handler: () => 'ok',
      hooks: { onOutcome: top },
      process: { hooks: { onOutcome: inner } },
      logger: false,
    });
    expect(top).toHaveBeenCalledTimes(1);
    expect(inner).not.toHaveBeenCalled();
    const only = vi.fn();
    await handleWebhook(signedInput({ id: 'o2', type: 't' }), {
      adapter,
      store: memoryStore(),
      handler: () => 'ok',
      process: { hooks: { onOutcome: only }, logger: false },
    });
    expect(only).toHaveBeenCalledTimes(1);
  });
});
