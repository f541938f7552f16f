/**
 * The `Stripe-Signature` scheme: `t=<unix>,v1=<hex>[,v1=<hex>...]`, each v1 an HMAC-SHA256 of
 * `${t}.${rawBody}` under an endpoint secret (one v1 per active secret while a secret is being
 * rolled). Other schemes (`v0`) are ignored, as Stripe does. These functions are the whole
 * scheme: the adapter's verifier, its `sign`, `signStripe` and `verifyStripe` all run them.
 */
import { VerificationError } from '@hooklatch/core';
import {
  checkSignatureCount,
  checkTimestamp,
  decodeSignature,
  encodeSignature,
  hmacSha256,
  MAX_SIGNATURES_PER_HEADER,
  matchSignature,
  type Secret,
  timestampedPrefix,
} from '@hooklatch/core/kit';

/** The header Stripe signs with. */
export const STRIPE_SIGNATURE_HEADER = 'Stripe-Signature';

/** A header that passed the shape and time checks, its v1 values decoded. */
export interface StripeSignature {
  /** The `t=` element as sent (it is part of the signed content). */
  readonly t: string;
  /** `t` as Unix seconds. */
  readonly seconds: number;
  /** The v1 digests, 32 bytes each. */
  readonly v1: readonly Uint8Array[];
}

function malformed(why: string): VerificationError {
  return new VerificationError('SIGNATURE_MALFORMED', `The ${STRIPE_SIGNATURE_HEADER} ${why}.`, {
    details: { header: STRIPE_SIGNATURE_HEADER },
  });
}

function decodeV1(item: string): Uint8Array {
  const bytes = decodeSignature(item, { header: STRIPE_SIGNATURE_HEADER });
  if (bytes.length !== 32) throw malformed('header has a v1 value that is not 64 hex characters');
  return bytes;
}

/** The key of the element from `start` to its `=` at `eq`, trimmed: `t`, `v1` or another. */
function elementKey(header: string, start: number, eq: number): string {
  // The usual `t=` and `v1=` need no slice.
  if (eq - start === 1 && header.charCodeAt(start) === 0x74) return 't';
  if (eq - start === 2 && header.startsWith('v1', start)) return 'v1';
  return header.slice(start, eq).trim();
}

/**
 * Read a `Stripe-Signature` value: its shape (a `t`, at least one and at most 10 v1 values),
 * then the timestamp against `receivedAt` (both directions), and only then the v1 values, so a
 * stale or oversized header costs no decoding. Throws SIGNATURE_MALFORMED or
 * TIMESTAMP_OUT_OF_TOLERANCE.
 */
export function readStripeSignature(
  header: string,
  receivedAt: Date,
  toleranceSeconds: number,
): StripeSignature {
  let t: string | undefined;
  const v1: string[] = [];
  let v1Count = 0;
  // One pass over the elements in place: no array of them, no copy of a key. `eq` is the
  // next `=` at or after `start` (-1: none left), searched again only once passed, so a header
  // of elements without one is still read in linear time.
  let eq = -2;
  for (let start = 0; start <= header.length; ) {
    let end = header.indexOf(',', start);
    if (end < 0) end = header.length;
    if (eq !== -1 && eq < start) eq = header.indexOf('=', start);
    if (eq > start && eq < end) {
      const key = elementKey(header, start, eq);
      if (key === 't') t = header.slice(eq + 1, end).trim();
      // Only counted beyond the limit: the header is refused below, its values never copied.
      else if (key === 'v1' && ++v1Count <= MAX_SIGNATURES_PER_HEADER) {
        v1.push(header.slice(eq + 1, end));
      }
    }
    start = end + 1;
  }
  if (t === undefined || !/^\d{1,12}$/.test(t)) {
    throw malformed('header has no t=<unix seconds> element');
  }
  if (v1Count === 0) throw malformed('header has no v1=<signature> element');
  checkSignatureCount(v1Count, STRIPE_SIGNATURE_HEADER);
  const seconds = Number(t);
  checkTimestamp(seconds, receivedAt, toleranceSeconds, STRIPE_SIGNATURE_HEADER);
  return { t, seconds, v1: v1.map(decodeV1) };
}

/**
 * The index of the first of `secrets` that one of the header's v1 values matches, or -1. Every
 * secret is compared with every v1 in constant time.
 */
export function matchStripeSignature(
  signature: StripeSignature,
  rawBody: Uint8Array,
  secrets: readonly Secret[],
): number {
  // MACed as parts: the body is never copied behind the `t.` prefix.
  const content = [timestampedPrefix(signature.t), rawBody];
  return matchSignature(
    secrets.map((secret) => hmacSha256(secret, content)),
    signature.v1,
  );
}

/** The `Stripe-Signature` value for `body` signed at `seconds`: one v1 per secret, in order. */
export function stripeSignatureHeader(
  secrets: readonly Secret[],
  body: Uint8Array,
  seconds: number,
): string {
  const t = String(seconds);
  const content = [timestampedPrefix(t), body];
  const v1 = secrets.map((secret) => `v1=${encodeSignature(hmacSha256(secret, content))}`);
  return `t=${t},${v1.join(',')}`;
}
