/**
 * Portable crypto backend (browsers, workers, Deno, Bun, edge runtimes): @noble/hashes is
 * synchronous and audited, so signature checks stay sync everywhere. The Node build replaces
 * this module with `backend.node.ts` at bundle time.
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';

/** Which implementation is active; reported by {@link cryptoBackend}. */
export const BACKEND_NAME: 'noble' | 'node' = 'noble';

export function sha256Bytes(data: Uint8Array): Uint8Array {
  return nobleSha256(data);
}

export function hmacSha256Bytes(key: Uint8Array, data: Uint8Array): Uint8Array {
  return hmac(nobleSha256, key, data);
}

export function timingSafeEqualBytes(a: Uint8Array, b: Uint8Array): boolean {
  // Length is not secret (every signature of a scheme has the same length); the content is.
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}
