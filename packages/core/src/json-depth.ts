/**
 * The nesting limit of JSON bodies, so nothing downstream (schemas, fingerprints, the user's
 * handler) ever sees a body nested deeper than `maxDepth`. Checked on the raw bytes in one
 * linear pass without recursion (`parseJsonBody`, and any body `JSON.parse` refuses), or on the
 * parsed value by a walk that stops at the limit (`createAdapter`'s `json()`).
 */
import { PayloadError } from './errors';
import { BACKSLASH, CLOSE_ARRAY, CLOSE_OBJECT, OPEN_ARRAY, OPEN_OBJECT, QUOTE } from './json-codes';

/**
 * Default `maxDepth` of every adapter: far deeper than any provider's payloads (Stripe, GitHub
 * and Shopify stay under 15 levels) and far below the ~1,500 levels at which recursive code
 * overflows the stack.
 */
export const DEFAULT_MAX_DEPTH = 128;

/**
 * True when the JSON text in `bytes` opens more than `maxDepth` arrays/objects inside each
 * other. Brackets inside strings do not count. UTF-8 multi-byte sequences never contain these
 * ASCII bytes, so scanning bytes is exact. Invalid JSON gives some answer; the parser then
 * rejects it anyway.
 */
export function jsonDepthExceeds(bytes: Uint8Array, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) {
      inString = true;
    } else if (byte === OPEN_ARRAY || byte === OPEN_OBJECT) {
      if (++depth > maxDepth) return true;
    } else if (byte === CLOSE_ARRAY || byte === CLOSE_OBJECT) {
      depth--;
    }
  }
  return false;
}

/**
 * True when a parsed JSON value nests arrays/objects more than `maxDepth` levels deep. Walks
 * containers only and stops at the limit, so its recursion is bounded by `maxDepth`; about a
 * tenth of the byte scan above on the same body, for callers that parse first anyway.
 */
export function jsonValueDepthExceeds(value: unknown, maxDepth: number): boolean {
  return typeof value === 'object' && value !== null && deeper(value, maxDepth);
}

/** True when `value` (a container) holds containers `left` or more levels below it. */
function deeper(value: object, left: number): boolean {
  if (left === 0) return true;
  // Primitives are skipped in the loop: most members are, and a call per member costs a third.
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const child: unknown = value[i];
      if (typeof child === 'object' && child !== null && deeper(child, left - 1)) return true;
    }
    return false;
  }
  for (const key in value) {
    const child: unknown = (value as Record<string, unknown>)[key];
    if (typeof child === 'object' && child !== null && deeper(child, left - 1)) return true;
  }
  return false;
}

/** PAYLOAD_TOO_DEEP (400): names the limit only, never any of the body. */
export function payloadTooDeep(maxDepth: number): PayloadError {
  return new PayloadError(
    'PAYLOAD_TOO_DEEP',
    `The body nests arrays/objects more than ${maxDepth} levels deep (maxDepth).`,
    { details: { maxDepth } },
  );
}

/** Throw PAYLOAD_TOO_DEEP when `bytes` nests deeper than `maxDepth`. */
export function checkJsonDepth(bytes: Uint8Array, maxDepth: number): void {
  if (jsonDepthExceeds(bytes, maxDepth)) throw payloadTooDeep(maxDepth);
}
