/**
 * Base64 for keys and signature entries, on the web-standard `atob`/`btoa` (every runtime has
 * them). Decoding is strict about the alphabet (standard or URL-safe, padding optional) so that
 * a mistyped key fails at startup instead of decoding to different bytes.
 */

const BASE64_TEXT = /^[A-Za-z0-9+/\-_]*={0,2}$/;

/** The bytes of `text`, or `null` when it is not base64. */
export function decodeBase64(text: string): Uint8Array | null {
  if (!BASE64_TEXT.test(text) || text.length % 4 === 1) return null;
  let binary: string;
  try {
    // Most entries are standard base64: no copy for them.
    const standard =
      text.includes('-') || text.includes('_') ? text.replace(/-/g, '+').replace(/_/g, '/') : text;
    binary = atob(standard);
  } catch {
    return null;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Standard, padded base64 of `bytes`. */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}
