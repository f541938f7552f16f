/**
 * Crypto helpers every adapter uses: HMAC-SHA256, SHA-256, constant-time comparison and
 * hex/base64. Inputs may be strings (UTF-8) or bytes; outputs are bytes unless the name says hex.
 */
import { BACKEND_NAME, hmacSha256Bytes, sha256Bytes, timingSafeEqualBytes } from './backend';
import { toBytes, toHex } from './encoding';

export {
  concatBytes,
  fromBase64,
  fromHex,
  fromUtf8,
  toBase64,
  toBytes,
  toHex,
  utf8,
} from './encoding';

/** Bytes or text; text is UTF-8 encoded. */
export type BytesLike = string | Uint8Array | ArrayBuffer;

/** SHA-256 digest. */
export function sha256(data: BytesLike): Uint8Array {
  return sha256Bytes(toBytes(data));
}

/** SHA-256 digest as lower-case hex. */
export function sha256Hex(data: BytesLike): string {
  return toHex(sha256(data));
}

/** HMAC-SHA256 of `data` under `key`. */
export function hmacSha256(key: BytesLike, data: BytesLike): Uint8Array {
  return hmacSha256Bytes(toBytes(key), toBytes(data));
}

/**
 * Constant-time equality of two byte strings (or UTF-8 strings). Unequal lengths return false
 * at once: the length of a signature is public, its content is what must not leak.
 */
export function timingSafeEqual(a: BytesLike, b: BytesLike): boolean {
  return timingSafeEqualBytes(toBytes(a), toBytes(b));
}

/** Which crypto implementation this build uses: `node` (node:crypto) or `noble` (@noble/hashes). */
export function cryptoBackend(): 'node' | 'noble' {
  return BACKEND_NAME;
}
