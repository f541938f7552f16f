/**
 * Inbox mode in OpenTelemetry: each `inboxReceiver` answer (from `hooklatch:receipt`) is a point
 * of `hooklatch.deliveries` with its outcome; a refused delivery counts once, as a reject.
 */
import { inboxReceiver, memoryInbox } from '@hooklatch/core';
import { inboxTestAdapter, inboxTestDelivery } from '@hooklatch/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, otelHarness, sortPoints } from './support/otel-harness';

const adapter = inboxTestAdapter();
const signed = (id: string) => inboxTestDelivery({ id, type: 'order.paid', card: 'PAYLOAD-1' });
let otel: Harness;
beforeEach(() => {
  otel = otelHarness();
});
afterEach(async () => {
  await otel.close();
});

describe('@hooklatch/otel in inbox mode', () => {
  it('counts enqueued and duplicate receipts as deliveries, a refused one as a reject', async () => {
    const receive = inboxReceiver({ adapter, inbox: memoryInbox(), logger: false });
    await receive(signed('i1'));
    await receive(signed('i1'));
    await receive(signed('i1'));
    await receive({ ...signed('i2'), headers: { 'content-type': 'application/json' } });
    const points = await otel.points();
    const system = { 'messaging.system': adapter.name };
    expect(points.filter((p) => p.metric === 'hooklatch.deliveries')).toEqual(
      sortPoints([
        {
          metric: 'hooklatch.deliveries',
          attributes: { ...system, 'hooklatch.outcome': 'enqueued' },
          value: 1,
        },
        {
          metric: 'hooklatch.deliveries',
          attributes: { ...system, 'hooklatch.outcome': 'duplicate' },
          value: 2,
        },
      ]),
    );
    expect(points.filter((p) => p.metric === 'hooklatch.rejects')).toEqual([
      {
        metric: 'hooklatch.rejects',
        attributes: { ...system, 'error.type': 'SIGNATURE_MISSING' },
        value: 1,
      },
    ]);
  });
});
