/**
 * Key material as Standard Webhooks serializes it: `whsec_` + base64 for HMAC secrets, `whpk_` +
 * base64 for ed25519 public keys. Decoded once, when the adapter is created, so a mistyped key
 * fails at startup instead of on the first delivery.
 */
import { ConfigurationError, fromBase64 } from '@hooklatch/core';
import { ed25519 } from '@noble/curves/ed25519.js';

/** Prefix of a serialized HMAC secret. */
export const SECRET_PREFIX = 'whsec_';
/** Prefix of a serialized ed25519 public key. */
export const PUBLIC_KEY_PREFIX = 'whpk_';

const ED25519_PUBLIC_KEY_BYTES = 32;

function invalidKey(provider: string, what: string, index: number, reason: string) {
  // Only the position and the reason: the key itself never appears in an error.
  return new ConfigurationError('CONFIG_INVALID', `${provider}: ${what} #${index} ${reason}.`, {
    details: { key: what, index },
  });
}

/**
 * Turn each configured secret into HMAC key bytes. Strings are base64, with or without the
 * `whsec_` prefix (as the reference libraries accept them); bytes are used as they are.
 */
export function decodeSecrets(
  secrets: ReadonlyArray<string | Uint8Array>,
  provider: string,
): Uint8Array[] {
  return secrets.map((secret, index) => {
    if (secret instanceof Uint8Array) return secret;
    const text = secret.startsWith(SECRET_PREFIX) ? secret.slice(SECRET_PREFIX.length) : secret;
    const bytes = fromBase64(text.trim());
    if (!bytes || bytes.length === 0) {
      throw invalidKey(provider, 'secret', index, `is not a ${SECRET_PREFIX} base64 secret`);
    }
    return bytes;
  });
}

/**
 * Turn each configured public key into its 32 raw bytes. Strings are base64, with or without the
 * `whpk_` prefix; bytes must be the raw 32-byte key. Points that are not on the curve are refused.
 */
export function decodePublicKeys(
  keys: ReadonlyArray<string | Uint8Array>,
  provider: string,
): Uint8Array[] {
  return keys.map((key, index) => {
    let bytes: Uint8Array | null;
    if (key instanceof Uint8Array) bytes = key;
    else {
      const text = key.startsWith(PUBLIC_KEY_PREFIX) ? key.slice(PUBLIC_KEY_PREFIX.length) : key;
      bytes = fromBase64(text.trim());
    }
    if (!bytes || bytes.length !== ED25519_PUBLIC_KEY_BYTES) {
      throw invalidKey(
        provider,
        'publicKey',
        index,
        `is not a ${PUBLIC_KEY_PREFIX} base64 ed25519 public key (32 bytes)`,
      );
    }
    // Strict (non-ZIP-215) decoding, the same rule verification applies.
    if (!ed25519.utils.isValidPublicKey(bytes, false)) {
      throw invalidKey(provider, 'publicKey', index, 'is not a valid ed25519 point');
    }
    return bytes;
  });
}
