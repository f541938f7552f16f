/**
 * The `ShopifyEvent` union: typed topics, plus every other documented topic with the envelope
 * payload. All members have a literal `type`, so `event.type === 'orders/paid'` narrows
 * `payload`. A topic newer than the list still parses at runtime; compare it with
 * `(event.type as string) === 'new/topic'`.
 */
import type { WebhookEvent } from '@hooklatch/core';
import type { ShopifyEnvelope, ShopifyPayloads, ShopifyTypedTopic } from './payloads';
import type { ShopifyTopic } from './topics';

/** A typed topic's event. */
export type TypedShopifyEvent = {
  [K in ShopifyTypedTopic]: WebhookEvent<K, ShopifyPayloads[K]>;
}[ShopifyTypedTopic];

/** Documented topics without a typed schema. */
export type ShopifyUntypedTopic = Exclude<ShopifyTopic, ShopifyTypedTopic>;

/** An event validated with the envelope only. */
export type UntypedShopifyEvent = WebhookEvent<ShopifyUntypedTopic, ShopifyEnvelope>;

/** Every event the `shopify()` adapter produces. */
export type ShopifyEvent = TypedShopifyEvent | UntypedShopifyEvent;
