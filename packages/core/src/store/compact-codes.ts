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
  // Validate all 26 characters before the first write, so a bad token leaves the slot as it was.
  for (let i = 0; i < TOKEN_LENGTH; i++) {
    const code = token.charCodeAt(i);
    if (code >= 128 || (VALUE[code] as number) < 0) return false;
  }
  for (let word = 0; word < TOKEN_WORDS; word++) {
    let value = 0;
    const end = Math.min(TOKEN_LENGTH, 6 * word + 6);
    for (let i = 6 * word; i < end; i++)
      value = value * 32 + (VALUE[token.charCodeAt(i)] as number);
    words[offset + word] = value;
  }
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
const DIGEST_PREFIX = 'sha256:';
const DIGEST_LENGTH = DIGEST_PREFIX.length + 8 * DIGEST_WORDS;
/** Lowercase hex digit values by character code, -1 for anything else. */
const HEX = new Int8Array(128).fill(-1);
for (let i = 0; i < 16; i++) HEX['0123456789abcdef'.charCodeAt(i)] = i;

/** Pack a `sha256:` + 64 lowercase hex digest at `offset`; false (nothing written) otherwise. */
export function packDigest(digest: string, words: Uint32Array, offset: number): boolean {
  if (digest.length !== DIGEST_LENGTH || !digest.startsWith(DIGEST_PREFIX)) return false;
  for (let i = DIGEST_PREFIX.length; i < DIGEST_LENGTH; i++) {
    const code = digest.charCodeAt(i);
    if (code >= 128 || (HEX[code] as number) < 0) return false;
  }
  for (let word = 0; word < DIGEST_WORDS; word++) {
    let value = 0;
    const start = DIGEST_PREFIX.length + 8 * word;
    for (let i = start; i < start + 8; i++)
      value = value * 16 + (HEX[digest.charCodeAt(i)] as number);
    words[offset + word] = value;
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
