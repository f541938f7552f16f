/**
 * The most common webhook scheme: an HMAC-SHA256 of the raw body in one header, hex or base64,
 * sometimes behind a prefix such as `sha256=`.
 */
import { fromBase64, fromHex, hmacSha256, toBase64, toHex } from '../crypto/index';
import { VerificationError } from '../errors';
import { matchSignature, requireHeader, signatureInvalid } from '../verify';
import { optionInvalid } from './options';
import { type SecretOptions, secretSource, withSecrets } from './secrets';
import { type ResolvedVerifier, signedVerifier } from './verifier';

/** How a signature is written in its header. */
export type SignatureEncoding = 'hex' | 'base64';

/** Options of {@link hmacHeaderVerifier}. */
export interface HmacHeaderOptions extends SecretOptions {
  /** Provider name used in error messages. */
  provider: string;
  /** The header carrying the signature, e.g. `X-Qualio-Signature`. */
  header: string;
  /** How the digest is encoded. @default 'hex' */
  encoding?: SignatureEncoding;
  /** Text before the digest, e.g. `sha256=`. When set, it must be present. @default '' */
  prefix?: string;
}

/** Encode a signature as a provider would send it (also what test builders use to sign). */
export function encodeSignature(
  digest: Uint8Array,
  encoding: SignatureEncoding = 'hex',
  prefix = '',
): string {
  return prefix + (encoding === 'hex' ? toHex(digest) : toBase64(digest));
}

function signatureMalformed(header: string, why: string): VerificationError {
  return new VerificationError('SIGNATURE_MALFORMED', `The ${header} header ${why}.`, {
    details: { header },
  });
}

/**
 * Decode one received signature: strip the prefix, then decode. Throws SIGNATURE_MALFORMED
 * naming the header (never the value) when either step fails.
 */
export function decodeSignature(
  value: string,
  options: { header: string; encoding?: SignatureEncoding; prefix?: string },
): Uint8Array {
  const prefix = options.prefix ?? '';
  const trimmed = value.trim();
  // The prefix as written is checked first; only another case needs the lower-cased copies.
  const prefixed =
    prefix === '' ||
    trimmed.startsWith(prefix) ||
    trimmed.slice(0, prefix.length).toLowerCase() === prefix.toLowerCase();
  if (!prefixed) {
    throw signatureMalformed(options.header, `does not start with "${prefix}"`);
  }
  const encoded = prefix === '' ? trimmed : trimmed.slice(prefix.length);
  const bytes = (options.encoding ?? 'hex') === 'hex' ? fromHex(encoded) : fromBase64(encoded);
  if (bytes === null || bytes.length === 0) {
    throw signatureMalformed(options.header, `is not ${options.encoding ?? 'hex'}`);
  }
  return bytes;
}

/**
 * Check the options every HMAC verifier shares, at construction: `header` names a header,
 * `encoding` is hex or base64, `prefix` is a string. CONFIG_INVALID names the option.
 */
export function checkSignatureFormat(options: {
  provider: string;
  header: string;
  encoding?: SignatureEncoding;
  prefix?: string;
}): void {
  if (typeof options.header !== 'string' || options.header.trim() === '') {
    throw optionInvalid(options.provider, 'header', 'must name the signature header');
  }
  if (
    options.encoding !== undefined &&
    options.encoding !== 'hex' &&
    options.encoding !== 'base64'
  ) {
    throw optionInvalid(options.provider, 'encoding', 'must be "hex" or "base64"');
  }
  if (options.prefix !== undefined && typeof options.prefix !== 'string') {
    throw optionInvalid(options.provider, 'prefix', 'must be a string');
  }
}

/**
 * Verify `header` = prefix + encode(HMAC-SHA256(secret, rawBody)). Every configured secret is
 * tried (rotation) in constant time; the match's index is the verification's `keyIndex`.
 * Secrets are checked when the verifier is made, so a missing one fails at startup with
 * CONFIG_INVALID, not on the first delivery. `sign` writes the header the same way.
 */
export function hmacHeaderVerifier(options: HmacHeaderOptions): ResolvedVerifier {
  const secrets = secretSource(options, options.provider);
  checkSignatureFormat(options);
  return signedVerifier(
    (delivery) => {
      const value = requireHeader(delivery.headers, options.header, 'SIGNATURE_MISSING');
      const received = decodeSignature(value, options);
      return withSecrets(secrets, delivery, (list) => {
        const expected = list.map((secret) => hmacSha256(secret, delivery.rawBody));
        const keyIndex = matchSignature(expected, [received]);
        if (keyIndex === -1) throw signatureInvalid(options.provider, options.header);
        return { keyIndex, scheme: 'hmac' };
      });
    },
    (request) => ({
      [options.header.toLowerCase()]: encodeSignature(
        hmacSha256(secrets.forSigning(request.keyIndex, request.secret), request.body),
        options.encoding,
        options.prefix,
      ),
    }),
  );
}
