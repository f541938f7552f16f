/**
 * The character codes of JSON's structure, for the scanners that read JSON text or bytes
 * without parsing it (json-depth.ts, exact-numbers.ts). Each is one byte in UTF-8 and never part
 * of a multi-byte sequence, so byte and UTF-16 scans read them alike.
 */
export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const COMMA = 0x2c;
export const MINUS = 0x2d;
export const OPEN_ARRAY = 0x5b;
export const CLOSE_ARRAY = 0x5d;
export const OPEN_OBJECT = 0x7b;
export const CLOSE_OBJECT = 0x7d;
