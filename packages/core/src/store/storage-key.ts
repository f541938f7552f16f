/**
 * How a store keeps keys of any length and content apart. Databases fold some distinct strings
 * into one (MySQL's PAD SPACE collations ignore trailing spaces, case-insensitive collations fold
 * case), refuse others (PostgreSQL text cannot hold NUL, a B-tree entry cannot exceed about
 * 2.7 KB) and UTF-8 drivers turn lone surrogates into U+FFFD. So every store stores
 * `storageKey(prefix + key)` instead of the key itself:
 *
 * - a "plain" key (1 to 200 printable ASCII characters, no space, not starting with `~`) is
 *   stored verbatim, so operators can read and list it;
 * - any other key is stored as `~sha256:` + the hex SHA-256 of its UTF-16 code units (so lone
 *   surrogates and NUL count), 72 ASCII characters.
 *
 * The map is injective in practice: plain keys map to themselves and never start with `~`, and
 * two digest forms collide only if SHA-256 does. Stores keep the caller's key itself in a
 * side field (for `DedupeRecord.key`), encoded with {@link encodeKey}.
 *
 * A store's own namespace prefix is validated once (printable ASCII, no space, at most 55
 * characters) and written as `prefix + storageKey(key)`, so every stored key is at most 255
 * ASCII characters and prefix listing still works for plain keys.
 */
import { sha256Hex } from '../crypto/index';

/** Longest key stored verbatim. Fits every index we ship (MySQL's 767-byte limit included). */
export const MAX_PLAIN_KEY_LENGTH = 200;

/** Prefix of the digest form. */
export const DIGEST_KEY_PREFIX = '~sha256:';

const PLAIN = /^[\x21-\x7e]+$/;

/** True when `key` is stored verbatim by {@link storageKey}. */
export function isPlainKey(key: string): boolean {
  return key.length > 0 && key.length <= MAX_PLAIN_KEY_LENGTH && PLAIN.test(key) && key[0] !== '~';
}

function utf16Bytes(key: string): Uint8Array {
  const bytes = new Uint8Array(key.length * 2);
  for (let i = 0; i < key.length; i++) {
    const unit = key.charCodeAt(i);
    bytes[2 * i] = unit & 0xff;
    bytes[2 * i + 1] = unit >> 8;
  }
  return bytes;
}

/** The ASCII form a store writes for `key`: the key itself when plain, else its digest form. */
export function storageKey(key: string): string {
  return isPlainKey(key) ? key : DIGEST_KEY_PREFIX + sha256Hex(utf16Bytes(key));
}

/**
 * The caller's key as ASCII-safe text for a side field: JSON string syntax with every code unit
 * outside printable ASCII escaped, so NUL, lone surrogates and trailing spaces survive any
 * driver, charset and collation. {@link decodeKey} reverses it.
 */
export function encodeKey(key: string): string {
  let out = '';
  for (let i = 0; i < key.length; i++) {
    const unit = key.charCodeAt(i);
    if (unit >= 0x21 && unit <= 0x7e && unit !== 0x5c) out += key[i];
    else out += `\\u${unit.toString(16).padStart(4, '0')}`;
  }
  return out;
}

/** Reverse of {@link encodeKey}. */
export function decodeKey(encoded: string): string {
  return encoded.replace(/\\u([0-9a-f]{4})/g, (_, hex: string) =>
    String.fromCharCode(Number.parseInt(hex, 16)),
  );
}
