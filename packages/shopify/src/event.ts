/**
 * The `ShopifyEvent` union: typed topics, plus every other documented topic with the envelope
 * payload. All members have a literal `type`, so `event.type === 'orders/paid'` narrows
 * `payload`. A topic newer than the list still parses at runtime; compare it with
 * `(event.type as string) === 'new/topic'`.
 *
 * Under `schemaPolicy: 'envelope'` (or `validatePayloads: false`) a typed topic may also arrive
 * with the envelope only and `validated: false`: `ShopifyEvent<'envelope'>` adds that member, so
 * the typed payload is readable only after `event.validated === true`.
 */

import type { WebhookEvent } from '@hooklatch/core';
import type { SchemaPolicy, WithSchemaPolicy } from '@hooklatch/core/kit';
import type { ShopifyEnvelope, ShopifyPayloads, ShopifyTypedTopic } from './payloads';
import type { ShopifyTopic } from './topics';

/** `validated: true`: the payload passed the whole schema of its topic. */
type Validated = { readonly validated: true };

/** A typed topic's event, validated. */
export type TypedShopifyEvent = {
  [K in ShopifyTypedTopic]: WebhookEvent<K, ShopifyPayloads[K]> & Validated;
}[ShopifyTypedTopic];

/** Documented topics without a typed schema. */
export type ShopifyUntypedTopic = Exclude<ShopifyTopic, ShopifyTypedTopic>;

/** An event of a topic without a typed schema: the envelope is its whole schema. */
export type UntypedShopifyEvent = WebhookEvent<ShopifyUntypedTopic, ShopifyEnvelope> & Validated;

/**
 * Every event the `shopify()` adapter produces under schema policy `P`. The default,
 * `'reject'`, is what `shopify({ secret })` produces; pass `'envelope'` for an adapter created
 * with `schemaPolicy: 'envelope'` or `validatePayloads: false`.
 */
export type ShopifyEvent<P extends SchemaPolicy = 'reject'> = WithSchemaPolicy<
  TypedShopifyEvent | UntypedShopifyEvent,
  ShopifyTypedTopic,
  ShopifyEnvelope,
  P
>;
