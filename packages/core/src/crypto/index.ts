/**
 * Crypto helpers every adapter uses: HMAC-SHA256, SHA-256, constant-time comparison and
 * hex/base64. Inputs may be strings (UTF-8) or bytes; outputs are bytes unless the name says hex.
 */
import {
  BACKEND_NAME,
  hmacSha256Parts,
  sha256Bytes,
  sha256HexOmitting,
  sha256TextHex,
  timingSafeEqualBytes,
} from './backend';
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
/** SHA-256 of bytes without some byte ranges, as lower-case hex, without copying the rest per range. */
export { sha256HexOmitting };

/** Bytes or text; text is UTF-8 encoded. */
export type BytesLike = string | Uint8Array | ArrayBuffer;

/** SHA-256 digest. */
export function sha256(data: BytesLike): Uint8Array {
  return sha256Bytes(toBytes(data));
}

/** SHA-256 digest as lower-case hex. */
export function sha256Hex(data: BytesLike): string {
  return typeof data === 'string' ? sha256TextHex(data) : toHex(sha256(data));
}

/** Text stays text (the Node backend hands it to OpenSSL without an encoding pass). */
const input = (data: BytesLike): string | Uint8Array =>
  data instanceof ArrayBuffer ? new Uint8Array(data) : data;

/**
 * HMAC-SHA256 of `data` under `key`. `data` may be a list of parts, MACed one after the other
 * as if concatenated (a timestamp prefix and the body, without copying the body).
 */
export function hmacSha256(key: BytesLike, data: BytesLike | readonly BytesLike[]): Uint8Array {
  const parts = Array.isArray(data)
    ? (data as readonly BytesLike[]).map(input)
    : [input(data as BytesLike)];
  return hmacSha256Parts(input(key), parts);
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
