/**
 * @hooklatch/shopify/testing: Shopify deliveries for tests, signed with the adapter's own
 * `signShopify` (so a builder can never drift from what the adapter accepts), with the headers
 * Shopify sends. No test runner needed.
 *
 * @module
 */
import type { Secret } from '@hooklatch/core/kit';
import { signShopify } from './signature';

/** Options of {@link signedShopifyRequest}. */
export interface SignedShopifyRequestOptions {
  /** The app's client secret to sign with. */
  secret: Secret;
  /** The `X-Shopify-Topic`, e.g. `orders/create`. */
  topic: string;
  /** The payload: an object is serialized with `JSON.stringify`, a string is sent as is. */
  payload: unknown;
  /**
   * The `X-Shopify-Shop-Domain`.
   * @default 'hooklatch-test.myshopify.com'
   */
  shopDomain?: string;
  /**
   * The `X-Shopify-Event-Id`; reuse it to simulate a retry. `null` leaves the header out.
   * @default a random UUID
   */
  eventId?: string | null;
  /**
   * The `X-Shopify-Webhook-Id`.
   * @default a random UUID
   */
  webhookId?: string;
  /**
   * The `X-Shopify-Triggered-At` time. Retries keep the original one.
   * @default now
   */
  triggeredAt?: Date;
  /**
   * The `X-Shopify-API-Version`.
   * @default '2025-07'
   */
  apiVersion?: string;
  /**
   * Header names: `x-shopify` (webhooks) or `shopify` (the newer Events deliveries).
   * @default 'x-shopify'
   */
  headerPrefix?: 'x-shopify' | 'shopify';
  /** Extra headers, applied last (set one to `undefined` to drop it). */
  headers?: Record<string, string | undefined>;
}

/** A built delivery: plain input for `parseEvent`, with headers and body easy to inspect. */
export interface SignedShopifyRequest {
  method: 'POST';
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** The exact body the signature covers. */
  body: string;
}

/**
 * Build a delivery signed with `X-Shopify-Hmac-Sha256` for `parseEvent(shopify(...), ...)`.
 *
 * @example
 * const req = signedShopifyRequest({ secret, topic: 'orders/paid', payload: order });
 */
export function signedShopifyRequest(options: SignedShopifyRequestOptions): SignedShopifyRequest {
  const body =
    typeof options.payload === 'string' ? options.payload : JSON.stringify(options.payload);
  const p = options.headerPrefix ?? 'x-shopify';
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    [`${p}-topic`]: options.topic,
    [`${p}-hmac-sha256`]: signShopify(options.secret, body),
    [`${p}-shop-domain`]: options.shopDomain ?? 'hooklatch-test.myshopify.com',
    [`${p}-api-version`]: options.apiVersion ?? '2025-07',
    [`${p}-webhook-id`]: options.webhookId ?? crypto.randomUUID(),
    [`${p}-triggered-at`]: (options.triggeredAt ?? new Date()).toISOString(),
  };
  if (options.eventId !== null) headers[`${p}-event-id`] = options.eventId ?? crypto.randomUUID();
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (value === undefined) delete headers[name.toLowerCase()];
    else headers[name.toLowerCase()] = value;
  }
  return { method: 'POST', headers, body };
}
