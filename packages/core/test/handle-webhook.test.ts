import { describe, expect, it, vi } from 'vitest';
import {
  type DedupeStore,
  errorReply,
  handleWebhook,
  memoryStore,
  outcomeReply,
  replyResponse,
  type WebhookAdapter,
} from '../src/index';
import { SECRET, signedInput, testAdapter } from './support/hmac-adapter';

const adapter = testAdapter();
const payload = { id: 'evt_1', type: 'order.paid', orderId: 'ord_1' };

describe('handleWebhook', () => {
  it('processes once, then answers the retry as a duplicate with the stored result', async () => {
    const store = memoryStore();
    const handler = vi.fn(async () => ({ shipped: true }));
    const first = await handleWebhook(signedInput(payload), { adapter, store, handler });
    expect(first).toMatchObject({ status: 200, body: '{"outcome":"processed"}' });
    expect(first.headers['content-type']).toBe('application/json');
    expect(first.outcome).toMatchObject({ outcome: 'processed', result: { shipped: true } });
    expect(first.headers['hooklatch-outcome']).toBeUndefined();
    const retry = await handleWebhook(signedInput(payload), { adapter, store, handler });
    expect(retry).toMatchObject({ status: 200, body: '{"outcome":"duplicate"}' });
    expect(retry.headers['hooklatch-outcome']).toBe('duplicate');
    expect(retry.outcome).toMatchObject({ outcome: 'duplicate', result: { shipped: true } });
    expect(handler).toHaveBeenCalledTimes(1);
  });

  it('answers a forgery 401 with its code, without running the handler', async () => {
    const handler = vi.fn();
    const reply = await handleWebhook(signedInput(payload, 'someone-else'), {
      adapter,
      store: memoryStore(),
      handler,
    });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({ error: { code: 'SIGNATURE_INVALID' } });
    expect(reply.body).not.toContain(SECRET);
    expect(reply.error).toMatchObject({ code: 'SIGNATURE_INVALID' });
    expect(reply.outcome).toBeUndefined();
    expect(handler).not.toHaveBeenCalled();
  });

  it('answers 409 with Retry-After while the first copy runs', async () => {
    const store = memoryStore();
    let finish: () => void = () => {};
    const slow = new Promise<void>((resolve) => {
      finish = resolve;
    });
    let started: () => void = () => {};
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    const first = handleWebhook(signedInput(payload), {
      adapter,
      store,
      handler: () => {
        started();
        return slow;
      },
    });
    await running; // the first copy holds the claim from here on
    const copy = await handleWebhook(signedInput(payload), {
      adapter,
      store,
      handler: () => undefined,
      process: { leaseMs: 30_000 },
    });
    expect(copy.status).toBe(409);
    expect(copy.headers['retry-after']).toMatch(/^\d+$/);
    expect(copy.body).toBe('{"outcome":"in_flight"}');
    expect(copy.headers['hooklatch-outcome']).toBe('in_flight');
    finish();
    expect((await first).status).toBe(200);
  });

  it('answers 500 for a failing handler without its message, and 503 for a store that is down', async () => {
    const failed = await handleWebhook(signedInput(payload), {
      adapter,
      store: memoryStore(),
      handler: () => {
        throw new Error('database password is hunter2');
      },
    });
    expect(failed.status).toBe(500);
    expect(failed.body).toBe('{"outcome":"failed"}');

    const down: DedupeStore = {
      ...memoryStore(),
      claim: () => Promise.reject(new Error('ECONNREFUSED')),
    };
    const unavailable = await handleWebhook(signedInput(payload), {
      adapter,
      store: down,
      handler: () => undefined,
    });
    expect(unavailable.status).toBe(503);
    expect(unavailable.headers['retry-after']).toBe('5');
    expect(JSON.parse(unavailable.body)).toEqual({
      outcome: 'store_unavailable',
      code: 'STORE_UNAVAILABLE',
    });
  });

  it('never throws: an adapter bug becomes a 500 that says nothing about it', async () => {
    const broken: WebhookAdapter = {
      name: 'broken',
      retentionMs: 1000,
      parse: () => {
        throw new TypeError('cannot read secret of undefined');
      },
    };
    const reply = await handleWebhook(
      { headers: {}, body: '{}' },
      { adapter: broken, store: memoryStore(), handler: () => undefined },
    );
    expect(reply.status).toBe(500);
    expect(JSON.parse(reply.body)).toEqual({
      error: { code: 'INTERNAL', message: 'Internal error.' },
    });
    expect(reply.error).toBeInstanceOf(TypeError);
  });
});

describe('replies', () => {
  it('errorReply and outcomeReply agree with their Response forms', async () => {
    const error = errorReply(new Error('x'));
    const response = replyResponse(error);
    expect(response.status).toBe(500);
    expect(await response.text()).toBe(error.body);
    const outcome = outcomeReply({
      outcome: 'in_flight',
      status: 409,
      headers: { 'retry-after': '7' },
      key: 'k',
      leaseExpiresAt: new Date(),
      leaseRemainingMs: 7_000,
      via: 'key',
    });
    expect(outcome).toEqual({
      status: 409,
      headers: { 'content-type': 'application/json', 'retry-after': '7' },
      body: '{"outcome":"in_flight"}',
    });
    expect(replyResponse(outcome).headers.get('retry-after')).toBe('7');
  });
});

describe('handleWebhook setup errors and new outcomes', () => {
  it('store: undefined is CONFIG_INVALID 500 naming the option, not STORE_UNAVAILABLE', async () => {
    const handler = vi.fn();
    const reply = await handleWebhook(signedInput(payload), {
      adapter,
      store: undefined as unknown as DedupeStore,
      handler,
    });
    expect(reply.status).toBe(500);
    expect(JSON.parse(reply.body)).toMatchObject({ error: { code: 'CONFIG_INVALID' } });
    expect(reply.error).toMatchObject({ code: 'CONFIG_INVALID', details: { option: 'store' } });
    expect(handler).not.toHaveBeenCalled();
  });

  it('a bad process option answers 500 CONFIG_INVALID even for a forged delivery', async () => {
    const reply = await handleWebhook(signedInput(payload, 'forged'), {
      adapter,
      store: memoryStore(),
      handler: () => undefined,
      process: { leaseMs: Number.NaN },
    });
    expect(reply.status).toBe(500);
    expect(reply.error).toMatchObject({ code: 'CONFIG_INVALID', details: { option: 'leaseMs' } });
  });

  it('never throws, even without options', async () => {
    const reply = await handleWebhook(
      signedInput(payload),
      undefined as unknown as Parameters<typeof handleWebhook>[1],
    );
    expect(reply.status).toBe(500);
    expect(JSON.parse(reply.body)).toMatchObject({ error: { code: 'CONFIG_INVALID' } });
  });

  it('a throwing onWarning changes nothing', async () => {
    const store = memoryStore();
    const reply = await handleWebhook(signedInput(payload), {
      adapter,
      store,
      handler: () => 1n, // not JSON: result_dropped is raised into the throwing callback
      process: {
        onWarning: () => {
          throw new Error('logger down');
        },
      },
    });
    expect(reply).toMatchObject({ status: 200, body: '{"outcome":"processed"}' });
  });

  it('a mismatch answers 422 {outcome: "mismatch"} with the hooklatch-outcome header', async () => {
    const store = memoryStore();
    // parseEvent fills event.digest from the payload: the same ID with another body differs.
    const first = await handleWebhook(signedInput(payload), { adapter, store, handler: () => 1 });
    expect(first.status).toBe(200);
    const handler = vi.fn();
    const other = await handleWebhook(signedInput({ ...payload, orderId: 'ord_2' }), {
      adapter,
      store,
      handler,
    });
    expect(other).toMatchObject({ status: 422, body: '{"outcome":"mismatch"}' });
    expect(other.headers['hooklatch-outcome']).toBe('mismatch');
    expect(handler).not.toHaveBeenCalled();
  });
});
