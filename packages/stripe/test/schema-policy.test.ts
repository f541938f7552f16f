/**
 * An authentic event that fails its typed schema is not a malformed one: PAYLOAD_SCHEMA_MISMATCH
 * (500, retried) under `schemaPolicy: 'reject'`, or the envelope with `validated: false` under
 * `'envelope'`. A body that fails the envelope itself stays PAYLOAD_INVALID (422) under both.
 */
import {
  type HooklatchError,
  handleWebhook,
  memoryStore,
  PayloadError,
  parseEvent,
} from '@hooklatch/core';
import { signedStripeRequest } from '@hooklatch/stripe/testing';
import { describe, expect, it } from 'vitest';
import { stripe } from '../src/index';
import { eventWith, MINIMAL_PAYMENT_INTENT } from './support/fixtures';

const secret = 'whsec_schema_policy';
// `amount` as a string: no API version sends that, so the typed schema refuses it.
const drifted = eventWith('payment_intent.succeeded', { ...MINIMAL_PAYMENT_INTENT, amount: '20' });
const valid = eventWith('payment_intent.succeeded', MINIMAL_PAYMENT_INTENT);
const delivery = (payload: unknown) => signedStripeRequest({ secret, payload });

async function failure(promise: Promise<unknown>): Promise<HooklatchError> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: HooklatchError) => error,
  );
}

describe("schemaPolicy: 'reject' (the default)", () => {
  const adapter = stripe({ secret });

  it('answers PAYLOAD_SCHEMA_MISMATCH 500, a PayloadError naming the paths', async () => {
    const error = await failure(parseEvent(adapter, delivery(drifted)));
    expect(error).toBeInstanceOf(PayloadError);
    expect(error.code).toBe('PAYLOAD_SCHEMA_MISMATCH');
    expect(error.httpStatus).toBe(500);
    expect(error.details.issues).toEqual([expect.objectContaining({ path: 'data.object.amount' })]);
    expect(error.message).toContain('stripe payment_intent.succeeded');
    expect(error.message).toContain("schemaPolicy: 'envelope'");
    expect(error.message).not.toContain('"20"');
  });

  it('hands on valid typed events with validated: true', async () => {
    const event = await parseEvent(adapter, delivery(valid));
    expect(event.validated).toBe(true);
    expect(event.meta.schemaIssues).toBeUndefined();
  });

  it('handleWebhook answers 500, so Stripe retries after the fix is deployed', async () => {
    const reply = await handleWebhook(delivery(drifted), {
      adapter,
      store: memoryStore(),
      handler: () => undefined,
      logger: false,
    });
    expect(reply.status).toBe(500);
    expect(JSON.parse(reply.body)).toMatchObject({ error: { code: 'PAYLOAD_SCHEMA_MISMATCH' } });
  });
});

describe("schemaPolicy: 'envelope'", () => {
  const adapter = stripe({ secret, schemaPolicy: 'envelope' });

  it('hands the event on with the envelope, validated: false and the failing paths', async () => {
    const event = await parseEvent(adapter, delivery(drifted));
    expect(event.type).toBe('payment_intent.succeeded');
    expect(event.id).toBe('evt_payment_intent_succeeded');
    expect(event.subject).toBe('pi_123');
    expect(event.validated).toBe(false);
    // The envelope keeps every field of the body, typed or not.
    expect(event.payload).toEqual(drifted);
    expect(event.meta.schemaIssues).toEqual([
      expect.objectContaining({ path: 'data.object.amount' }),
    ]);
  });

  it('keys and digests the event as under reject: the same delivery is the same record', async () => {
    const loose = await parseEvent(adapter, delivery(drifted));
    const strict = await parseEvent(stripe({ secret, validatePayloads: false }), delivery(drifted));
    expect([loose.dedupeKey, loose.digest]).toEqual([strict.dedupeKey, strict.digest]);
  });

  it('still validates what fits: a valid event is typed, validated: true', async () => {
    const event = await parseEvent(adapter, delivery(valid));
    expect(event.validated).toBe(true);
    if (event.type !== 'payment_intent.succeeded' || !event.validated) throw new Error('typed');
    expect(event.payload.data.object.amount).toBe(2000);
  });

  it('an event type without a typed schema is validated by the envelope: validated: true', async () => {
    const event = await parseEvent(adapter, delivery(eventWith('plan.created', { id: 'plan_1' })));
    expect(event.validated).toBe(true);
  });

  it('a body that fails the envelope is still PAYLOAD_INVALID 422 (malformed, not drift)', async () => {
    const { id: _id, ...noId } = drifted;
    const error = await failure(parseEvent(adapter, delivery(noId)));
    expect([error.code, error.httpStatus]).toEqual(['PAYLOAD_INVALID', 422]);
  });

  it('handleWebhook processes the delivery instead of losing it', async () => {
    const seen: Array<boolean | undefined> = [];
    const reply = await handleWebhook(delivery(drifted), {
      adapter,
      store: memoryStore(),
      handler: (event) => {
        seen.push(event.validated);
      },
      logger: false,
    });
    expect(reply.status).toBe(200);
    expect(seen).toEqual([false]);
  });
});
