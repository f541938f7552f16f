/**
 * @hooklatch/shopify: verify Shopify webhook deliveries (`X-Shopify-Hmac-Sha256`) and turn them
 * into typed events keyed by the Shopify event ID, with a guard against stale retries.
 *
 * ```ts
 * const event = await parseEvent(shopify({ secret }), request);
 * if (event.type === 'orders/paid') event.payload.total_price;
 * ```
 *
 * `signShopify` / `verifyShopify` compute and check the header on their own; signed test
 * deliveries come from `@hooklatch/shopify/testing`.
 *
 * @module
 */

export { shopify } from './adapter';
export type {
  ShopifyEvent,
  ShopifyUntypedTopic,
  TypedShopifyEvent,
  UntypedShopifyEvent,
} from './event';
export { requireShopifyHeader, SHOPIFY_HEADERS, shopifyHeader, shopifyHeaderName } from './headers';
export type { ShopifyOptions } from './options';
export { SHOPIFY_DIGEST_EXCLUDE, SHOPIFY_RETENTION_MS } from './options';
export type { ShopifyEnvelope, ShopifyPayloads, ShopifyTypedTopic } from './payloads';
export {
  shopifyCustomerSchema,
  shopifyEnvelopeSchema,
  shopifyInventoryLevelSchema,
  shopifyOrderSchema,
  shopifyPayloadSchemas,
  shopifyProductSchema,
  shopifyRefundSchema,
  shopifyShopSchema,
} from './payloads';
export { SHOPIFY_HMAC_HEADER, signShopify, verifyShopify } from './signature';
export type { ShopifyStaleGuardOptions, StaleCheckEvent } from './stale-guard';
export { isStaleShopifyEvent, ShopifyStaleGuard, shopifyTriggeredAt } from './stale-guard';
export { shopifySubject } from './subject';
export type { ShopifyTopic } from './topics';
export { SHOPIFY_TOPICS } from './topics';
