/**
 * Key material as Standard Webhooks serializes it: `whsec_` + base64 for HMAC secrets, `whpk_` +
 * base64 for ed25519 public keys, `whsk_` + base64 for ed25519 signing keys (the sender's). Fixed
 * keys are decoded once, when the adapter is created, so a mistyped key fails at startup.
 */
import { ConfigurationError } from '@hooklatch/core';
import type { Secret } from '@hooklatch/core/kit';
import { decodeBase64 } from './base64';
import { type Ed25519Scheme, requireEd25519 } from './ed25519-scheme';

/** Prefix of a serialized HMAC secret (`v1`). */
export const STANDARD_WEBHOOKS_SECRET_PREFIX = 'whsec_';
/** Prefix of a serialized ed25519 public key (`v1a`, the receiver's). */
export const STANDARD_WEBHOOKS_PUBLIC_KEY_PREFIX = 'whpk_';
/** Prefix of a serialized ed25519 signing key (`v1a`, the sender's). */
export const STANDARD_WEBHOOKS_SIGNING_KEY_PREFIX = 'whsk_';

const ED25519_KEY_BYTES = 32;

/**
 * The option a key at `index` of a decoded list was given in, for `details.option`: the lists
 * are the single option's value, then the list option's, as `configuredInOrder` builds them.
 */
export type KeyOption = (index: number) => string;

/** Keys from `single` then `list` (`secret` then `secrets[i]`), `single` set or not. */
export function keyOption(single: string, list: string, hasSingle: boolean): KeyOption {
  return (index) =>
    hasSingle && index === 0 ? single : `${list}[${hasSingle ? index - 1 : index}]`;
}

function invalidKey(
  provider: string,
  what: string,
  index: number,
  reason: string,
  option: KeyOption,
) {
  // Only the position and the reason: the key itself never appears in an error.
  return new ConfigurationError('CONFIG_INVALID', `${provider}: ${what} #${index} ${reason}.`, {
    details: { option: option(index), key: what, index },
  });
}

/**
 * The base64 after an optional prefix, decoded; `null` when it is not base64. Trimmed before
 * the prefix is looked for: `whsec_` is valid base64url text, so a secret pasted with a leading
 * space would otherwise decode, prefix and all, to some other key (and fail every delivery).
 */
function prefixedBytes(text: string, prefix: string): Uint8Array | null {
  const trimmed = text.trim();
  return decodeBase64((trimmed.startsWith(prefix) ? trimmed.slice(prefix.length) : trimmed).trim());
}

/**
 * Turn each secret into HMAC key bytes. Strings are base64, with or without the `whsec_`
 * prefix (as the reference libraries accept them); bytes are used as they are.
 */
export function decodeSecrets(
  secrets: readonly Secret[],
  provider: string,
  option: KeyOption = (index) => `secrets[${index}]`,
): Uint8Array[] {
  return secrets.map((secret, index) => {
    if (secret instanceof Uint8Array) return secret;
    const bytes = prefixedBytes(secret, STANDARD_WEBHOOKS_SECRET_PREFIX);
    if (bytes === null || bytes.length === 0) {
      throw invalidKey(provider, 'secret', index, 'is not a whsec_ base64 secret', option);
    }
    return bytes;
  });
}

/**
 * Turn each public key into its 32 raw bytes. Strings are base64, with or without the `whpk_`
 * prefix; bytes must be the raw key. Points that are not on the curve are refused, and any key
 * needs `ed` (v1a support loaded).
 */
export function decodePublicKeys(
  keys: readonly Secret[],
  provider: string,
  ed: Ed25519Scheme | undefined,
  option: KeyOption = (index) => `publicKeys[${index}]`,
): Uint8Array[] {
  if (keys.length === 0) return [];
  const scheme = requireEd25519(ed, provider, 'publicKey');
  return keys.map((key, index) => {
    const bytes =
      key instanceof Uint8Array ? key : prefixedBytes(key, STANDARD_WEBHOOKS_PUBLIC_KEY_PREFIX);
    if (bytes === null || bytes.length !== ED25519_KEY_BYTES) {
      throw invalidKey(
        provider,
        'publicKey',
        index,
        'is not a whpk_ base64 ed25519 public key (32 bytes)',
        option,
      );
    }
    // Strict (non-ZIP-215) decoding, the same rule verification applies.
    if (!scheme.isValidPublicKey(bytes)) {
      throw invalidKey(provider, 'publicKey', index, 'is not a valid ed25519 point', option);
    }
    return bytes;
  });
}

/**
 * The 32-byte seed of an ed25519 signing key: `whsk_` + base64 (prefix optional), or bytes,
 * of the seed alone or of seed + public key (64 bytes, the form senders export).
 */
export function decodeSigningKey(key: Secret, provider: string): Uint8Array {
  const bytes =
    key instanceof Uint8Array ? key : prefixedBytes(key, STANDARD_WEBHOOKS_SIGNING_KEY_PREFIX);
  if (bytes === null || (bytes.length !== 32 && bytes.length !== 64)) {
    throw new ConfigurationError(
      'CONFIG_INVALID',
      `${provider}: the signing key is not a whsk_ base64 ed25519 key (32 or 64 bytes).`,
      { details: { option: 'secret' } },
    );
  }
  return bytes.subarray(0, ED25519_KEY_BYTES);
}
