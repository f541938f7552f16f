/**
 * @hooklatch/otel against the OpenTelemetry SDK's in-memory exporters: the exact spans (names,
 * kinds, attributes, status, parent/child) and metric points of every kind of delivery.
 */
import { type DedupeStore, handleWebhook, memoryStore } from '@hooklatch/core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blockedHandler } from '../../core/test/support/blocked-handler';
import { faultyStore } from '../../core/test/support/faulty-store';
import { signedInput, testAdapter } from '../../core/test/support/hmac-adapter';
import { instrument, SCOPE, VERSION } from '../src/index';
import { type Harness, otelHarness, sortPoints } from './support/otel-harness';

const adapter = testAdapter();
const LEASE = 300_000;
let otel: Harness;
let n = 0;

beforeEach(() => {
  otel = otelHarness();
});
afterEach(async () => {
  await otel.close();
});

const deliver = (store: DedupeStore, id: string, handler: () => unknown, orderId = 'o1') =>
  handleWebhook(signedInput({ id, type: 'order.paid', orderId }), {
    adapter,
    store,
    handler,
    logger: false,
  });

const eventAttrs = (id: string) => ({
  'messaging.system': 'test',
  'messaging.message.id': id,
  'hooklatch.event_type': 'order.paid',
  'hooklatch.id_source': 'event',
  'hooklatch.dedupe_key': `test:${id}`,
});

const parseSpan = (id: string) => ({
  name: 'parse test',
  kind: 'INTERNAL',
  parent: undefined,
  status: 'UNSET',
  attributes: { 'messaging.operation.name': 'parse', ...eventAttrs(id) },
  events: [],
});

const processSpan = (id: string, end: Record<string, unknown>, status = 'UNSET') => ({
  name: 'process test',
  kind: 'CONSUMER',
  parent: undefined,
  status,
  attributes: {
    ...eventAttrs(id),
    'messaging.operation.type': 'process',
    'messaging.operation.name': 'process',
    'hooklatch.lease_ms': LEASE,
    ...end,
  },
  events: [],
});

const claimSpan = (id: string, end: Record<string, unknown>, status = 'UNSET') => ({
  name: 'claim',
  kind: 'CLIENT',
  parent: 'process test',
  status,
  attributes: {
    'hooklatch.claim_key': `test:${id}`,
    'hooklatch.via': 'key',
    'hooklatch.lease_ms': LEASE,
    'hooklatch.ttl_ms': LEASE,
    ...end,
  },
  events: [],
});

const handleSpan = (extra: Record<string, unknown> = {}, status = 'UNSET') => ({
  name: 'handle test',
  kind: 'INTERNAL',
  parent: 'process test',
  status,
  attributes: { 'hooklatch.event_type': 'order.paid', 'hooklatch.claims': 1, ...extra },
  events: [],
});

const completeSpan = (id: string) => ({
  name: 'complete',
  kind: 'CLIENT',
  parent: 'process test',
  status: 'UNSET',
  attributes: {
    'hooklatch.claim_key': `test:${id}`,
    'hooklatch.via': 'key',
    'hooklatch.mark_attempt': 1,
    'hooklatch.with_result': true,
    'hooklatch.in_transaction': false,
    'hooklatch.marked': true,
  },
  events: [],
});

const point = (metric: string, attributes: Record<string, unknown>, value: number) => ({
  metric,
  attributes,
  value,
});

describe('@hooklatch/otel spans and metrics', () => {
  it('processed: parse beside process; claim, handle and complete under it', async () => {
    const id = `evt_${++n}`;
    await deliver(memoryStore(), id, () => ({ ok: true }));
    expect(otel.spans()).toEqual([
      parseSpan(id),
      claimSpan(id, { 'hooklatch.claim_status': 'claimed', 'hooklatch.claims': 1 }),
      handleSpan(),
      completeSpan(id),
      processSpan(id, {
        'hooklatch.outcome': 'processed',
        'hooklatch.status_code': 200,
        'hooklatch.handled': true,
        'hooklatch.claims': 1,
        'hooklatch.completion': 'stored',
      }),
    ]);
    // One trace: every child carries the process span's trace and span IDs.
    const raw = otel.raw();
    const process = raw.find((s) => s.name === 'process test');
    for (const child of raw.filter((s) => ['claim', 'handle test', 'complete'].includes(s.name))) {
      expect(child.spanContext().traceId).toBe(process?.spanContext().traceId);
      expect(child.parentSpanContext?.spanId).toBe(process?.spanContext().spanId);
    }
    expect(process?.instrumentationScope).toEqual({
      name: SCOPE,
      version: VERSION,
      schemaUrl: undefined,
    });
    expect(await otel.points()).toEqual(
      sortPoints([
        point('hooklatch.store.duration', { 'hooklatch.store.operation': 'claim' }, 1),
        point('hooklatch.store.duration', { 'hooklatch.store.operation': 'complete' }, 1),
        point('hooklatch.handler.duration', { 'messaging.system': 'test' }, 1),
        point(
          'hooklatch.deliveries',
          { 'messaging.system': 'test', 'hooklatch.outcome': 'processed' },
          1,
        ),
        point(
          'messaging.process.duration',
          {
            'messaging.system': 'test',
            'hooklatch.outcome': 'processed',
            'messaging.operation.name': 'process',
          },
          1,
        ),
      ]),
    );
  });

  it('duplicate: a completed claim, no handler, counted by outcome', async () => {
    const id = `evt_${++n}`;
    const store = memoryStore();
    await deliver(store, id, () => 'done');
    const before = otel.spans().length;
    await deliver(store, id, () => 'again');
    expect(otel.spans().slice(before)).toEqual([
      parseSpan(id),
      claimSpan(id, { 'hooklatch.claim_status': 'completed', 'hooklatch.claims': 1 }),
      processSpan(id, {
        'hooklatch.outcome': 'duplicate',
        'hooklatch.status_code': 200,
        'hooklatch.handled': false,
        'hooklatch.claims': 1,
        'hooklatch.via': 'key',
      }),
    ]);
    const deliveries = (await otel.points()).filter((p) => p.metric === 'hooklatch.deliveries');
    expect(deliveries).toEqual(
      sortPoints([
        point(
          'hooklatch.deliveries',
          { 'messaging.system': 'test', 'hooklatch.outcome': 'processed' },
          1,
        ),
        point(
          'hooklatch.deliveries',
          { 'messaging.system': 'test', 'hooklatch.outcome': 'duplicate' },
          1,
        ),
      ]),
    );
  });

  it('in-flight: the copy is answered 409 from a live claim, with its remaining lease', async () => {
    const id = `evt_${++n}`;
    const store = memoryStore();
    const slow = blockedHandler();
    const first = deliver(store, id, slow.handler);
    await slow.started;
    await deliver(store, id, () => 'never');
    slow.release();
    await first;
    const copy = otel.spans().filter((s) => s.attributes['hooklatch.outcome'] === 'in_flight');
    expect(copy).toEqual([
      processSpan(id, {
        'hooklatch.outcome': 'in_flight',
        'hooklatch.status_code': 409,
        'hooklatch.handled': false,
        'hooklatch.via': 'key',
      }),
    ]);
    const inFlightClaim = otel
      .spans()
      .find((s) => s.attributes['hooklatch.claim_status'] === 'in_flight');
    expect(inFlightClaim).toEqual(
      claimSpan(id, {
        'hooklatch.claim_status': 'in_flight',
        'hooklatch.lease_remaining_ms': expect.any(Number),
      }),
    );
    expect((await otel.points()).filter((p) => p.metric === 'hooklatch.deliveries')).toEqual([
      point(
        'hooklatch.deliveries',
        { 'messaging.system': 'test', 'hooklatch.outcome': 'in_flight' },
        1,
      ),
      point(
        'hooklatch.deliveries',
        { 'messaging.system': 'test', 'hooklatch.outcome': 'processed' },
        1,
      ),
    ]);
  });

  it('failed: handle and process spans are errors with error.type; no exception text by default', async () => {
    const id = `evt_${++n}`;
    await deliver(memoryStore(), id, () => {
      throw Object.assign(new Error('card 4242 declined'), { code: 'E_DECLINED' });
    });
    expect(otel.spans()).toEqual([
      parseSpan(id),
      claimSpan(id, { 'hooklatch.claim_status': 'claimed', 'hooklatch.claims': 1 }),
      handleSpan({ 'error.type': 'E_DECLINED' }, 'ERROR'),
      processSpan(
        id,
        {
          'hooklatch.outcome': 'failed',
          'hooklatch.status_code': 500,
          'hooklatch.handled': true,
          'hooklatch.claims': 1,
          'error.type': 'E_DECLINED',
        },
        'ERROR',
      ),
    ]);
    expect(JSON.stringify(otel.raw().map((s) => [s.attributes, s.events, s.status]))).not.toContain(
      '4242',
    );
    const points = await otel.points();
    expect(points).toContainEqual(
      point(
        'hooklatch.handler.duration',
        { 'messaging.system': 'test', 'error.type': 'E_DECLINED' },
        1,
      ),
    );
    expect(points).toContainEqual(
      point(
        'hooklatch.deliveries',
        { 'messaging.system': 'test', 'hooklatch.outcome': 'failed', 'error.type': 'E_DECLINED' },
        1,
      ),
    );
  });

  it('failed with recordExceptions: the handle span carries the exception event', async () => {
    await otel.close();
    otel = otelHarness({ recordExceptions: true });
    await deliver(memoryStore(), `evt_${++n}`, () => {
      throw new RangeError('out of stock');
    });
    const handle = otel.raw().find((s) => s.name === 'handle test');
    expect(
      handle?.events.map((e) => [
        e.name,
        e.attributes?.['exception.type'],
        e.attributes?.['exception.message'],
      ]),
    ).toEqual([['exception', 'RangeError', 'out of stock']]);
  });

  it('rejected: one parse span with error.type and status; a reject counted, no delivery', async () => {
    await handleWebhook(signedInput({ id: 'forged', type: 'order.paid' }, 'wrong-secret'), {
      adapter,
      store: memoryStore(),
      handler: () => 'never',
      logger: false,
    });
    expect(otel.spans()).toEqual([
      {
        name: 'parse test',
        kind: 'INTERNAL',
        parent: undefined,
        status: 'ERROR',
        attributes: {
          'messaging.system': 'test',
          'messaging.operation.name': 'parse',
          'hooklatch.status_code': 401,
          'error.type': 'SIGNATURE_INVALID',
        },
        events: [],
      },
    ]);
    expect(await otel.points()).toEqual(
      sortPoints([
        point(
          'hooklatch.rejects',
          { 'messaging.system': 'test', 'error.type': 'SIGNATURE_INVALID' },
          1,
        ),
      ]),
    );
  });

  it('store down: the claim and the delivery are errors with STORE_UNAVAILABLE', async () => {
    const id = `evt_${++n}`;
    await deliver(faultyStore(memoryStore(), { claim: () => 'throw' }), id, () => 'never');
    expect(otel.spans()).toEqual([
      parseSpan(id),
      claimSpan(id, { 'error.type': 'STORE_UNAVAILABLE' }, 'ERROR'),
      processSpan(
        id,
        {
          'hooklatch.outcome': 'store_unavailable',
          'hooklatch.status_code': 503,
          'hooklatch.handled': false,
          'error.type': 'STORE_UNAVAILABLE',
        },
        'ERROR',
      ),
    ]);
    expect(await otel.points()).toEqual(
      sortPoints([
        point(
          'hooklatch.store.duration',
          { 'hooklatch.store.operation': 'claim', 'error.type': 'STORE_UNAVAILABLE' },
          1,
        ),
        point(
          'hooklatch.deliveries',
          {
            'messaging.system': 'test',
            'hooklatch.outcome': 'store_unavailable',
            'error.type': 'STORE_UNAVAILABLE',
          },
          1,
        ),
        point(
          'messaging.process.duration',
          {
            'messaging.system': 'test',
            'hooklatch.outcome': 'store_unavailable',
            'error.type': 'STORE_UNAVAILABLE',
            'messaging.operation.name': 'process',
          },
          1,
        ),
      ]),
    );
  });

  it('a warning is an event on its delivery span and a counted warning', async () => {
    const id = `evt_${++n}`;
    await deliver(memoryStore(), id, () => '\ud800');
    const process = otel.spans().find((s) => s.name === 'process test');
    expect(process?.events).toEqual([
      {
        name: 'hooklatch.warning',
        attributes: {
          'hooklatch.warning.kind': 'result_dropped',
          'hooklatch.warning.reason': 'lone_surrogate',
        },
      },
    ]);
    expect(await otel.points()).toContainEqual(
      point(
        'hooklatch.warnings',
        { 'messaging.system': 'test', 'hooklatch.warning.kind': 'result_dropped' },
        1,
      ),
    );
  });

  it('close() stops exporting; options are checked', async () => {
    await otel.close();
    otel = otelHarness();
    const spans = otel.spans().length;
    await otel.close();
    await deliver(memoryStore(), `evt_${++n}`, () => 'ok');
    expect(otel.spans()).toHaveLength(spans);
    otel = otelHarness();
    expect(() => instrument({ recordExceptions: 'yes' as never })).toThrow(
      expect.objectContaining({
        code: 'CONFIG_INVALID',
        details: expect.objectContaining({ option: 'recordExceptions' }),
      }),
    );
  });

  it('VERSION matches package.json', async () => {
    const pkg = await import('../package.json', { with: { type: 'json' } });
    expect(VERSION).toBe(pkg.default.version);
  });
});
