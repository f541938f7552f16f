/**
 * `X-Shopify-Hmac-Sha256` verification: base64 of HMAC-SHA256(app client secret, raw body), as
 * documented at https://shopify.dev/docs/apps/build/webhooks/delivery-structure (Headers).
 */
import { fromBase64, type RawDelivery, VerificationError } from '@hooklatch/core';
import { hmacSha256, matchSignature, signatureInvalid } from '@hooklatch/core/kit';
import { requireShopifyHeader, SHOPIFY_HEADERS, shopifyHeaderName } from './headers';

/**
 * Verify a delivery against every secret; return the index of the secret that matched.
 * Throws SIGNATURE_MISSING, SIGNATURE_MALFORMED or SIGNATURE_INVALID.
 */
export function verifyShopifySignature(
  delivery: RawDelivery,
  secrets: ReadonlyArray<string | Uint8Array>,
): number {
  const header = shopifyHeaderName(SHOPIFY_HEADERS.hmac);
  const value = requireShopifyHeader(delivery.headers, SHOPIFY_HEADERS.hmac, 'SIGNATURE_MISSING');
  const received = fromBase64(value);
  if (received === null || received.length !== 32) {
    throw new VerificationError(
      'SIGNATURE_MALFORMED',
      `${header} must be the base64 of a 32-byte HMAC-SHA256.`,
      { details: { header } },
    );
  }
  const expected = secrets.map((secret) => hmacSha256(secret, delivery.rawBody));
  const index = matchSignature(expected, [received]);
  if (index < 0) throw signatureInvalid('shopify', header);
  return index;
}
