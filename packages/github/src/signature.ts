/**
 * The `X-Hub-Signature-256` scheme: `sha256=` + hex HMAC-SHA256 of the raw body under the
 * webhook secret. These functions are the whole scheme: the adapter's verifier, its `sign`,
 * `signGithub` and `verifyGithub` all run them.
 */
import { VerificationError } from '@hooklatch/core';
import {
  decodeSignature,
  encodeSignature,
  hmacSha256,
  matchSignature,
  type Secret,
} from '@hooklatch/core/kit';

/** The header GitHub signs with. */
export const GITHUB_SIGNATURE_HEADER = 'X-Hub-Signature-256';
/** The legacy SHA-1 header; never accepted on its own. */
export const GITHUB_LEGACY_SIGNATURE_HEADER = 'X-Hub-Signature';

const PREFIX = 'sha256=';

/**
 * SIGNATURE_MISSING for a delivery without `X-Hub-Signature-256`. SHA-1 is too weak to
 * authenticate a request, so when only the legacy header came, the message says why it is not
 * enough instead of a bare "missing".
 */
export function githubSignatureMissing(headers: Readonly<Record<string, string>>) {
  const legacy = headers[GITHUB_LEGACY_SIGNATURE_HEADER.toLowerCase()] !== undefined;
  return new VerificationError(
    'SIGNATURE_MISSING',
    legacy
      ? `Missing ${GITHUB_SIGNATURE_HEADER} header: only the legacy SHA-1 ` +
          `${GITHUB_LEGACY_SIGNATURE_HEADER} was sent, and SHA-1 signatures are not accepted. ` +
          'Configure the webhook with a secret (GitHub then sends both headers).'
      : `Missing ${GITHUB_SIGNATURE_HEADER} header. Is a secret configured on the GitHub webhook?`,
    { details: { header: GITHUB_SIGNATURE_HEADER, legacyHeaderPresent: legacy } },
  );
}

/** The digest in an `X-Hub-Signature-256` value, or SIGNATURE_MALFORMED. */
export function readGithubSignature(value: string): Uint8Array {
  const digest = decodeSignature(value, { header: GITHUB_SIGNATURE_HEADER, prefix: PREFIX });
  if (digest.length !== 32) {
    throw new VerificationError(
      'SIGNATURE_MALFORMED',
      `${GITHUB_SIGNATURE_HEADER} must be "sha256=" followed by 64 hex characters.`,
      { details: { header: GITHUB_SIGNATURE_HEADER } },
    );
  }
  return digest;
}

/** The index of the first of `secrets` whose HMAC of `rawBody` is `digest`, or -1. */
export function matchGithubSignature(
  digest: Uint8Array,
  rawBody: Uint8Array,
  secrets: readonly Secret[],
): number {
  return matchSignature(
    secrets.map((secret) => hmacSha256(secret, rawBody)),
    [digest],
  );
}

/** The `X-Hub-Signature-256` value GitHub sends for `body` under `secret`. */
export function githubSignatureHeader(secret: Secret, body: Uint8Array): string {
  return encodeSignature(hmacSha256(secret, body), 'hex', PREFIX);
}
