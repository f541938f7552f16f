/**
 * Inbox mode on the channels: every `inboxReceiver` answer is published on `hooklatch:receipt`,
 * `metrics()` counts it as a delivery (a receiver duplicate is a dedupe hit), and a body refused
 * while it is read (too large) is a parse reject on `hooklatch:parse`, as with `parseEvent`.
 */
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { inboxTestAdapter, inboxTestDelivery } from '@hooklatch/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  type InboxStore,
  inboxReceiver,
  type MetricsRecorder,
  memoryInbox,
  metrics,
  RECEIPT_CHANNEL,
  type ReceiptMessage,
  TRACING_CHANNELS,
  type WebhookEvent,
} from '../src/index';
import { applySchemaPolicy, createAdapter, hmacHeaderVerifier, validatePayload } from '../src/kit';

const adapter = inboxTestAdapter();
const signed = (id: string, card = 'PAYLOAD-4242') =>
  inboxTestDelivery({ id, type: 'order.paid', card });

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function receipts(): ReceiptMessage[] {
  const seen: ReceiptMessage[] = [];
  const listener = (message: unknown) => seen.push(message as ReceiptMessage);
  subscribe(RECEIPT_CHANNEL, listener);
  cleanups.push(() => unsubscribe(RECEIPT_CHANNEL, listener));
  return seen;
}

function recorder(): MetricsRecorder {
  const r = metrics();
  cleanups.push(() => r.close());
  return r;
}

/** An inbox whose every enqueue fails, as an outage would. */
function downInbox(): InboxStore {
  const inbox = memoryInbox();
  return new Proxy(inbox, {
    get(target, property, receiver) {
      if (property === 'enqueue') {
        return async () => {
          throw Object.assign(new Error('connection refused'), { code: 'ECONNREFUSED' });
        };
      }
      return Reflect.get(target, property, receiver);
    },
  });
}

describe('hooklatch:receipt', () => {
  it('publishes one message per answer, with facts and never the payload', async () => {
    const seen = receipts();
    const receive = inboxReceiver({ adapter, inbox: memoryInbox(), logger: false });
    await receive(signed('r1'));
    await receive(signed('r1'));
    await receive(signed('r1', 'OTHER-BODY'));
    await receive({ ...signed('r2'), headers: { 'content-type': 'application/json' } });
    expect(seen.map((m) => [m.outcome, m.status])).toEqual([
      ['enqueued', 202],
      ['duplicate', 200],
      ['mismatch', 422],
      ['rejected', 401],
    ]);
    expect(seen[0]).toMatchObject({ provider: adapter.name, type: 'order.paid', eventId: 'r1' });
    expect(seen[0]?.key).toBe(`${adapter.name}:r1`);
    expect(typeof seen[0]?.durationMs).toBe('number');
    expect(seen[3]?.errorCode).toBe('SIGNATURE_MISSING');
    expect(JSON.stringify(seen)).not.toContain('PAYLOAD-4242');
  });

  it('gives each subscriber its own copy: an onOutcome hook that edits its report changes nothing', async () => {
    const seen = receipts();
    const receive = inboxReceiver({
      adapter,
      inbox: memoryInbox(),
      logger: false,
      hooks: {
        onOutcome: (report) => {
          (report as { outcome: string }).outcome = 'edited';
        },
      },
    });
    await receive(signed('copy'));
    expect(seen[0]?.outcome).toBe('enqueued');
  });

  it('publishes nothing, and builds no observation, when nobody subscribes', async () => {
    const receive = inboxReceiver({ adapter, inbox: memoryInbox(), logger: false });
    const seen = receipts();
    cleanups.pop()?.();
    await receive(signed('quiet'));
    expect(seen).toEqual([]);
  });
});

describe('metrics() in inbox mode', () => {
  it('counts receiver answers as deliveries, and receiver duplicates in the hit rate', async () => {
    const r = recorder();
    const inbox = memoryInbox();
    const receive = inboxReceiver({ adapter, inbox, logger: false });
    await receive(signed('m1'));
    await receive(signed('m1'));
    await receive(signed('m1'));
    await receive(signed('m2'));
    const snapshot = r.snapshot();
    expect(snapshot.dedupe.total).toEqual({
      deliveries: 4,
      duplicates: 2,
      inFlight: 0,
      hitRate: 0.5,
    });
    expect(snapshot.dedupe.window.hitRate).toBe(0.5);
    const byOutcome = Object.fromEntries(snapshot.deliveries.map((d) => [d.outcome, d.count]));
    expect(byOutcome).toEqual({ enqueued: 2, duplicate: 2 });
    const byStatus = Object.fromEntries(snapshot.responses.map((d) => [d.status, d.count]));
    expect(byStatus).toEqual({ 200: 2, 202: 2 });
    expect(snapshot.lastDeliveryAt[adapter.name]).toBeTypeOf('string');
    expect(r.prometheus()).toMatch(/hooklatch_dedupe_hit_ratio(\{\})? 0\.5/);
  });

  it('counts a rejected delivery once, as a reject, and an outage as store_unavailable', async () => {
    const r = recorder();
    const receive = inboxReceiver({ adapter, inbox: memoryInbox(), logger: false });
    await receive({ ...signed('x'), headers: { 'content-type': 'application/json' } });
    const down = inboxReceiver({ adapter, inbox: downInbox(), logger: false });
    const outage = await down(signed('y'));
    expect(outage.status).toBe(503);
    const snapshot = r.snapshot();
    expect(snapshot.rejects).toEqual([
      { provider: adapter.name, code: 'SIGNATURE_MISSING', count: 1 },
    ]);
    expect(snapshot.deliveries.map((d) => [d.outcome, d.count])).toEqual([
      ['store_unavailable', 1],
    ]);
    const byStatus = Object.fromEntries(snapshot.responses.map((d) => [d.status, d.count]));
    expect(byStatus).toEqual({ 401: 1, 503: 1 });
    expect(snapshot.dedupe.total.deliveries).toBe(1);
  });

  it('a body refused while it is read is a parse reject, like parseEvent(request)', async () => {
    const errors: unknown[] = [];
    const channel = `tracing:${TRACING_CHANNELS.parse}:error`;
    const listener = (context: unknown) => errors.push({ ...(context as object) });
    subscribe(channel, listener);
    cleanups.push(() => unsubscribe(channel, listener));
    const r = recorder();
    const receive = inboxReceiver({
      adapter,
      inbox: memoryInbox(),
      logger: false,
      maxBodyBytes: 64,
    });
    const answer = await receive(signed('big', 'X'.repeat(200)));
    expect(answer.status).toBe(413);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ provider: adapter.name, errorCode: 'BODY_TOO_LARGE' });
    expect(r.snapshot().rejects).toEqual([
      { provider: adapter.name, code: 'BODY_TOO_LARGE', count: 1 },
    ]);
  });
});

/** An adapter whose typed schema wants a numeric `amount` (schemaPolicy 'reject'). */
const typed = createAdapter<WebhookEvent>({
  name: 'shop',
  retentionMs: 86_400_000,
  verify: hmacHeaderVerifier({ provider: 'shop', header: 'x-shop-signature', secret: 'rc-secret' }),
  parse(_delivery, _verified, { json, schemaPolicy }) {
    const data = json();
    const env = validatePayload(z.looseObject({ id: z.string(), type: z.string() }), data, 'shop');
    const checked = applySchemaPolicy({
      schema: z.looseObject({ amount: z.number() }),
      data,
      envelope: env,
      policy: schemaPolicy,
      validate: true,
      context: `shop ${env.type}`,
    });
    return { type: env.type, id: env.id, idSource: 'event' as const, ...checked };
  },
});

describe('metrics() and a dead-lettered schema mismatch', () => {
  it('is one dead_lettered delivery answered 202, not a parse reject as well', async () => {
    const errors: unknown[] = [];
    const channel = `tracing:${TRACING_CHANNELS.parse}:error`;
    const listener = (context: unknown) => errors.push(context);
    subscribe(channel, listener);
    cleanups.push(() => unsubscribe(channel, listener));
    const r = recorder();
    const receive = inboxReceiver({
      adapter: typed,
      inbox: memoryInbox(),
      schemaMismatch: 'dead_letter',
      logger: false,
    });
    const sign = typed.sign as NonNullable<typeof typed.sign>;
    const answer = await receive(
      sign(JSON.stringify({ id: 'd1', type: 'order.paid', amount: 'x' })),
    );
    expect(answer).toMatchObject({ status: 202, outcome: 'dead_lettered' });
    expect(errors).toEqual([]);
    const snapshot = r.snapshot();
    expect(snapshot.rejects).toEqual([]);
    expect(snapshot.deliveries).toEqual([
      { provider: 'shop', type: 'order.paid', outcome: 'dead_lettered', count: 1 },
    ]);
    expect(snapshot.responses).toEqual([{ provider: 'shop', status: 202, count: 1 }]);
  });
});
