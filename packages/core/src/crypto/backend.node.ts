/** Node crypto backend: node:crypto is native and faster than any JS implementation. */
import { createHash, createHmac, hash, timingSafeEqual } from 'node:crypto';
import { binaryBytes, binaryInto } from './encoding';

/** Which implementation is active; reported by {@link cryptoBackend}. */
export const BACKEND_NAME: 'noble' | 'node' = 'node';

/** Text is handed to OpenSSL as UTF-8 directly: no encoding pass in JavaScript. */
type Input = string | Uint8Array;

// Digests are asked for as `binary` (latin1) text, one character per byte, and copied into
// bytes: `crypto.hash` answers a 32-character string about 0.6 µs sooner than a Buffer.
export function sha256Bytes(data: Uint8Array): Uint8Array {
  return binaryBytes(hash('sha256', data, 'binary'));
}

/** Bodies up to this many bytes are compacted into one scratch buffer and hashed in one call. */
const SCRATCH_BYTES = 65_536;
const scratch = new Uint8Array(SCRATCH_BYTES);

/**
 * SHA-256 hex of `bytes` without the byte ranges `omit` (`[start, end)`, sorted, apart). A small
 * body is copied into one scratch buffer, the omitted ranges squeezed out in place, and hashed
 * by the one-shot `crypto.hash`: no view per range, no Hash object and its update calls (which
 * cost more than the copy: about 2.4 against 4.1 µs at 2 KB). A large one streams through a
 * Hash, uncopied.
 */
export function sha256HexOmitting(
  bytes: Uint8Array,
  omit: readonly (readonly [number, number])[],
): string {
  if (omit.length === 0) return hash('sha256', bytes, 'hex');
  if (bytes.length <= SCRATCH_BYTES) {
    scratch.set(bytes);
    let to = (omit[0] as readonly [number, number])[0];
    for (let i = 0; i < omit.length; i++) {
      const from = (omit[i] as readonly [number, number])[1];
      const next =
        i + 1 < omit.length ? (omit[i + 1] as readonly [number, number])[0] : bytes.length;
      scratch.copyWithin(to, from, next);
      to += next - from;
    }
    return hash('sha256', scratch.subarray(0, to), 'hex');
  }
  const digest = createHash('sha256');
  let from = 0;
  for (const [start, end] of omit) {
    digest.update(bytes.subarray(from, start));
    from = end;
  }
  digest.update(bytes.subarray(from));
  return digest.digest('hex');
}

/** One-shot `crypto.hash` (Node 20.12+): no Hash object per call. */
export function sha256TextHex(text: string): string {
  return hash('sha256', text, 'hex');
}

/** SHA-256's block: HMAC pads its key to this many bytes (RFC 2104). */
const BLOCK = 64;
/** The inner message: the key's inner pad, then the parts, for messages up to SCRATCH_BYTES. */
const inner = Buffer.alloc(BLOCK + SCRATCH_BYTES);
/** `inner` as a plain typed array: its views cost less to make than a Buffer's. */
const innerBytes = new Uint8Array(inner.buffer, inner.byteOffset, inner.length);
/** The outer message: the key's outer pad, then the inner digest. */
const outer = Buffer.alloc(BLOCK + 32);
/** Typed arrays' own `fill`: Buffer's override parses its arguments first (strings, encodings). */
const fillBytes = Uint8Array.prototype.fill;

/**
 * Write `text` as UTF-8 into `inner` at `at`; its byte count. Short ASCII text (a signed
 * timestamp prefix, a secret) is copied by a loop: `Buffer.write` costs more to call than
 * that copy. Anything else goes to `Buffer.write`, from the text's start.
 */
function writeText(text: string, at: number): number {
  if (text.length > 64) return inner.write(text, at);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 0x7f) return inner.write(text, at);
    inner[at + i] = code;
  }
  return text.length;
}

/**
 * HMAC-SHA256 of the parts one after the other. A message up to 64 KB is MACed by its
 * definition, `H(K ^ opad || H(K ^ ipad || message))`, with two one-shot `crypto.hash` calls
 * over scratch buffers: an Hmac object, its key setup and its update calls cost more than
 * the copy (about 2.5 against 3.9 µs at 2 KB). A longer message streams through an Hmac.
 */
export function hmacSha256Parts(key: Input, parts: readonly Input[]): Uint8Array {
  // An upper bound of the message's bytes: a UTF-16 unit is at most 3 bytes of UTF-8.
  let bound = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as Input;
    bound += typeof part === 'string' ? part.length * 3 : part.length;
  }
  if (
    bound > SCRATCH_BYTES ||
    (typeof key === 'string' ? key.length * 3 : key.length) > SCRATCH_BYTES
  ) {
    const mac = createHmac('sha256', key);
    for (const part of parts) mac.update(part);
    return binaryBytes(mac.digest('binary'));
  }
  // A text key's bytes go where the message will be written, then become the two pads.
  const keyWritten = typeof key === 'string' ? writeText(key, 0) : 0;
  let keyBytes: Uint8Array = typeof key === 'string' ? innerBytes.subarray(0, keyWritten) : key;
  if (keyBytes.length > BLOCK) keyBytes = sha256Bytes(keyBytes);
  for (let i = 0; i < BLOCK; i++) {
    const byte = i < keyBytes.length ? (keyBytes[i] as number) : 0;
    outer[i] = byte ^ 0x5c;
    inner[i] = byte ^ 0x36;
  }
  let length = BLOCK;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as Input;
    if (typeof part === 'string') length += writeText(part, length);
    else {
      inner.set(part, length);
      length += part.length;
    }
  }
  // The inner digest goes after the outer pad (digests as `binary` text, see sha256Bytes).
  binaryInto(hash('sha256', innerBytes.subarray(0, length), 'binary'), outer, BLOCK);
  const mac = binaryBytes(hash('sha256', outer, 'binary'));
  // The pads (and a long text key) are the key in other forms: none of it stays in module
  // memory between calls.
  fillBytes.call(inner, 0, 0, Math.max(BLOCK, keyWritten));
  fillBytes.call(outer, 0, 0, BLOCK);
  return mac;
}

/** Comparisons up to this many bytes (every signature scheme's) go through the views below. */
const COMPARE_BYTES = 256;
const compareLeft = new Uint8Array(new ArrayBuffer(COMPARE_BYTES));
const compareRight = new Uint8Array(new ArrayBuffer(COMPARE_BYTES));
/** Views of the two buffers by length, made once each: `[left, right]`. */
const compareViews: Array<readonly [Uint8Array, Uint8Array] | undefined> = [];

/**
 * `crypto.timingSafeEqual` on copies in two fixed buffers. A MAC or a decoded signature is a
 * small typed array, which V8 keeps inside the JS heap; handing one to native code moves its
 * bytes out first, an allocation that costs more than the comparison (about 0.6-1.4 µs for
 * the pair, against 0.15 µs with the copies).
 */
export function timingSafeEqualBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  if (a.length > COMPARE_BYTES) return timingSafeEqual(a, b);
  let views = compareViews[a.length];
  if (views === undefined) {
    views = [compareLeft.subarray(0, a.length), compareRight.subarray(0, a.length)];
    compareViews[a.length] = views;
  }
  views[0].set(a);
  views[1].set(b);
  const equal = timingSafeEqual(views[0], views[1]);
  views[0].fill(0);
  views[1].fill(0);
  return equal;
}
