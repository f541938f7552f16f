/** Byte/text conversions that behave the same on every runtime (no Buffer required). */

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { fatal: false });

/** UTF-8 encode a string. */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** UTF-8 decode bytes (invalid sequences become U+FFFD, they never throw). */
export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

const strict = new TextDecoder('utf-8', { fatal: true });

/** Whether `bytes` are valid UTF-8 (the decoder refuses what {@link fromUtf8} would replace). */
export function isUtf8(bytes: Uint8Array): boolean {
  try {
    strict.decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Lower-case hex encoding. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += HEX[b];
  return out;
}

/** The value of each hex digit by char code (either case), -1 for anything else. */
const NIBBLE = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) {
  NIBBLE[i.toString(16).charCodeAt(0)] = i;
  NIBBLE[i.toString(16).toUpperCase().charCodeAt(0)] = i;
}

const nibble = (code: number): number => (code < 128 ? (NIBBLE[code] as number) : -1);

/** Decode hex (either case). Returns `null` for odd length or non-hex characters. */
export function fromHex(hex: string): Uint8Array | null {
  if (hex.length % 2 !== 0) return null;
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) {
    const high = nibble(hex.charCodeAt(2 * i));
    const low = nibble(hex.charCodeAt(2 * i + 1));
    if (high < 0 || low < 0) return null;
    out[i] = (high << 4) | low;
  }
  return out;
}

/** Copy `binary` text (one character per byte, as `atob` and latin1 give it) into `target` at `at`. */
export function binaryInto(binary: string, target: Uint8Array, at: number): void {
  for (let i = 0; i < binary.length; i++) target[at + i] = binary.charCodeAt(i);
}

/** The bytes of `binary` text (one character per byte). */
export function binaryBytes(binary: string): Uint8Array {
  const bytes = new Uint8Array(binary.length);
  binaryInto(binary, bytes, 0);
  return bytes;
}

/** Standard base64 (with padding). */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

/** Decode standard or URL-safe base64, padded or not. Returns `null` when it is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  // Most signatures are standard base64: no copy for them.
  const normalized =
    text.includes('-') || text.includes('_') ? text.replace(/-/g, '+').replace(/_/g, '/') : text;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(normalized)) return null;
  const padded = normalized.padEnd(normalized.length + ((4 - (normalized.length % 4)) % 4), '=');
  try {
    return binaryBytes(atob(padded));
  } catch {
    return null;
  }
}

/** Accept the byte-ish inputs users have and return a Uint8Array view (no copy when possible). */
export function toBytes(data: string | Uint8Array | ArrayBuffer): Uint8Array {
  if (typeof data === 'string') return utf8(data);
  if (data instanceof Uint8Array) return data;
  return new Uint8Array(data);
}

/** Concatenate byte arrays. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}
