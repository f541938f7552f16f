/**
 * The verification steps, shared by the adapter's verifier and `verifyStandardWebhook`: first
 * what needs no key (headers, the bounded signature list, the timestamp), then the signatures,
 * `v1` entries against every HMAC secret and `v1a` entries against every ed25519 public key.
 */
import { VerificationError } from '@hooklatch/core';
import {
  checkTimestamp,
  dateFromUnixTime,
  hmacSha256,
  matchSignature,
  signatureInvalid,
  timestampedContent,
  timestampedPrefix,
  type Verification,
} from '@hooklatch/core/kit';
import { type Ed25519Scheme, requireEd25519 } from './ed25519-scheme';
import { readHeaders, type StandardWebhookHeaders } from './headers';
import { parseSignatureList, type SignatureList } from './signature-header';

/** Decoded key material for one delivery. */
export interface VerificationKeys {
  /** HMAC-SHA256 keys for `v1`, in the configured order. */
  secrets: readonly Uint8Array[];
  /** ed25519 public keys for `v1a`, in the configured order. */
  publicKeys: readonly Uint8Array[];
  /** ed25519 itself, present whenever `publicKeys` is not empty. */
  ed25519?: Ed25519Scheme | undefined;
}

/** A delivery's signed parts, read and judged before any key is used. */
export interface SignedParts {
  headers: StandardWebhookHeaders;
  list: SignatureList;
}

/** `${id}.${timestamp}.${body}`: the spec's signed content, from the raw body bytes. */
export function signedContent(id: string, timestamp: string, body: Uint8Array): Uint8Array {
  return timestampedContent(timestamp, body, { contentPrefix: `${id}.` });
}

/** The same content as parts for an HMAC, so the body is never copied behind its prefix. */
function signedParts(id: string, timestamp: string, body: Uint8Array): [string, Uint8Array] {
  return [timestampedPrefix(timestamp, { contentPrefix: `${id}.` }), body];
}

/**
 * Read the headers and the signature list, and judge the timestamp: all before any HMAC or
 * ed25519 work, so a forged or stale request costs at most one normal verification.
 */
export function readSignedParts(
  headers: Readonly<Record<string, string>>,
  receivedAt: Date,
  toleranceSeconds: number,
): SignedParts {
  const read = readHeaders(headers);
  const list = parseSignatureList(read.signature, read.signatureHeader);
  checkTimestamp(Number(read.timestamp), receivedAt, toleranceSeconds, read.timestampHeader);
  return { headers: read, list };
}

function matchEd25519(
  signatures: readonly Uint8Array[],
  content: Uint8Array,
  publicKeys: readonly Uint8Array[],
  ed: Ed25519Scheme,
): number {
  for (const [keyIndex, key] of publicKeys.entries()) {
    for (const sig of signatures) if (ed.verify(sig, content, key)) return keyIndex;
  }
  return -1;
}

function noUsableSignature(
  headers: StandardWebhookHeaders,
  list: SignatureList,
  keys: VerificationKeys,
  provider: string,
): VerificationError {
  const wanted = [
    ...(keys.secrets.length > 0 ? ['v1'] : []),
    ...(keys.publicKeys.length > 0 ? ['v1a'] : []),
  ];
  const found = [
    ...(list.v1.length > 0 ? ['v1'] : []),
    ...(list.v1a.length > 0 ? ['v1a'] : []),
    ...new Set(list.unknown),
  ];
  return new VerificationError(
    'SIGNATURE_MISSING',
    `${provider}: the ${headers.signatureHeader} header has no ${wanted.join(' or ')} ` +
      `signature (it has: ${found.join(', ') || 'none'}). Configure the matching key.`,
    { details: { header: headers.signatureHeader, wanted, found } },
  );
}

/**
 * Verify the signed parts over the raw body. `keyIndex` is the matching key's position in its
 * own list (secrets for `v1`, public keys for `v1a`; `scheme` says which); `signedAt` is the
 * signed timestamp, read only once a signature matched. Throws SIGNATURE_MISSING when there is
 * no signature of a version we have keys for, SIGNATURE_INVALID when none matches.
 */
export function verifySignedParts(
  { headers, list }: SignedParts,
  rawBody: Uint8Array,
  keys: VerificationKeys,
  provider: string,
): Verification {
  const useV1 = keys.secrets.length > 0 && list.v1.length > 0;
  const useV1a = keys.publicKeys.length > 0 && list.v1a.length > 0;
  if (!useV1 && !useV1a) throw noUsableSignature(headers, list, keys, provider);
  let scheme: 'v1' | 'v1a' = 'v1';
  let keyIndex = -1;
  if (useV1) {
    const parts = signedParts(headers.id, headers.timestamp, rawBody);
    keyIndex = matchSignature(
      keys.secrets.map((secret) => hmacSha256(secret, parts)),
      list.v1,
    );
  }
  if (keyIndex < 0 && useV1a) {
    scheme = 'v1a';
    const content = signedContent(headers.id, headers.timestamp, rawBody);
    const ed = requireEd25519(keys.ed25519, provider, 'publicKey');
    keyIndex = matchEd25519(list.v1a, content, keys.publicKeys, ed);
  }
  if (keyIndex < 0) throw signatureInvalid(provider, headers.signatureHeader);
  const signedAt = dateFromUnixTime(Number(headers.timestamp), 'seconds', {
    provider,
    path: `${headers.timestampHeader} header`,
  });
  return { keyIndex, signedAt, scheme };
}
