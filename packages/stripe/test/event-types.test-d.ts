import type { parseEvent } from '@hooklatch/core';
import { describe, expectTypeOf, it } from 'vitest';
import type {
  StripeCustomer,
  StripeDeletedCustomer,
  StripeEvent,
  StripeEventEnvelope,
  StripeThinEventPayload,
} from '../src/index';
import { stripe } from '../src/index';

declare const event: StripeEvent;

describe('StripeEvent narrowing', () => {
  it('parseEvent(stripe()) returns the StripeEvent union', () => {
    const adapter = stripe({ secret: 'whsec_x' });
    type Parsed = Awaited<ReturnType<typeof parseEvent<typeof adapter>>>;
    expectTypeOf<Parsed>().toEqualTypeOf<StripeEvent>();
  });

  it('narrows payload.data.object by type', () => {
    if (event.type === 'payment_intent.succeeded') {
      expectTypeOf(event.payload.data.object.amount).toEqualTypeOf<number>();
      expectTypeOf(event.payload.data.object.object).toEqualTypeOf<'payment_intent'>();
      expectTypeOf(event.payload.type).toEqualTypeOf<'payment_intent.succeeded'>();
    }
    if (event.type === 'checkout.session.completed') {
      // Absent when the endpoint is pinned to an API version older than the field.
      expectTypeOf(event.payload.data.object.amount_total).toEqualTypeOf<
        number | null | undefined
      >();
      // @ts-expect-error a checkout session has no typed `amount`
      const amount: number = event.payload.data.object.amount;
      void amount;
    }
    if (event.type === 'customer.subscription.updated') {
      expectTypeOf(event.payload.data.object.items.data[0]?.price.id).toEqualTypeOf<
        string | undefined
      >();
      expectTypeOf(event.payload.data.previous_attributes).toEqualTypeOf<
        Record<string, unknown> | undefined
      >();
    }
    if (event.type === 'customer.deleted') {
      expectTypeOf(event.payload.data.object).toEqualTypeOf<
        StripeCustomer | StripeDeletedCustomer
      >();
    }
  });

  it('types snapshot events without a schema with the envelope', () => {
    if (event.type === 'plan.created') {
      expectTypeOf(event.payload).toEqualTypeOf<StripeEventEnvelope>();
      // @ts-expect-error the envelope does not type `amount`
      const amount: number = event.payload.data.object.amount;
      void amount;
    }
  });

  it('types thin events with their own shape', () => {
    if (event.type === 'v1.billing.meter.error_report_triggered') {
      expectTypeOf(event.payload).toEqualTypeOf<StripeThinEventPayload>();
      expectTypeOf(event.payload.object).toEqualTypeOf<'v2.core.event'>();
      // @ts-expect-error thin events carry no data snapshot
      void event.payload.data.object;
    }
  });

  it('rejects names Stripe does not send', () => {
    // @ts-expect-error a typo is not a Stripe event type
    if (event.type === 'payment_intent.succeded') return;
    // A type newer than the generated list is compared as a plain string.
    if ((event.type as string) === 'brand_new.event') expectTypeOf(event).toExtend<StripeEvent>();
  });

  it('excludes a handled type from the rest of the union', () => {
    if (event.type !== 'charge.refunded') {
      // @ts-expect-error charge.refunded is excluded in this branch
      if (event.type === 'charge.refunded') return;
    }
  });
});
