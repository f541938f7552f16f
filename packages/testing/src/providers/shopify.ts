/** Signed Shopify deliveries for tests, built exactly as Shopify signs them. */

import type { PlainDeliveryInput } from '@hooklatch/core';
import { hmacSha256 } from '@hooklatch/core/kit';
import { toBase64 } from './encoding';

/** Options of {@link signedShopifyRequest}. */
export interface SignedShopifyRequestOptions {
  /** The app's client secret to sign with. */
  secret: string;
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

/**
 * Build a delivery signed with `X-Shopify-Hmac-Sha256` for `parseEvent(shopify(...), ...)`.
 *
 * @example
 * const req = signedShopifyRequest({ secret, topic: 'orders/paid', payload: order });
 */
export function signedShopifyRequest(options: SignedShopifyRequestOptions): PlainDeliveryInput & {
  headers: Record<string, string>;
  body: string;
} {
  const body =
    typeof options.payload === 'string' ? options.payload : JSON.stringify(options.payload);
  const p = options.headerPrefix ?? 'x-shopify';
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    [`${p}-topic`]: options.topic,
    [`${p}-hmac-sha256`]: toBase64(hmacSha256(options.secret, body)),
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
