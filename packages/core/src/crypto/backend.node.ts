/** Node crypto backend: node:crypto is native and faster than any JS implementation. */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** Which implementation is active; reported by {@link cryptoBackend}. */
export const BACKEND_NAME: 'noble' | 'node' = 'node';

export function sha256Bytes(data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(data).digest());
}

export function hmacSha256Bytes(key: Uint8Array, data: Uint8Array): Uint8Array {
  return new Uint8Array(createHmac('sha256', key).update(data).digest());
}

export function timingSafeEqualBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}
