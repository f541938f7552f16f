/**
 * Check a delivery's signature list against the configured keys: `v1` entries against every HMAC
 * secret, `v1a` entries against every ed25519 public key. Any single match verifies.
 */
import { concatBytes, utf8, VerificationError } from '@hooklatch/core';
import { hmacSha256, matchSignature, signatureInvalid } from '@hooklatch/core/kit';
import { ed25519 } from '@noble/curves/ed25519.js';
import type { StandardWebhookHeaders } from './headers';
import type { SignatureList, SignatureVersion } from './signature-header';

/** Decoded key material of one adapter. */
export interface VerificationKeys {
  /** HMAC-SHA256 keys for `v1`, newest first. */
  secrets: readonly Uint8Array[];
  /** ed25519 public keys for `v1a`, newest first. */
  publicKeys: readonly Uint8Array[];
}

/** Which signature verified, and with which configured key (its index in the list). */
export interface SignatureMatch {
  version: SignatureVersion;
  keyIndex: number;
}

/** `${id}.${timestamp}.${body}`: the spec's signed content, built from the raw body bytes. */
export function signedContent(id: string, timestamp: string, rawBody: Uint8Array): Uint8Array {
  return concatBytes(utf8(`${id}.${timestamp}.`), rawBody);
}

function matchEd25519(
  signatures: readonly Uint8Array[],
  content: Uint8Array,
  publicKeys: readonly Uint8Array[],
): number {
  for (const [keyIndex, key] of publicKeys.entries()) {
    for (const sig of signatures) {
      try {
        // Strict RFC 8032 decoding: one message, one accepted encoding of its signature.
        if (ed25519.verify(sig, content, key, { zip215: false })) return keyIndex;
      } catch {
        // A signature that does not even decode is simply not a match.
      }
    }
  }
  return -1;
}

/**
 * Verify the parsed signature list (see `parseSignatureList`) over the raw body. Throws
 * SIGNATURE_MISSING when it holds no signature of a version we have keys for, and
 * SIGNATURE_INVALID when none matches. At most 10 entries reach here, so a rejection costs at
 * most 10 verifications per configured key.
 */
export function verifySignature(
  headers: StandardWebhookHeaders,
  list: SignatureList,
  rawBody: Uint8Array,
  keys: VerificationKeys,
  provider: string,
): SignatureMatch {
  const useV1 = keys.secrets.length > 0 && list.v1.length > 0;
  const useV1a = keys.publicKeys.length > 0 && list.v1a.length > 0;
  if (!useV1 && !useV1a) {
    const wanted = [
      ...(keys.secrets.length > 0 ? ['v1'] : []),
      ...(keys.publicKeys.length > 0 ? ['v1a'] : []),
    ];
    const found = [
      ...(list.v1.length > 0 ? ['v1'] : []),
      ...(list.v1a.length > 0 ? ['v1a'] : []),
      ...list.unknown,
    ];
    throw new VerificationError(
      'SIGNATURE_MISSING',
      `${provider}: the ${headers.signatureHeader} header has no ${wanted.join(' or ')} ` +
        `signature (it has: ${found.join(', ') || 'none'}). Configure the matching key.`,
      { details: { header: headers.signatureHeader, wanted, found } },
    );
  }
  const content = signedContent(headers.id, headers.timestamp, rawBody);
  if (useV1) {
    const expected = keys.secrets.map((secret) => hmacSha256(secret, content));
    const keyIndex = matchSignature(expected, list.v1);
    if (keyIndex >= 0) return { version: 'v1', keyIndex };
  }
  if (useV1a) {
    const keyIndex = matchEd25519(list.v1a, content, keys.publicKeys);
    if (keyIndex >= 0) return { version: 'v1a', keyIndex };
  }
  throw signatureInvalid(provider, headers.signatureHeader);
}
