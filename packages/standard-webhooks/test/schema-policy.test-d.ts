/**
 * The schema policy in the types: under `'envelope'` a mapped type may arrive with the envelope
 * only, so its typed payload is readable only after `validated === true`. The default adapter
 * keeps plain narrowing with `isEventType`.
 */
import type { EventOf } from '@hooklatch/core';
import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import {
  isEventType,
  type StandardWebhookEvent,
  type StandardWebhookPayload,
  type StandardWebhooksOptions,
  standardWebhooks,
} from '../src/index';

const secret = 'whsec_AAAA';
const events = { 'invoice.paid': z.object({ data: z.object({ amount: z.number() }) }) };
type Map = typeof events;

describe("standardWebhooks() under schemaPolicy 'reject' (default)", () => {
  it('produces StandardWebhookEvent<M>, whose mapped members are validated: true', () => {
    const adapter = standardWebhooks({ secret, events });
    expectTypeOf<EventOf<typeof adapter>>().toEqualTypeOf<StandardWebhookEvent<Map>>();
    const explicit = standardWebhooks({ secret, events, schemaPolicy: 'reject' });
    expectTypeOf<EventOf<typeof explicit>>().toEqualTypeOf<StandardWebhookEvent<Map>>();
  });

  it('narrows with isEventType alone', () => {
    const event = {} as StandardWebhookEvent<Map>;
    if (isEventType(event, 'invoice.paid')) {
      expectTypeOf(event.validated).toEqualTypeOf<true>();
      expectTypeOf(event.payload.data.amount).toEqualTypeOf<number>();
    }
  });
});

describe("standardWebhooks() under schemaPolicy 'envelope'", () => {
  const adapter = standardWebhooks({ secret, events, schemaPolicy: 'envelope' });
  type Event = EventOf<typeof adapter>;

  it("produces StandardWebhookEvent<M, 'envelope'>, which a default handler does not accept", () => {
    expectTypeOf<Event>().toEqualTypeOf<StandardWebhookEvent<Map, 'envelope'>>();
    expectTypeOf<Event>().not.toExtend<StandardWebhookEvent<Map>>();
    expectTypeOf<StandardWebhookEvent<Map>>().toExtend<Event>();
  });

  it('narrowing on the type is not enough to read the typed payload', () => {
    const event = {} as Event;
    if (isEventType(event, 'invoice.paid')) {
      expectTypeOf(event.validated).toEqualTypeOf<boolean>();
      // @ts-expect-error without the validated check, `data` may be anything
      const amount: number = event.payload.data.amount;
      void amount;
      if (event.validated === true) {
        expectTypeOf(event.payload.data.amount).toEqualTypeOf<number>();
      } else {
        expectTypeOf(event.payload).toEqualTypeOf<StandardWebhookPayload>();
      }
    }
  });

  it('a truthiness check narrows as well', () => {
    const event = {} as Event;
    if (isEventType(event, 'invoice.paid') && event.validated) {
      expectTypeOf(event.payload.data.amount).toEqualTypeOf<number>();
    }
  });
});

describe('options whose policy is not known statically', () => {
  it('type events for both policies', () => {
    const options: StandardWebhooksOptions<Map> = { secret, events };
    const adapter = standardWebhooks(options);
    expectTypeOf<EventOf<typeof adapter>>().toEqualTypeOf<
      StandardWebhookEvent<Map, 'reject' | 'envelope'>
    >();
    expectTypeOf<EventOf<typeof adapter>>().not.toExtend<StandardWebhookEvent<Map>>();
  });

  it('unknown policies and option names are still refused', () => {
    // @ts-expect-error not a policy
    standardWebhooks({ secret, schemaPolicy: 'drop' });
    // @ts-expect-error excess options are caught as before
    standardWebhooks({ secret, schemaPolicyy: 'envelope' });
  });
});
