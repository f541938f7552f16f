/**
 * The `X-Shopify-Hmac-Sha256` pair: base64 of HMAC-SHA256(app client secret, raw body), as
 * documented at https://shopify.dev/docs/apps/build/webhooks/delivery-structure (Headers).
 * `signShopify` / `verifyShopify` are the octokit-shaped functions; the adapter's verifier and
 * `sign` run the same code (see ./verifier).
 */
import { ConfigurationError, VerificationError } from '@hooklatch/core';
import {
  decodeSignature,
  encodeSignature,
  hmacSha256,
  matchSignature,
  resolveSecrets,
  type Secret,
} from '@hooklatch/core/kit';
import { SHOPIFY_HEADERS, shopifyHeaderName } from './headers';

/** The canonical name of the signature header, for messages. */
export const SHOPIFY_HMAC_HEADER = shopifyHeaderName(SHOPIFY_HEADERS.hmac);

/** An HMAC-SHA256 is 32 bytes; anything else in the header is not a Shopify signature. */
const HMAC_BYTES = 32;

/** The raw body; a parsed object can never verify, so it is refused outright. */
function rawPayload(payload: unknown, caller: string): string | Uint8Array {
  if (typeof payload === 'string' || payload instanceof Uint8Array) return payload;
  throw new ConfigurationError(
    'RAW_BODY_REQUIRED',
    `${caller}: the payload must be the raw body (a string or a Uint8Array), not a parsed object.`,
  );
}

/** The signature header's digest, or SIGNATURE_MALFORMED (naming the header, never the value). */
export function decodeShopifySignature(value: string): Uint8Array {
  const bytes = decodeSignature(value, { header: SHOPIFY_HMAC_HEADER, encoding: 'base64' });
  if (bytes.length !== HMAC_BYTES) {
    throw new VerificationError(
      'SIGNATURE_MALFORMED',
      `${SHOPIFY_HMAC_HEADER} must be the base64 of a 32-byte HMAC-SHA256.`,
      { details: { header: SHOPIFY_HMAC_HEADER } },
    );
  }
  return bytes;
}

/** Index of the secret whose HMAC of `body` is `received`, or -1 (constant time per secret). */
export function shopifyKeyIndex(
  secrets: readonly Secret[],
  body: string | Uint8Array,
  received: Uint8Array,
): number {
  return matchSignature(
    secrets.map((secret) => hmacSha256(secret, body)),
    [received],
  );
}

/**
 * The `X-Shopify-Hmac-Sha256` value Shopify sends for `payload` (the exact body bytes or text).
 * A secret that is not a non-empty string or Uint8Array is CONFIG_INVALID.
 *
 * @example
 * headers['x-shopify-hmac-sha256'] = signShopify(process.env.SHOPIFY_CLIENT_SECRET, body);
 */
export function signShopify(secret: Secret, payload: string | Uint8Array): string {
  const [key] = resolveSecrets({ secret }, 'shopify') as [Secret];
  return encodeSignature(hmacSha256(key, rawPayload(payload, 'signShopify')), 'base64');
}

/**
 * Whether `signature` (an `X-Shopify-Hmac-Sha256` value) signs `payload` under the secret, or
 * under any of several during a rotation. `false` for a wrong or malformed signature, never a
 * throw; a missing or mistyped secret is CONFIG_INVALID.
 *
 * @example
 * if (!verifyShopify(secret, rawBody, request.headers.get('x-shopify-hmac-sha256') ?? '')) ...
 */
export function verifyShopify(
  secretOrSecrets: Secret | readonly Secret[],
  payload: string | Uint8Array,
  signature: string,
): boolean {
  const secrets = resolveSecrets(
    Array.isArray(secretOrSecrets)
      ? { secrets: secretOrSecrets as readonly Secret[] }
      : { secret: secretOrSecrets as Secret },
    'shopify',
  );
  const body = rawPayload(payload, 'verifyShopify');
  if (typeof signature !== 'string') return false;
  let received: Uint8Array;
  try {
    received = decodeShopifySignature(signature);
  } catch {
    return false;
  }
  return shopifyKeyIndex(secrets, body, received) >= 0;
}
