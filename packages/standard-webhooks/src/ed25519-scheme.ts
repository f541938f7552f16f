/**
 * The ed25519 operations `v1a` signatures need, passed in rather than imported: an ed25519
 * implementation is most of this package's weight in a bundle (about 10 KB gzipped), and an
 * application that only receives `v1` HMAC signatures should not carry it. The root entry has
 * none; `@hooklatch/standard-webhooks/ed25519` gives the same API with @noble/curves' ed25519.
 */
import { ConfigurationError } from '@hooklatch/core';

/** Strict RFC 8032 ed25519: sign, verify, and the public-key check done at startup. */
export interface Ed25519Scheme {
  /** Whether `signature` signs `message` under `publicKey` (strict decoding, never throws). */
  verify(signature: Uint8Array, message: Uint8Array, publicKey: Uint8Array): boolean;
  /** The signature of `message` under the 32-byte `seed`. */
  sign(message: Uint8Array, seed: Uint8Array): Uint8Array;
  /** Whether `publicKey` is a valid (strictly decoded) curve point. */
  isValidPublicKey(publicKey: Uint8Array): boolean;
}

/**
 * `ed` itself, or CONFIG_INVALID naming `option` when v1a support was not loaded: the
 * application configured an ed25519 key but imported the root entry.
 */
export function requireEd25519(
  ed: Ed25519Scheme | undefined,
  provider: string,
  option: string,
): Ed25519Scheme {
  if (ed !== undefined) return ed;
  throw new ConfigurationError(
    'CONFIG_INVALID',
    `${provider}: \`${option}\` is an ed25519 (v1a) key, and v1a support is not loaded: import ` +
      "from '@hooklatch/standard-webhooks/ed25519' instead of '@hooklatch/standard-webhooks'.",
    { details: { option } },
  );
}
