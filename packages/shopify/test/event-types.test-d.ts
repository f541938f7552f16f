import type { parseEvent } from '@hooklatch/core';
import { describe, expectTypeOf, it } from 'vitest';
import type { ShopifyEnvelope, ShopifyEvent } from '../src/index';
import { shopify } from '../src/index';

declare const event: ShopifyEvent;

describe('ShopifyEvent narrowing', () => {
  it('parseEvent(shopify()) returns the ShopifyEvent union', () => {
    const adapter = shopify({ secret: 'shpss_x' });
    type Parsed = Awaited<ReturnType<typeof parseEvent<typeof adapter>>>;
    expectTypeOf<Parsed>().toEqualTypeOf<ShopifyEvent>();
  });

  it('narrows payload by topic', () => {
    if (event.type === 'orders/paid') {
      expectTypeOf(event.payload.total_price).toEqualTypeOf<string>();
      expectTypeOf(event.payload.line_items[0]?.quantity).toEqualTypeOf<number | undefined>();
    }
    if (event.type === 'inventory_levels/update') {
      expectTypeOf(event.payload.available).toEqualTypeOf<number | null>();
      // @ts-expect-error inventory levels have no typed `id`
      const id: number = event.payload.id;
      void id;
    }
    if (event.type === 'app/uninstalled') {
      // Shopify's own app/uninstalled samples carry `myshopify_domain: null`.
      expectTypeOf(event.payload.myshopify_domain).toEqualTypeOf<string | null>();
    }
    if (event.type === 'refunds/create') {
      expectTypeOf(event.payload.order_id).toEqualTypeOf<number>();
    }
  });

  it('types documented topics without a schema with the envelope', () => {
    if (event.type === 'orders/fulfilled') {
      expectTypeOf(event.payload).toEqualTypeOf<ShopifyEnvelope>();
      // @ts-expect-error the envelope does not type `total_price`
      const total: string = event.payload.total_price;
      void total;
    }
  });

  it('rejects topics Shopify does not send', () => {
    // @ts-expect-error a typo is not a Shopify topic
    if (event.type === 'orders/payed') return;
    if ((event.type as string) === 'brand_new/topic') expectTypeOf(event).toExtend<ShopifyEvent>();
  });
});
