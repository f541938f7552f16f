/** Node crypto backend: node:crypto is native and faster than any JS implementation. */
import { createHash, createHmac, hash, timingSafeEqual } from 'node:crypto';

/** Which implementation is active; reported by {@link cryptoBackend}. */
export const BACKEND_NAME: 'noble' | 'node' = 'node';

/** Text is handed to OpenSSL as UTF-8 directly: no encoding pass in JavaScript. */
type Input = string | Uint8Array;

export function sha256Bytes(data: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(data).digest());
}

/** One-shot `crypto.hash` (Node 20.12+): no Hash object per call. */
export function sha256TextHex(text: string): string {
  return hash('sha256', text, 'hex');
}

/** HMAC-SHA256 of the parts one after the other, without concatenating them first. */
export function hmacSha256Parts(key: Input, parts: readonly Input[]): Uint8Array {
  const mac = createHmac('sha256', key);
  for (const part of parts) mac.update(part);
  return new Uint8Array(mac.digest());
}

export function timingSafeEqualBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  return timingSafeEqual(a, b);
}
