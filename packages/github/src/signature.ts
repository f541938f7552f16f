/** `X-Hub-Signature-256` verification: HMAC-SHA256 of the raw body, hex, `sha256=` prefixed. */
import { fromHex, type RawDelivery, VerificationError } from '@hooklatch/core';
import { hmacSha256, matchSignature, signatureInvalid } from '@hooklatch/core/kit';

/** The header GitHub signs with. */
export const SIGNATURE_HEADER = 'X-Hub-Signature-256';
/** The legacy SHA-1 header; never accepted on its own. */
export const LEGACY_SIGNATURE_HEADER = 'X-Hub-Signature';

const PREFIX = 'sha256=';

/**
 * Verify a delivery against every secret; return the index of the secret that matched.
 * Throws SIGNATURE_MISSING, SIGNATURE_MALFORMED or SIGNATURE_INVALID.
 */
export function verifyGithubSignature(
  delivery: RawDelivery,
  secrets: ReadonlyArray<string | Uint8Array>,
): number {
  const header = delivery.headers[SIGNATURE_HEADER.toLowerCase()]?.trim();
  if (header === undefined || header === '') {
    // SHA-1 is too weak to authenticate a request; say why instead of a bare "missing".
    const legacy = delivery.headers[LEGACY_SIGNATURE_HEADER.toLowerCase()] !== undefined;
    throw new VerificationError(
      'SIGNATURE_MISSING',
      legacy
        ? `Missing ${SIGNATURE_HEADER} header: only the legacy SHA-1 ${LEGACY_SIGNATURE_HEADER} ` +
            'was sent, and SHA-1 signatures are not accepted. Configure the webhook with a secret ' +
            '(GitHub then sends both headers).'
        : `Missing ${SIGNATURE_HEADER} header. Is a secret configured on the GitHub webhook?`,
      { details: { header: SIGNATURE_HEADER, legacyHeaderPresent: legacy } },
    );
  }
  const received = header.startsWith(PREFIX) ? fromHex(header.slice(PREFIX.length)) : null;
  if (received === null || received.length !== 32) {
    throw new VerificationError(
      'SIGNATURE_MALFORMED',
      `${SIGNATURE_HEADER} must be "sha256=" followed by 64 hex characters.`,
      { details: { header: SIGNATURE_HEADER } },
    );
  }
  const expected = secrets.map((secret) => hmacSha256(secret, delivery.rawBody));
  const index = matchSignature(expected, [received]);
  if (index < 0) throw signatureInvalid('github', SIGNATURE_HEADER);
  return index;
}
