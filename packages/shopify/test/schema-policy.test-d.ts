/**
 * The schema policy in the types: with `schemaPolicy: 'envelope'` a typed topic's payload is
 * readable only after `validated === true`; the default adapter narrows on `type` alone.
 */
import type { EventOf } from '@hooklatch/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { ShopifyEnvelope, ShopifyEvent, ShopifyOptions } from '../src/index';
import { shopify } from '../src/index';

const secret = 'shpss_types';

describe('shopify() event types per schema policy', () => {
  it('default: ShopifyEvent, typed topics validated: true', () => {
    const adapter = shopify({ secret });
    expectTypeOf<EventOf<typeof adapter>>().toEqualTypeOf<ShopifyEvent>();
    const event = {} as EventOf<typeof adapter>;
    if (event.type === 'orders/paid') {
      expectTypeOf(event.validated).toEqualTypeOf<true>();
      expectTypeOf(event.payload.total_price).toEqualTypeOf<string>();
    }
  });

  it("'envelope': the typed payload needs the validated check", () => {
    const adapter = shopify({ secret, schemaPolicy: 'envelope' });
    expectTypeOf<EventOf<typeof adapter>>().toEqualTypeOf<ShopifyEvent<'envelope'>>();
    expectTypeOf<ShopifyEvent<'envelope'>>().not.toExtend<ShopifyEvent>();
    const event = {} as EventOf<typeof adapter>;
    if (event.type === 'orders/paid') {
      // @ts-expect-error without the validated check, total_price may be anything
      const total: string = event.payload.total_price;
      void total;
      if (event.validated) expectTypeOf(event.payload.total_price).toEqualTypeOf<string>();
      else expectTypeOf(event.payload).toEqualTypeOf<ShopifyEnvelope>();
    }
  });

  it('validatePayloads: false and options typed as ShopifyOptions are envelope-typed', () => {
    const skipping = shopify({ secret, validatePayloads: false });
    expectTypeOf<EventOf<typeof skipping>>().toEqualTypeOf<ShopifyEvent<'envelope'>>();
    const options: ShopifyOptions = { secret };
    const fromOptions = shopify(options);
    expectTypeOf<EventOf<typeof fromOptions>>().toEqualTypeOf<
      ShopifyEvent<'reject' | 'envelope'>
    >();
    expectTypeOf<EventOf<typeof fromOptions>>().not.toExtend<ShopifyEvent>();
  });

  it('a wrong policy does not compile', () => {
    // @ts-expect-error not a policy
    shopify({ secret, schemaPolicy: 'ignore' });
  });
});
