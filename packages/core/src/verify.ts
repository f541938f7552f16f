/**
 * Building blocks every adapter's verification uses, so that all providers fail the same way:
 * secret lists for rotation, two-sided timestamp tolerance, constant-time matching of candidate
 * signatures, and errors that point at raw-body problems without echoing any secret.
 */

import { timingSafeEqual } from './crypto/index';
import { PayloadError, VerificationError } from './errors';

/**
 * The most signatures tried from one header. Senders list several only while rotating keys (two
 * is the norm); a header with more is refused unread, so a forged request cannot make us run
 * an HMAC comparison or an ed25519 verification per entry (160 entries in 15 KB once cost
 * 200 ms of CPU).
 */
export const MAX_SIGNATURES_PER_HEADER = 10;

/** SIGNATURE_MALFORMED when a header lists more than {@link MAX_SIGNATURES_PER_HEADER}. */
export function checkSignatureCount(count: number, header: string): void {
  if (count > MAX_SIGNATURES_PER_HEADER) {
    throw new VerificationError(
      'SIGNATURE_MALFORMED',
      `The ${header} header lists ${count} signatures; at most ${MAX_SIGNATURES_PER_HEADER} are accepted.`,
      { details: { header, maxSignatures: MAX_SIGNATURES_PER_HEADER } },
    );
  }
}

/**
 * Compare each expected signature (one per secret) against each received one in constant time.
 * Returns the index of the secret that matched, or -1. Every pair is compared, so timing does
 * not reveal which secret or which candidate matched.
 */
export function matchSignature(
  expected: ReadonlyArray<Uint8Array>,
  received: ReadonlyArray<Uint8Array>,
): number {
  let match = -1;
  for (let keyIndex = 0; keyIndex < expected.length; keyIndex++) {
    const candidate = expected[keyIndex] as Uint8Array;
    for (let i = 0; i < received.length; i++) {
      if (timingSafeEqual(candidate, received[i] as Uint8Array) && match === -1) {
        match = keyIndex;
      }
    }
  }
  return match;
}

/**
 * Each header name lower-cased once: a name lower-cased per call is a new string, and looking
 * it up hashes it again (about 0.1 µs each). Adapters pass a handful of fixed names; the cache
 * is bounded for any other caller.
 */
const lowered = new Map<string, string>();
export function headerKey(name: string): string {
  let key = lowered.get(name);
  if (key === undefined) {
    key = name.toLowerCase();
    if (lowered.size < 256) lowered.set(name, key);
  }
  return key;
}

/** Read a required header (names are lower-case in a RawDelivery). */
export function requireHeader(
  headers: Readonly<Record<string, string>>,
  name: string,
  code: 'SIGNATURE_MISSING' | 'HEADER_MISSING' = 'HEADER_MISSING',
): string {
  const value = headers[headerKey(name)];
  if (value === undefined || value.trim() === '') {
    if (code === 'SIGNATURE_MISSING') {
      throw new VerificationError('SIGNATURE_MISSING', `Missing ${name} header.`, {
        details: { header: name },
      });
    }
    throw new PayloadError('HEADER_MISSING', `Missing ${name} header.`, {
      details: { header: name },
    });
  }
  return value;
}

/**
 * The error for "no signature matched". It names the header and reminds that a parsed and
 * re-serialized body can never verify, the most common cause in practice.
 */
export function signatureInvalid(provider: string, header: string): VerificationError {
  return new VerificationError(
    'SIGNATURE_INVALID',
    `${provider}: no signature in ${header} matches the request body. Check the secret, and make ` +
      'sure the exact raw body bytes are passed: a body parsed and re-serialized as JSON ' +
      '(express.json(), JSON.stringify) differs from what was signed.',
    { details: { header } },
  );
}

/**
 * Check a signed timestamp against `receivedAt`, in BOTH directions: a timestamp too far in the
 * future is as suspicious as a stale one.
 *
 * @param timestampSeconds - the signed Unix time, in seconds
 * @param toleranceSeconds - allowed skew either way; 0 or Infinity disables the check
 */
export function checkTimestamp(
  timestampSeconds: number,
  receivedAt: Date,
  toleranceSeconds: number,
  header: string,
): void {
  if (!Number.isFinite(timestampSeconds)) {
    throw new VerificationError(
      'SIGNATURE_MALFORMED',
      `The ${header} timestamp is not a Unix time in seconds.`,
      { details: { header } },
    );
  }
  if (!Number.isFinite(toleranceSeconds) || toleranceSeconds <= 0) return;
  const skew = receivedAt.getTime() / 1000 - timestampSeconds;
  if (Math.abs(skew) > toleranceSeconds) {
    const direction = skew > 0 ? 'old' : 'in the future';
    throw new VerificationError(
      'TIMESTAMP_OUT_OF_TOLERANCE',
      `The ${header} timestamp is ${Math.round(Math.abs(skew))} s ${direction}; ` +
        `the tolerance is ${toleranceSeconds} s. If you process from a queue, pass receivedAt.`,
      { details: { header, skewSeconds: Math.round(skew), toleranceSeconds } },
    );
  }
}
