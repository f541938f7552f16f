import { parseEvent } from '@hooklatch/core';
import { signedStripeRequest } from '@hooklatch/stripe/testing';
import { describe, expect, it } from 'vitest';
import {
  STRIPE_EVENT_TYPES,
  type StripeTypedEventType,
  stripe,
  stripeEventEnvelopeSchema,
  stripeEventSchemas,
} from '../src/index';
import { eventWith, RESOURCE_OF, resource, resources } from './support/fixtures';

const secret = 'whsec_fixtures';
const adapter = stripe({ secret, toleranceSeconds: 0 });
const typedTypes = Object.keys(stripeEventSchemas) as StripeTypedEventType[];

describe("typed schemas against Stripe's fixtures3.json", () => {
  it('covers every typed event type', () => {
    expect(Object.keys(RESOURCE_OF).sort()).toEqual([...typedTypes].sort());
  });

  it.each(typedTypes)('%s: the fixture data.object parses and is typed', async (type) => {
    const object = resource(RESOURCE_OF[type]);
    const req = signedStripeRequest({ secret, payload: eventWith(type, object) });
    const event = await parseEvent(adapter, req);
    expect(event.type).toBe(type);
    expect(event.subject).toBe(object.id);
    // The typed payload keeps every field of the real object, listed or not.
    expect((event.payload as { data: { object: unknown } }).data.object).toEqual(object);
  });

  it('customer.deleted also accepts the bare deleted_customer object', async () => {
    const object = resource('deleted_customer');
    const req = signedStripeRequest({ secret, payload: eventWith('customer.deleted', object) });
    const event = await parseEvent(adapter, req);
    expect(event.subject).toBe(object.id);
  });

  it('the fixture event envelope itself parses', () => {
    expect(stripeEventEnvelopeSchema.safeParse(resource('event')).success).toBe(true);
  });

  it('every fixture resource parses inside an untyped event envelope', async () => {
    const names = Object.keys(resources);
    expect(names.length).toBeGreaterThan(150);
    const untyped = STRIPE_EVENT_TYPES.find((t) => !(t in stripeEventSchemas)) ?? 'plan.created';
    for (const name of names) {
      const req = signedStripeRequest({ secret, payload: eventWith(untyped, resource(name)) });
      const event = await parseEvent(adapter, req);
      expect(event.type, name).toBe(untyped);
    }
  });

  it('a typed schema rejects a fixture object of the wrong kind', async () => {
    const req = signedStripeRequest({
      secret,
      payload: eventWith('payment_intent.succeeded', resource('charge')),
    });
    await expect(parseEvent(adapter, req)).rejects.toMatchObject({
      code: 'PAYLOAD_SCHEMA_MISMATCH',
      message: expect.stringContaining('data.object.object'),
    });
  });
});
