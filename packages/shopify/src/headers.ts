/**
 * Shopify's delivery headers. Webhooks send `X-Shopify-*`; Shopify's newer Events deliveries
 * send the same names without the `X-` (`Shopify-Hmac-Sha256`...). Both are read, `X-` first.
 */
import { PayloadError, VerificationError } from '@hooklatch/core';

/** The suffixes of every header the adapter reads, after `X-Shopify-` / `Shopify-`. */
export const SHOPIFY_HEADERS = {
  hmac: 'Hmac-Sha256',
  topic: 'Topic',
  shopDomain: 'Shop-Domain',
  apiVersion: 'API-Version',
  webhookId: 'Webhook-Id',
  eventId: 'Event-Id',
  triggeredAt: 'Triggered-At',
} as const;

/** The canonical (`X-Shopify-`) name of a header, for messages and docs. */
export function shopifyHeaderName(suffix: string): string {
  return `X-Shopify-${suffix}`;
}

/** Both lower-case names of a header, made once per suffix. */
const names = new Map<string, readonly [string, string]>();
function namesOf(suffix: string): readonly [string, string] {
  let found = names.get(suffix);
  if (found === undefined) {
    const lower = suffix.toLowerCase();
    found = [`x-shopify-${lower}`, `shopify-${lower}`];
    // Bounded: callers pass the SHOPIFY_HEADERS suffixes, but the function is public.
    if (names.size < 64) names.set(suffix, found);
  }
  return found;
}

/** A header's trimmed value in either form, or undefined when absent or blank. */
export function shopifyHeader(
  headers: Readonly<Record<string, string>>,
  suffix: string,
): string | undefined {
  const [webhooks, events] = namesOf(suffix);
  const value = (headers[webhooks] ?? headers[events])?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** Like {@link shopifyHeader}, but a missing header is an error (SIGNATURE_ or HEADER_MISSING). */
export function requireShopifyHeader(
  headers: Readonly<Record<string, string>>,
  suffix: string,
  code: 'SIGNATURE_MISSING' | 'HEADER_MISSING' = 'HEADER_MISSING',
): string {
  const value = shopifyHeader(headers, suffix);
  if (value !== undefined) return value;
  const name = shopifyHeaderName(suffix);
  const message = `Missing ${name} header (or Shopify-${suffix}).`;
  const details = { header: name };
  if (code === 'SIGNATURE_MISSING') {
    throw new VerificationError('SIGNATURE_MISSING', message, { details });
  }
  throw new PayloadError('HEADER_MISSING', message, { details });
}
