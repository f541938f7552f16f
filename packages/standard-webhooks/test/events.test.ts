import { memoryStore, parseEvent, processOnce } from '@hooklatch/core';
import { signedStandardWebhooksRequest } from '@hooklatch/standard-webhooks/testing';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isEventType, standardWebhooks } from '../src/index';
import { PAYLOAD, parseAt, RECEIVED_AT, RECEIVED_SECONDS, SECRET } from './support/fixtures';

const invoicePaid = z.object({
  type: z.literal('invoice.paid'),
  data: z.object({ id: z.string(), amount: z.number().int() }),
});

function signed(payload: unknown, id = 'msg_evt') {
  return signedStandardWebhooksRequest({
    secret: SECRET,
    payload,
    id,
    timestamp: RECEIVED_SECONDS,
  });
}

describe('event types and payloads', () => {
  const adapter = standardWebhooks({ secret: SECRET, events: { 'invoice.paid': invoicePaid } });

  it('validates a mapped type with its schema and narrows with isEventType', async () => {
    const event = await parseAt(adapter, signed(PAYLOAD));
    expect(isEventType(event, 'invoice.paid')).toBe(true);
    if (!isEventType(event, 'invoice.paid')) throw new Error('unreachable');
    // The schema's output, not the raw body: zod strips the unlisted `timestamp`.
    expect(event.payload).toEqual({ type: 'invoice.paid', data: { id: 'inv_1', amount: 4200 } });
  });

  it('never rejects an unknown type: it passes with the loose envelope', async () => {
    const unknown = { type: 'contact.created', data: { id: 'c_1' }, extra: [1, 2] };
    const event = await parseAt(adapter, signed(unknown));
    expect(event.type).toBe('contact.created');
    expect(event.payload).toEqual(unknown);
    expect(isEventType(event, 'invoice.paid')).toBe(false);
  });

  it('uses fallbackType when the body has no type, and receivedAt when it has no timestamp', async () => {
    const bare = { hello: 'world' };
    const plain = await parseAt(standardWebhooks({ secret: SECRET }), signed(bare));
    expect(plain.type).toBe('unknown');
    expect(plain.occurredAt).toEqual(RECEIVED_AT);
    const named = await parseAt(
      standardWebhooks({ secret: SECRET, fallbackType: 'ping' }),
      signed(bare),
    );
    expect(named.type).toBe('ping');
  });

  it('a body timestamp that is not a zoned ISO date-time (a number, null, loose text) is ignored, never refused', async () => {
    // Text Date.parse would still read (as 2001, as May 1st, in the server's own time zone).
    const loose = ['not a date', '1', 'Order 5', '2025-01-05 10:15:32', '2025-01-05', 'Jan 5 2025'];
    for (const timestamp of [1_700_000_000, null, { at: 1 }, true, ...loose]) {
      const body = { type: 'contact.created', timestamp, data: { id: 'c_1' } };
      const event = await parseAt(adapter, signed(body));
      expect(event.occurredAt).toEqual(RECEIVED_AT);
      expect(event.payload).toEqual(body);
    }
  });

  it('reads an ISO 8601 date-time with a zone, whatever the zone', async () => {
    for (const [timestamp, iso] of [
      ['2025-01-05T10:15:32Z', '2025-01-05T10:15:32.000Z'],
      ['2025-01-05T10:15:32.344522Z', '2025-01-05T10:15:32.344Z'],
      ['2025-01-05T12:15:32+02:00', '2025-01-05T10:15:32.000Z'],
    ]) {
      const body = { type: 'contact.created', timestamp, data: {} };
      expect((await parseAt(adapter, signed(body))).occurredAt.toISOString()).toBe(iso);
    }
  });

  it('does not treat Object prototype names as mapped types', async () => {
    const event = await parseAt(adapter, signed({ type: 'constructor', data: {} }));
    expect(event.payload).toEqual({ type: 'constructor', data: {} });
  });
});

describe('exactly once with webhook-id as the key', () => {
  it('claims standard-webhooks:<webhook-id>; a retry with a new timestamp is a duplicate', async () => {
    const store = memoryStore();
    const adapter = standardWebhooks({ secret: SECRET });
    const runs: string[] = [];
    const handle = async (event: { id: string }) => {
      runs.push(event.id);
      return { ok: true };
    };
    const first = await parseAt(adapter, signed(PAYLOAD, 'msg_once'));
    const firstOutcome = await processOnce(store, first, handle);
    // The sender's retry: same webhook-id, new attempt timestamp and so a new signature.
    const retryRequest = signedStandardWebhooksRequest({
      secret: SECRET,
      payload: PAYLOAD,
      id: 'msg_once',
      timestamp: RECEIVED_SECONDS + 60,
    });
    const retry = await parseEvent(adapter, retryRequest, {
      receivedAt: new Date(RECEIVED_AT.getTime() + 60_000),
    });
    const retryOutcome = await processOnce(store, retry, handle);
    expect(firstOutcome).toMatchObject({
      outcome: 'processed',
      status: 200,
      key: 'standard-webhooks:msg_once',
    });
    expect(retryOutcome).toMatchObject({ outcome: 'duplicate', status: 200, result: { ok: true } });
    expect(runs).toEqual(['msg_once']);
  });
});
