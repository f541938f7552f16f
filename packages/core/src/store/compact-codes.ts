/**
 * Packing of the two fixed-shape strings the memory store keeps per record, so a record costs
 * a few words of a typed array instead of a heap string each (a 26-character token string is
 * 48 bytes, a `sha256:` digest string 88): claim tokens (ULIDs, 26 Crockford base32 characters)
 * in 5 words, and `sha256:` + 64 lowercase hex digests in 8 words. Reads rebuild the strings.
 */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < CROCKFORD.length; i++) VALUE[CROCKFORD.charCodeAt(i)] = i;

/** Words per packed token: 6 characters of 5 bits per 32-bit word. */
export const TOKEN_WORDS = 5;
const TOKEN_LENGTH = 26;

/** Pack a ULID into `words[offset .. offset + 4]`; false (nothing written) if it is not one. */
export function packToken(token: string, words: Uint32Array, offset: number): boolean {
  if (token.length !== TOKEN_LENGTH) return false;
  const packed = [0, 0, 0, 0, 0];
  for (let i = 0; i < TOKEN_LENGTH; i++) {
    const code = token.charCodeAt(i);
    const value = code < 128 ? (VALUE[code] as number) : -1;
    if (value < 0) return false;
    const word = (i / 6) | 0;
    packed[word] = (packed[word] as number) * 32 + value;
  }
  words.set(packed, offset);
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
const DIGEST = /^sha256:[0-9a-f]{64}$/;

/** Pack a `sha256:` + 64 lowercase hex digest at `offset`; false for any other string. */
export function packDigest(digest: string, words: Uint32Array, offset: number): boolean {
  if (!DIGEST.test(digest)) return false;
  for (let i = 0; i < DIGEST_WORDS; i++) {
    words[offset + i] = Number.parseInt(digest.slice(7 + 8 * i, 15 + 8 * i), 16);
  }
  return true;
}

/** The digest packed at `offset`. */
export function unpackDigest(words: Uint32Array, offset: number): string {
  let out = 'sha256:';
  for (let i = 0; i < DIGEST_WORDS; i++) {
    out += (words[offset + i] as number).toString(16).padStart(8, '0');
  }
  return out;
}
