/**
 * The adapter's verifier pair: the `X-Shopify-Hmac-Sha256` check over the raw body (either
 * header form), and its `sign`, both on the code of ./signature.
 */
import {
  type ResolvedVerifier,
  type SecretOptions,
  secretSource,
  signatureInvalid,
  signedVerifier,
  withSecrets,
} from '@hooklatch/core/kit';
import { requireShopifyHeader, SHOPIFY_HEADERS } from './headers';
import {
  decodeShopifySignature,
  SHOPIFY_HMAC_HEADER,
  shopifyKeyIndex,
  signShopify,
} from './signature';

/**
 * Verify a delivery against every configured secret (`keyIndex`: the one that matched). Throws
 * SIGNATURE_MISSING, SIGNATURE_MALFORMED or SIGNATURE_INVALID. `sign` writes the header in the
 * delivery's header form: `shopify-` when its other headers use it, else `x-shopify-`.
 */
export function shopifyVerifier(options: SecretOptions): ResolvedVerifier {
  const secrets = secretSource(options, 'shopify');
  return signedVerifier(
    (delivery) => {
      const value = requireShopifyHeader(
        delivery.headers,
        SHOPIFY_HEADERS.hmac,
        'SIGNATURE_MISSING',
      );
      const received = decodeShopifySignature(value);
      return withSecrets(secrets, delivery, (list) => {
        const keyIndex = shopifyKeyIndex(list, delivery.rawBody, received);
        if (keyIndex < 0) throw signatureInvalid('shopify', SHOPIFY_HMAC_HEADER);
        return { keyIndex, scheme: 'hmac' };
      });
    },
    (request) => {
      const eventsForm =
        request.headers['shopify-topic'] !== undefined &&
        request.headers['x-shopify-topic'] === undefined;
      const header = `${eventsForm ? '' : 'x-'}shopify-${SHOPIFY_HEADERS.hmac.toLowerCase()}`;
      const secret = secrets.forSigning(request.keyIndex, request.secret);
      return { [header]: signShopify(secret, request.body) };
    },
  );
}
