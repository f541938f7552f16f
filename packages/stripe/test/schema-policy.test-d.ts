/**
 * The schema policy in the types: an adapter that may hand on envelope-only events types them
 * so, and the typed payload is readable only after `validated === true`. The default adapter
 * keeps plain narrowing on `type`.
 */
import type { EventOf } from '@hooklatch/core';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  StripeEvent,
  StripeEventEnvelope,
  StripeOptions,
  StripePaymentIntent,
} from '../src/index';
import { stripe } from '../src/index';

const secret = 'whsec_types';

describe("stripe() under schemaPolicy 'reject' (default)", () => {
  it('produces StripeEvent, whose typed members are validated: true', () => {
    expectTypeOf<EventOf<ReturnType<typeof stripe<'reject', true>>>>().toEqualTypeOf<StripeEvent>();
    const adapter = stripe({ secret, schemaPolicy: 'reject', validatePayloads: true });
    expectTypeOf<EventOf<typeof adapter>>().toEqualTypeOf<StripeEvent>();
    expectTypeOf<EventOf<ReturnType<typeof stripe<'reject'>>>>().toEqualTypeOf<StripeEvent>();
  });

  it('narrows on type alone', () => {
    const event = {} as EventOf<ReturnType<typeof stripe<'reject', true>>>;
    if (event.type === 'payment_intent.succeeded') {
      expectTypeOf(event.validated).toEqualTypeOf<true>();
      expectTypeOf(event.payload.data.object).toEqualTypeOf<StripePaymentIntent>();
    }
  });
});

describe("stripe() under schemaPolicy 'envelope'", () => {
  const adapter = stripe({ secret, schemaPolicy: 'envelope' });
  type Event = EventOf<typeof adapter>;

  it("produces StripeEvent<'envelope'>, which a StripeEvent handler does not accept", () => {
    expectTypeOf<Event>().toEqualTypeOf<StripeEvent<'envelope'>>();
    expectTypeOf<StripeEvent<'envelope'>>().not.toExtend<StripeEvent>();
    expectTypeOf<StripeEvent>().toExtend<StripeEvent<'envelope'>>();
  });

  it('narrowing on type is not enough to read the typed payload', () => {
    const event = {} as Event;
    if (event.type === 'payment_intent.succeeded') {
      expectTypeOf(event.validated).toEqualTypeOf<boolean>();
      // @ts-expect-error without the validated check, `amount` may be anything
      const amount: number = event.payload.data.object.amount;
      void amount;
      if (event.validated === true) {
        expectTypeOf(event.payload.data.object.amount).toEqualTypeOf<number>();
      } else {
        expectTypeOf(event.payload).toEqualTypeOf<StripeEventEnvelope>();
      }
    }
  });

  it('a truthiness check narrows as well', () => {
    const event = {} as Event;
    if (event.type === 'checkout.session.completed' && event.validated) {
      expectTypeOf(event.payload.data.object.mode).toEqualTypeOf<string>();
    }
  });

  it('types without a typed schema are unchanged', () => {
    const event = {} as Event;
    if (event.type === 'plan.created') {
      expectTypeOf(event.payload).toEqualTypeOf<StripeEventEnvelope>();
      expectTypeOf(event.validated).toEqualTypeOf<true>();
    }
  });
});

describe('other ways to end up with envelope-only events', () => {
  it('validatePayloads: false types events for the envelope', () => {
    const adapter = stripe({ secret, validatePayloads: false });
    expectTypeOf<EventOf<typeof adapter>>().toEqualTypeOf<StripeEvent<'envelope'>>();
  });

  it('options whose policy is not known statically type events for both', () => {
    const options: StripeOptions = { secret };
    const adapter = stripe(options);
    expectTypeOf<EventOf<typeof adapter>>().toEqualTypeOf<StripeEvent<'reject' | 'envelope'>>();
    expectTypeOf<EventOf<typeof adapter>>().not.toExtend<StripeEvent>();
    const flag = Math.random() > 0.5;
    const flagged = stripe({ secret, validatePayloads: flag });
    expectTypeOf<EventOf<typeof flagged>>().not.toExtend<StripeEvent>();
  });

  it('unknown policies and option names are still refused', () => {
    // @ts-expect-error not a policy
    stripe({ secret, schemaPolicy: 'drop' });
    // @ts-expect-error excess options are caught as before
    stripe({ secret, schemaPolicyy: 'envelope' });
  });
});
