/**
 * Portable crypto backend (browsers, workers, Deno, Bun, edge runtimes): @noble/hashes is
 * synchronous and audited, so signature checks stay sync everywhere. The Node build replaces
 * this module with `backend.node.ts` at bundle time.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { toHex, utf8 } from './encoding';

/** Which implementation is active; reported by {@link cryptoBackend}. */
export const BACKEND_NAME: 'noble' | 'node' = 'noble';

/** Text is UTF-8; Node hands it to OpenSSL as it is, this backend encodes it first. */
type Input = string | Uint8Array;

const bytes = (input: Input): Uint8Array => (typeof input === 'string' ? utf8(input) : input);

export function sha256Bytes(data: Uint8Array): Uint8Array {
  return nobleSha256(data);
}

/** SHA-256 hex of `bytes` without the byte ranges `omit` (`[start, end)`, sorted, apart). */
export function sha256HexOmitting(
  bytes: Uint8Array,
  omit: readonly (readonly [number, number])[],
): string {
  const hash = nobleSha256.create();
  let from = 0;
  for (const [start, end] of omit) {
    hash.update(bytes.subarray(from, start));
    from = end;
  }
  hash.update(bytes.subarray(from));
  return toHex(hash.digest());
}

export function sha256TextHex(text: string): string {
  return toHex(nobleSha256(utf8(text)));
}

/** HMAC-SHA256 of the parts one after the other, without concatenating them first. */
export function hmacSha256Parts(key: Input, parts: readonly Input[]): Uint8Array {
  const mac = hmac.create(nobleSha256, bytes(key));
  for (const part of parts) mac.update(bytes(part));
  return mac.digest();
}

export function timingSafeEqualBytes(a: Uint8Array, b: Uint8Array): boolean {
  // Length is not secret (every signature of a scheme has the same length); the content is.
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}
