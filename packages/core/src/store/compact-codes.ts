/**
 * Packing of the two fixed-shape strings the memory store keeps per record, so a record costs
 * a few words of a typed array instead of a heap string each (a 26-character token string is
 * 48 bytes, a `sha256:` digest string 88): claim tokens (ULIDs, 26 Crockford base32 characters)
 * in 5 words, and `sha256:` or `sha256-body:` + 64 lowercase hex digests in 8 words. Reads
 * rebuild the strings.
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < CROCKFORD.length; i++) VALUE[CROCKFORD.charCodeAt(i)] = i;

/** Words per packed token: 6 characters of 5 bits per 32-bit word. */
export const TOKEN_WORDS = 5;
const TOKEN_LENGTH = 26;
/** A token's words before they are known to be valid. */
const PACKED = new Uint32Array(TOKEN_WORDS);

/**
 * Pack a ULID into `words[offset .. offset + 4]`; false (nothing written) if it is not one.
 * One pass: each character is validated as it is packed, and the words are written only after
 * the last one checked out.
 */
export function packToken(token: string, words: Uint32Array, offset: number): boolean {
  if (token.length !== TOKEN_LENGTH) return false;
  // `bad` collects any code unit above 127 and the sign bit of VALUE's -1 (not Crockford).
  let bad = 0;
  for (let word = 0; word < TOKEN_WORDS; word++) {
    let value = 0;
    const end = Math.min(TOKEN_LENGTH, 6 * word + 6);
    for (let i = 6 * word; i < end; i++) {
      const code = token.charCodeAt(i);
      const digit = VALUE[code & 127] as number;
      bad |= (code & ~127) | (digit & 128);
      value = (value << 5) | (digit & 31);
    }
    PACKED[word] = value;
  }
  if (bad !== 0) return false;
  for (let word = 0; word < TOKEN_WORDS; word++) words[offset + word] = PACKED[word] as number;
  return true;
}

/** The ULID packed at `offset`. */
export function unpackToken(words: Uint32Array, offset: number): string {
  let out = '';
  for (let word = 0; word < TOKEN_WORDS; word++) {
    const value = words[offset + word] as number;
    const chars = word === TOKEN_WORDS - 1 ? TOKEN_LENGTH - 6 * word : 6;
    for (let c = chars - 1; c >= 0; c--) out += CROCKFORD[(value >>> (5 * c)) & 31];
  }
  return out;
}

/** Words per packed digest. */
export const DIGEST_WORDS = 8;
/** The digest schemes kept packed, each followed by 64 lowercase hex digits. */
const DIGEST_PREFIXES = ['sha256:', 'sha256-body:'] as const;
const HEX_DIGITS = 8 * DIGEST_WORDS;
/** Lowercase hex digit values by byte, -1 for anything else (every byte >= 0x80 included). */
const HEX = new Int8Array(256).fill(-1);
for (let i = 0; i < 16; i++) HEX['0123456789abcdef'.charCodeAt(i)] = i;
const encoder = new TextEncoder();
/** A digest's UTF-8 bytes, one more than the longest packed digest needs, so a longer one shows. */
const DIGEST_BYTES = new Uint8Array(DIGEST_PREFIXES[1].length + HEX_DIGITS + 1);

/** The scheme code of a digest that may pack: 1 + the index of its prefix, else 0. */
function schemeCode(digest: string): number {
  if (digest.length === DIGEST_PREFIXES[0].length + HEX_DIGITS) {
    return digest.startsWith(DIGEST_PREFIXES[0]) ? 1 : 0;
  }
  if (digest.length === DIGEST_PREFIXES[1].length + HEX_DIGITS) {
    return digest.startsWith(DIGEST_PREFIXES[1]) ? 2 : 0;
  }
  return 0;
}

/**
 * Pack a `sha256:` or `sha256-body:` + 64 lowercase hex digest at `offset` and answer its
 * scheme code (1 + the prefix's index, for {@link unpackDigest}); 0 otherwise, in which case
 * the eight words may hold garbage (the caller keeps such a digest as a string and never reads
 * them). The digest is copied to bytes by one `encodeInto` (native, about half the cost of 64
 * `charCodeAt` calls) and decoded eight digits a word. As many bytes written as characters
 * means every character was ASCII: any other code unit takes two or three bytes, and a byte
 * >= 0x80 that does land in the hex part decodes to -1.
 */
export function packDigest(digest: string, words: Uint32Array, offset: number): number {
  const scheme = schemeCode(digest);
  if (scheme === 0) return 0;
  if (encoder.encodeInto(digest, DIGEST_BYTES).written !== digest.length) return 0;
  const bytes = DIGEST_BYTES;
  // `bad` collects the sign of any -1 (not lowercase hex).
  let bad = 0;
  for (let word = 0, i = digest.length - HEX_DIGITS; word < DIGEST_WORDS; word++, i += 8) {
    const d0 = HEX[bytes[i] as number] as number;
    const d1 = HEX[bytes[i + 1] as number] as number;
    const d2 = HEX[bytes[i + 2] as number] as number;
    const d3 = HEX[bytes[i + 3] as number] as number;
    const d4 = HEX[bytes[i + 4] as number] as number;
    const d5 = HEX[bytes[i + 5] as number] as number;
    const d6 = HEX[bytes[i + 6] as number] as number;
    const d7 = HEX[bytes[i + 7] as number] as number;
    bad |= d0 | d1 | d2 | d3 | d4 | d5 | d6 | d7;
    words[offset + word] =
      (d0 << 28) | (d1 << 24) | (d2 << 20) | (d3 << 16) | (d4 << 12) | (d5 << 8) | (d6 << 4) | d7;
  }
  return bad >= 0 ? scheme : 0;
}

/** The digest packed at `offset` with scheme code `scheme` (what {@link packDigest} answered). */
export function unpackDigest(words: Uint32Array, offset: number, scheme: number): string {
  let out: string = DIGEST_PREFIXES[scheme - 1] as string;
  for (let i = 0; i < DIGEST_WORDS; i++) {
    out += (words[offset + i] as number).toString(16).padStart(8, '0');
  }
  return out;
}
