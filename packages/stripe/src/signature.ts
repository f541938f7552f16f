/**
 * `Stripe-Signature` verification: `t=<unix>,v1=<hex>[,v1=<hex>...]`, each v1 an HMAC-SHA256 of
 * `${t}.${rawBody}` under the endpoint secret. Other schemes (`v0`) are ignored, as Stripe does.
 */
import { checkSignatureCount, checkTimestamp, hmacSha256, matchSignature, requireHeader, signatureInvalid, timestampedContent } from '@hooklatch/core/kit';
import { fromHex, type RawDelivery, VerificationError } from '@hooklatch/core';

/** The header Stripe signs with. */
export const STRIPE_SIGNATURE_HEADER = 'Stripe-Signature';

/** What a successful verification found. */
export interface StripeSignatureMatch {
  /** The signed Unix timestamp, in seconds. */
  timestamp: number;
  /** Index (in `secret` then `secrets` order) of the secret that matched. */
  secretIndex: number;
}

function malformed(why: string): VerificationError {
  return new VerificationError('SIGNATURE_MALFORMED', `The ${STRIPE_SIGNATURE_HEADER} ${why}.`, {
    details: { header: STRIPE_SIGNATURE_HEADER },
  });
}

/**
 * Split the header into its timestamp and raw v1 values, or throw MALFORMED. Nothing is decoded
 * yet: the timestamp is checked first, and at most 10 v1 values are ever looked at.
 */
function readHeader(value: string): { t: string; v1: string[] } {
  let t: string | undefined;
  const v1: string[] = [];
  for (const element of value.split(',')) {
    const eq = element.indexOf('=');
    if (eq <= 0) continue;
    const key = element.slice(0, eq).trim();
    const item = element.slice(eq + 1).trim();
    if (key === 't') t = item;
    else if (key === 'v1') v1.push(item);
  }
  if (t === undefined || !/^\d{1,12}$/.test(t)) {
    throw malformed('header has no t=<unix seconds> element');
  }
  if (v1.length === 0) throw malformed('header has no v1=<signature> element');
  checkSignatureCount(v1.length, STRIPE_SIGNATURE_HEADER);
  return { t, v1 };
}

function decodeV1(item: string): Uint8Array {
  const bytes = fromHex(item);
  if (bytes === null || bytes.length !== 32) {
    throw malformed('header has a v1 value that is not 64 hex characters');
  }
  return bytes;
}

/**
 * Verify a delivery: header shape (at most 10 v1 values), timestamp tolerance (both directions,
 * before any signature is decoded), then every v1 value against every secret in constant time.
 * Any matching pair passes.
 */
export function verifyStripeSignature(
  delivery: RawDelivery,
  secrets: ReadonlyArray<string | Uint8Array>,
  toleranceSeconds: number,
): StripeSignatureMatch {
  const header = requireHeader(delivery.headers, STRIPE_SIGNATURE_HEADER, 'SIGNATURE_MISSING');
  const { t, v1 } = readHeader(header);
  const timestamp = Number(t);
  checkTimestamp(timestamp, delivery.receivedAt, toleranceSeconds, STRIPE_SIGNATURE_HEADER);
  const signatures = v1.map(decodeV1);
  const content = timestampedContent(t, delivery.rawBody);
  const expected = secrets.map((secret) => hmacSha256(secret, content));
  const secretIndex = matchSignature(expected, signatures);
  if (secretIndex < 0) throw signatureInvalid('stripe', STRIPE_SIGNATURE_HEADER);
  return { timestamp, secretIndex };
}
