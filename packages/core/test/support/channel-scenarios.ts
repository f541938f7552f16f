/**
 * The channel proof, store by store: every outcome of a delivery through `handleWebhook` (and
 * `processOnce`), with the exact sequence of channel events and the fields of every context.
 * Run by core on the memory store and by @hooklatch/otel on Redis.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type DedupeStore,
  type EventHandler,
  handleWebhook,
  parseEvent,
  processOnce,
} from '../../src/index';
import { blockedHandler } from './blocked-handler';
import { type ChannelRecorder, recordChannels } from './channel-recorder';
import { SECRET, signedInput, type TestEvent, testAdapter } from './hmac-adapter';

/** How a suite gets its stores. Keys are unique per test, so one shared store will do. */
export interface ScenarioStores {
  store: () => DedupeStore;
  /** A store whose backend does not answer: every claim fails with STORE_UNAVAILABLE. */
  down: () => DedupeStore;
}

const adapter = testAdapter();
/** In every payload: no context may ever carry it. */
export const MARKER = 'PAYLOAD-MARKER-7f3a';
const LEASE_MS = 300_000;

const uniqueId = () => `evt_${Math.random().toString(36).slice(2)}`;
const body = (id: string, orderId = MARKER) => signedInput({ id, type: 'order.paid', orderId });

function route(store: DedupeStore, handler: EventHandler<TestEvent, unknown>, extra = {}) {
  return { adapter, store, handler, logger: false as const, ...extra };
}

/** `handleWebhook` of `input` on `store`, run by `handler`. */
function deliver(
  store: DedupeStore,
  input: ReturnType<typeof body>,
  handler: EventHandler<TestEvent, unknown>,
  extra = {},
) {
  return handleWebhook(input, route(store, handler, extra));
}

/** How every delivery that reaches its claim begins. */
const UNTIL_CLAIM = ['parse:start', 'parse:asyncEnd', 'process:start', 'claim:start'];

/** Every traced call published start, end, asyncStart and asyncEnd on one context object. */
function expectCompleteTraces(rec: ChannelRecorder): void {
  for (const start of rec.all.filter((p) => p.event === 'start')) {
    const same = rec.all.filter((p) => p.context === start.context).map((p) => p.event);
    expect(same.filter((e) => e !== 'error')).toEqual(['start', 'end', 'asyncStart', 'asyncEnd']);
  }
}

/** No context holds the payload, the secret or the claim token; `result` stays undefined. */
function expectNoSecrets(rec: ChannelRecorder, token?: string): void {
  const contexts = rec.all.map((p) => {
    const { error: _error, ...rest } = p.context;
    return rest;
  });
  const text = JSON.stringify(contexts);
  expect(text).not.toContain(MARKER);
  expect(text).not.toContain(SECRET);
  if (token !== undefined) expect(text).not.toContain(token);
  for (const p of rec.all) expect(p.context.result).toBeUndefined();
}

export function describeChannelScenarios(name: string, stores: ScenarioStores): void {
  describe(`diagnostics channels, every outcome (${name})`, () => {
    let rec: ChannelRecorder;
    beforeEach(() => {
      rec = recordChannels();
    });
    afterEach(() => rec.close());

    it('processed: parse, then process around claim, handle and complete, with every field', async () => {
      const id = uniqueId();
      const key = `test:${id}`;
      let token = '';
      const reply = await deliver(stores.store(), body(id), async (_event, ctx) => {
        token = ctx.token;
        return { ok: true };
      });
      expect(reply.status).toBe(200);
      expect(rec.timeline()).toEqual([
        ...UNTIL_CLAIM,
        'claim:asyncEnd',
        'handle:start',
        'handle:asyncEnd',
        'complete:start',
        'complete:asyncEnd',
        'process:asyncEnd',
      ]);
      expectCompleteTraces(rec);
      const facts = { provider: 'test', type: 'order.paid', eventId: id, idSource: 'event', key };
      const parse = rec.of('parse', 'asyncEnd')[0]?.context;
      expect(parse).toMatchObject(facts);
      expect(rec.of('parse', 'start')[0]?.seen).toEqual({ provider: 'test' });
      const delivery = rec.of('process', 'asyncEnd')[0]?.context;
      expect(delivery).toEqual({
        ...facts,
        deliveryId: undefined,
        attempt: undefined,
        leaseMs: LEASE_MS,
        outcome: 'processed',
        status: 200,
        handled: true,
        claims: 1,
        completion: 'stored',
        durationMs: expect.any(Number),
      });
      expect(rec.of('process', 'start')[0]?.seen.outcome).toBeUndefined();
      const claim = rec.of('claim', 'asyncEnd')[0]?.context;
      expect(claim.delivery).toBe(delivery);
      expect(claim).toMatchObject({
        ...facts,
        claimKey: key,
        via: 'key',
        leaseMs: LEASE_MS,
        ttlMs: LEASE_MS,
        status: 'claimed',
        claims: 1,
      });
      const handle = rec.of('handle', 'asyncEnd')[0]?.context;
      expect(handle).toMatchObject({ ...facts, claims: 1 });
      expect(handle.delivery).toBe(delivery);
      const complete = rec.of('complete', 'asyncEnd')[0]?.context;
      expect(complete).toMatchObject({
        ...facts,
        claimKey: key,
        via: 'key',
        markAttempt: 1,
        withResult: true,
        inTransaction: false,
        marked: true,
      });
      for (const stage of ['parse', 'process', 'claim', 'handle', 'complete'] as const) {
        const ms = rec.of(stage, 'asyncEnd')[0]?.context.durationMs;
        expect(ms).toBeGreaterThanOrEqual(0);
      }
      expect(delivery.durationMs).toBeGreaterThanOrEqual(handle.durationMs);
      expect(rec.of('parse', 'error')).toEqual([]);
      expectNoSecrets(rec, token);
    });

    it('duplicate: one claim answered completed, no handler, no mark', async () => {
      const id = uniqueId();
      const store = stores.store();
      await deliver(store, body(id), () => 'done');
      rec.clear();
      const reply = await deliver(store, body(id), () => 'again');
      expect(reply.headers['hooklatch-outcome']).toBe('duplicate');
      expect(rec.timeline()).toEqual([...UNTIL_CLAIM, 'claim:asyncEnd', 'process:asyncEnd']);
      expect(rec.of('claim', 'asyncEnd')[0]?.context).toMatchObject({
        status: 'completed',
        claims: 1,
      });
      expect(rec.of('process', 'asyncEnd')[0]?.context).toMatchObject({
        key: `test:${id}`,
        outcome: 'duplicate',
        status: 200,
        handled: false,
        via: 'key',
        claims: 1,
      });
      expectNoSecrets(rec);
    });

    it('in_flight: the copy sees the live lease and its remaining time', async () => {
      const id = uniqueId();
      const store = stores.store();
      const slow = blockedHandler();
      const first = deliver(store, body(id), slow.handler);
      await slow.started;
      rec.clear();
      const copy = await deliver(store, body(id), () => 'never');
      slow.release();
      await first;
      expect(copy.status).toBe(409);
      expect(copy.headers['hooklatch-outcome']).toBe('in_flight');
      const claim = rec.of('claim', 'asyncEnd').find((p) => p.context.status === 'in_flight');
      expect(claim?.context.leaseRemainingMs).toBeGreaterThan(0);
      expect(claim?.context.leaseRemainingMs).toBeLessThanOrEqual(LEASE_MS);
      const answers = rec.of('process', 'asyncEnd').map((p) => p.context);
      expect(answers[0]).toMatchObject({ outcome: 'in_flight', status: 409, via: 'key' });
      expect(answers[0].handled).toBe(false);
      expect(answers[1]).toMatchObject({ outcome: 'processed', handled: true });
    });

    it('mismatch: same key, other payload', async () => {
      const id = uniqueId();
      const store = stores.store();
      await deliver(store, body(id), () => 'done');
      rec.clear();
      const reply = await deliver(store, body(id, 'ord_other'), () => 'never');
      expect(reply.status).toBe(422);
      expect(rec.of('process', 'asyncEnd')[0]?.context).toMatchObject({
        outcome: 'mismatch',
        status: 422,
        handled: false,
      });
      expect(rec.of('handle')).toEqual([]);
    });

    it('failed: the handler error on hooklatch:handle, its code and name on the delivery', async () => {
      const id = uniqueId();
      const thrown = Object.assign(new TypeError(`boom ${MARKER}`), { code: 'E_ORDER_LOCKED' });
      const reply = await deliver(stores.store(), body(id), () => {
        throw thrown;
      });
      expect(reply.status).toBe(500);
      expect(rec.timeline()).toEqual([
        ...UNTIL_CLAIM,
        'claim:asyncEnd',
        'handle:start',
        'handle:error',
        'handle:asyncEnd',
        'process:asyncEnd',
      ]);
      expectCompleteTraces(rec);
      const handle = rec.of('handle', 'error')[0]?.context;
      expect(handle.error).toBe(thrown);
      expect(handle).toMatchObject({ errorCode: 'E_ORDER_LOCKED', errorName: 'TypeError' });
      expect(rec.of('process', 'asyncEnd')[0]?.context).toMatchObject({
        outcome: 'failed',
        status: 500,
        handled: true,
        claims: 1,
        errorCode: 'E_ORDER_LOCKED',
        errorName: 'TypeError',
      });
      expectNoSecrets(rec);
    });

    it('store_unavailable: the claim error, then a 503 delivery', async () => {
      const reply = await deliver(stores.down(), body(uniqueId()), () => 'never');
      expect(reply.status).toBe(503);
      expect(rec.timeline()).toEqual([
        ...UNTIL_CLAIM,
        'claim:error',
        'claim:asyncEnd',
        'process:asyncEnd',
      ]);
      const claim = rec.of('claim', 'error')[0]?.context;
      expect(claim).toMatchObject({
        errorCode: 'STORE_UNAVAILABLE',
        errorName: 'StoreUnavailableError',
      });
      expect(claim.error).toMatchObject({ code: 'STORE_UNAVAILABLE' });
      expect(rec.of('process', 'asyncEnd')[0]?.context).toMatchObject({
        outcome: 'store_unavailable',
        status: 503,
        handled: false,
        errorCode: 'STORE_UNAVAILABLE',
      });
    });

    it('rejected: a forged signature ends on hooklatch:parse, nothing else runs', async () => {
      const reply = await deliver(
        stores.store(),
        signedInput({ id: uniqueId(), type: 'order.paid', orderId: MARKER }, 'not-the-secret'),
        () => 'never',
      );
      expect(reply.status).toBe(401);
      expect(rec.timeline()).toEqual(['parse:start', 'parse:error', 'parse:asyncEnd']);
      const parse = rec.of('parse', 'error')[0]?.context;
      expect(parse).toMatchObject({
        provider: 'test',
        status: 401,
        errorCode: 'SIGNATURE_INVALID',
        errorName: 'VerificationError',
      });
      expect(parse.eventId).toBeUndefined();
      expectNoSecrets(rec);
    });

    it('setup error: one process trace answering CONFIG_INVALID, before the body is read', async () => {
      const reply = await handleWebhook(body(uniqueId()), {
        adapter,
        store: stores.store(),
        handler: 'not a function' as never,
        logger: false,
      });
      expect(reply.status).toBe(500);
      expect(rec.timeline()).toEqual(['process:start', 'process:asyncEnd']);
      expect(rec.of('process', 'asyncEnd')[0]?.context).toMatchObject({
        provider: 'test',
        leaseMs: 0,
        outcome: 'failed',
        status: 500,
        handled: false,
        errorCode: 'CONFIG_INVALID',
      });
    });

    it('warning: published with the delivery it belongs to', async () => {
      const id = uniqueId();
      // A lone surrogate cannot be stored: the record completes without it.
      await deliver(stores.store(), body(id), () => '\ud800');
      const [message] = rec.of('warning');
      expect(message?.context).toMatchObject({
        provider: 'test',
        key: `test:${id}`,
        warning: { kind: 'result_dropped', key: `test:${id}`, reason: 'lone_surrogate' },
      });
      expect(message?.context.delivery).toBe(rec.of('process', 'start')[0]?.context);
    });

    it('replay guard: the digest claim and mark are traced with via "digest"', async () => {
      const id = uniqueId();
      await deliver(stores.store(), body(id, `${MARKER}-${id}`), () => 'done', {
        process: { replayGuard: 'digest' },
      });
      const claims = rec.of('claim', 'asyncEnd').map((p) => p.context);
      expect(claims.map((c) => c.via)).toEqual(['key', 'digest']);
      expect(claims[1].claimKey).toMatch(/^#digest:test:sha256:[0-9a-f]{64}$/);
      expect(claims[1].key).toBe(`test:${id}`);
      const marks = rec.of('complete', 'asyncEnd').map((p) => p.context);
      expect(marks.map((c) => [c.via, c.marked])).toEqual([
        ['digest', true],
        ['key', true],
      ]);
    });

    it('processOnce alone: every context carries the dedupe key the parse context has', async () => {
      const id = uniqueId();
      const event = await parseEvent(adapter, body(id));
      await processOnce(stores.store(), event, () => 'ok', { logger: false });
      // No processOnce prefix: the store namespaces keys with its own `prefix` option.
      expect(rec.of('parse', 'asyncEnd')[0]?.context.key).toBe(`test:${id}`);
      const delivery = rec.of('process', 'asyncEnd')[0]?.context;
      expect(delivery).toMatchObject({ key: `test:${id}`, outcome: 'processed' });
      expect(rec.of('claim', 'start')[0]?.context.claimKey).toBe(`test:${id}`);
    });
  });
}
