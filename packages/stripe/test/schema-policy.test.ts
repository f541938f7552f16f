/**
 * An authentic event that fails its typed schema is not a malformed one: PAYLOAD_SCHEMA_MISMATCH
 * (500, retried) under `schemaPolicy: 'reject'`, or the envelope with `validated: false` under
 * `'envelope'`. A body that fails the envelope itself stays PAYLOAD_INVALID (422) under both.
 * The shared checks of @hooklatch/testing, then what only Stripe does.
 */
import { parseEvent } from '@hooklatch/core';
import { signedStripeRequest } from '@hooklatch/stripe/testing';
import { schemaPolicyChecks } from '@hooklatch/testing';
import { describe, expect, it } from 'vitest';
import { stripe } from '../src/index';
import { eventWith, MINIMAL_PAYMENT_INTENT } from './support/fixtures';

const secret = 'whsec_schema_policy';
// `amount` as a string: no API version sends that, so the typed schema refuses it.
const drifted = eventWith('payment_intent.succeeded', { ...MINIMAL_PAYMENT_INTENT, amount: '20' });
const valid = eventWith('payment_intent.succeeded', MINIMAL_PAYMENT_INTENT);
const delivery = (payload: unknown) => signedStripeRequest({ secret, payload });
const { id: _id, ...noId } = drifted;

describe('stripe() schemaPolicy', () => {
  const checks = schemaPolicyChecks({
    adapter: (schemaPolicy) => stripe({ secret, schemaPolicy }),
    deliver: delivery,
    type: 'payment_intent.succeeded',
    valid,
    drifted,
    driftedPaths: ['data.object.amount'],
    malformed: noId,
    event: { id: 'evt_payment_intent_succeeded', subject: 'pi_123' },
    untyped: eventWith('plan.created', { id: 'plan_1' }),
    unvalidated: () => stripe({ secret, validatePayloads: false }),
    hidden: ['"20"'],
    secrets: [secret],
  });
  for (const [name, run] of Object.entries(checks)) it(name, run);

  it("'envelope': a valid event keeps its typed payload", async () => {
    const event = await parseEvent(stripe({ secret, schemaPolicy: 'envelope' }), delivery(valid));
    if (event.type !== 'payment_intent.succeeded' || !event.validated) throw new Error('typed');
    expect(event.payload.data.object.amount).toBe(2000);
  });
});
