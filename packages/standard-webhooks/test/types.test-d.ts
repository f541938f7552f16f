import type { WebhookEvent } from '@hooklatch/core';
import { parseEvent } from '@hooklatch/core';
import { describe, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import { isEventType, type StandardWebhookPayload, standardWebhooks } from '../src/index';

describe('standardWebhooks types', () => {
  it('types mapped events by their schema and others by the envelope', async () => {
    const adapter = standardWebhooks({
      secret: 'whsec_AAAA',
      events: { 'invoice.paid': z.object({ data: z.object({ amount: z.number() }) }) },
    });
    const event = await parseEvent(adapter, { headers: {}, body: '' });
    if (isEventType(event, 'invoice.paid')) {
      expectTypeOf(event.type).toEqualTypeOf<'invoice.paid'>();
      expectTypeOf(event.payload.data.amount).toEqualTypeOf<number>();
    }
    // @ts-expect-error only mapped types can be narrowed to
    isEventType(event, 'contact.created');
    expectTypeOf(event).toExtend<WebhookEvent>();
  });

  it('without a map, every event has the envelope payload', async () => {
    const event = await parseEvent(standardWebhooks({ secret: 'whsec_AAAA' }), {
      headers: {},
      body: '',
    });
    expectTypeOf(event.payload).toEqualTypeOf<StandardWebhookPayload>();
    expectTypeOf(event.type).toEqualTypeOf<string>();
  });
});
