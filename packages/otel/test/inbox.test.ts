/**
 * Inbox mode in OpenTelemetry: each `inboxReceiver` answer (from `hooklatch:receipt`) is a point
 * of `hooklatch.deliveries` with its outcome; a refused delivery counts once, as a reject. A
 * worker's run of an entry (from `hooklatch:run`) is a CONSUMER span over its handle and complete.
 */
import { inboxReceiver, memoryInbox, worker } from '@hooklatch/core';
import { inboxTestAdapter, inboxTestDelivery } from '@hooklatch/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { until as waitFor } from '../../core/test/support/inbox-wait';
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

describe('@hooklatch/otel and the inbox worker', () => {
  it('one run is a process span; its handle and complete spans are its children', async () => {
    const inbox = memoryInbox();
    await inboxReceiver({ adapter, inbox, logger: false })(signed('w1'));
    const w = worker({ inbox, adapter, pollMs: 5, logger: false, handler: () => {} });
    await waitFor(
      async () => (await inbox.get(`${adapter.name}:w1`))?.state === 'completed',
      'done',
    );
    await waitFor(() => otel.spans().some((s) => s.name === `process ${adapter.name}`), 'run span');
    await w.stop();
    const spans = otel.spans().filter((s) => s.name !== `parse ${adapter.name}`);
    const run = spans.find((s) => s.name === `process ${adapter.name}`);
    expect(run).toMatchObject({
      kind: 'CONSUMER',
      parent: undefined,
      status: 'UNSET',
      attributes: {
        'messaging.system': adapter.name,
        'messaging.message.id': 'w1',
        'messaging.operation.name': 'process',
        'hooklatch.outcome': 'completed',
        'hooklatch.handled': true,
        'hooklatch.claims': 1,
      },
    });
    expect(spans.map((s) => [s.name, s.kind, s.parent]).sort()).toEqual(
      [
        ['complete', 'CLIENT', `process ${adapter.name}`],
        [`handle ${adapter.name}`, 'INTERNAL', `process ${adapter.name}`],
        [`process ${adapter.name}`, 'CONSUMER', undefined],
      ].sort(),
    );
  });

  it('a run whose handler failed ends with an ERROR status naming its outcome', async () => {
    const inbox = memoryInbox();
    await inboxReceiver({ adapter, inbox, logger: false })(signed('w2'));
    const w = worker({
      inbox,
      adapter,
      pollMs: 5,
      logger: false,
      retry: { baseMs: 60_000 },
      handler: () => {
        throw new Error('nope');
      },
    });
    await waitFor(() => otel.spans().some((s) => s.name === `process ${adapter.name}`), 'run span');
    await w.stop();
    const run = otel.spans().find((s) => s.name === `process ${adapter.name}`);
    expect(run).toMatchObject({
      status: 'ERROR',
      attributes: { 'hooklatch.outcome': 'retry_scheduled', 'error.type': 'retry_scheduled' },
    });
    const handle = otel.spans().find((s) => s.name === `handle ${adapter.name}`);
    expect(handle).toMatchObject({ status: 'ERROR', parent: `process ${adapter.name}` });
  });
});
