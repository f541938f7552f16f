/**
 * `sha256-body:` digests: the SHA-256 of a JSON body's bytes exactly as the sender signed them,
 * for adapters whose verifier authenticates those very bytes (`digestOf: 'signed-body'`). No
 * sender or relay can re-serialize such a body without breaking its signature, so canonical
 * JSON buys nothing there, and hashing the bytes costs a fraction of serializing the parsed
 * value again (at 256 KB about an eighth).
 *
 * A member the provider changes between attempts (`digestExclude`, e.g. Stripe's
 * `pending_webhooks`) is cut out of the hashed bytes, value only, when it is a top-level member
 * with a number, boolean or null value that can be located for certain; otherwise the caller
 * falls back to the canonical digest. The answer depends only on the bytes, so every attempt of
 * one event takes the same branch.
 */
import { sha256HexOmitting } from './crypto/index';

/** `"key"` as JSON writes it, per excluded key (a handful per process), or undefined if not ASCII. */
const needles = new Map<string, string | undefined>();
function needleOf(key: string): string | undefined {
  if (needles.has(key)) return needles.get(key);
  const needle = JSON.stringify(key);
  const ascii = /^[\x20-\x7e]+$/.test(needle) ? needle : undefined;
  // Bounded: adapters exclude fixed keys; anything beyond is computed afresh each time.
  if (needles.size < 64) needles.set(key, ascii);
  return ascii;
}

/** What a signed-body digest starts with. */
export const BODY_DIGEST_PREFIX = 'sha256-body:';

/** A character of a JSON number token: `0-9 + - . e E`. */
const isNumberChar = (code: number) =>
  (code >= 0x30 && code <= 0x39) ||
  code === 0x2b ||
  code === 0x2d ||
  code === 0x2e ||
  (code | 0x20) === 0x65;

const isSpace = (code: number) => code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;

/** End of the literal value token at `start` whose parsed value is `value`, or -1. */
function tokenEnd(text: string, start: number, value: unknown): number {
  let end = start;
  if (typeof value === 'number') {
    while (end < text.length && isNumberChar(text.charCodeAt(end))) end++;
    return end > start && Object.is(Number(text.slice(start, end)), value) ? end : -1;
  }
  const literal = String(value);
  return text.startsWith(literal, start) ? start + literal.length : -1;
}

/** Any character beyond ASCII. */
const NON_ASCII = /[\u0080-\uffff]/g;

/**
 * The UTF-8 length of `text` from `from` on (decoder output: surrogates come in pairs), or -1
 * when it holds a U+FFFD, which may stand for invalid bytes of another length: the byte offsets
 * counted from it must be exact. ASCII is skipped by the regular expression engine.
 */
function utf8LengthFrom(text: string, from: number): number {
  let bytes = text.length - from;
  NON_ASCII.lastIndex = from;
  for (let found = NON_ASCII.exec(text); found !== null; found = NON_ASCII.exec(text)) {
    const code = found[0].charCodeAt(0);
    if (code === 0xfffd) return -1;
    // Two or three bytes for one unit; four for a surrogate pair (two units, one more each).
    bytes += code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 1 : 2;
  }
  return bytes;
}

/** True when the quote at `at` is escaped (an odd run of backslashes before it). */
function escaped(text: string, at: number): boolean {
  let run = 0;
  while (text.charCodeAt(at - 1 - run) === 0x5c) run++;
  return run % 2 === 1;
}

/**
 * True when the text from `from` on closes exactly one more container than it opens, and that
 * close is the document's last `}`: the member before `from` sits in the top-level object.
 * Strings are jumped over to their closing quote. Linear in the text after the member: about
 * 130 characters for Stripe, which writes `pending_webhooks` near the end; a member written
 * early in a large body costs a scan of the rest, still bounded by the body's length.
 */
function closesTopLevel(text: string, from: number): boolean {
  let depth = 0;
  for (let i = from; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x22) {
      let close = text.indexOf('"', i + 1);
      while (close > 0 && escaped(text, close)) close = text.indexOf('"', close + 1);
      if (close < 0) return false;
      i = close;
    } else if (code === 0x7b || code === 0x5b) depth++;
    else if (code === 0x7d || code === 0x5d) {
      if (--depth >= 0) continue;
      if (code !== 0x7d) return false;
      for (let j = i + 1; j < text.length; j++) if (!isSpace(text.charCodeAt(j))) return false;
      return true;
    }
  }
  return false;
}

/** Where a member sits: its key at `at`, its value from `start` to `end` (text offsets). */
interface MemberSpan {
  at: number;
  start: number;
  end: number;
  /** UTF-8 bytes from `end` to the end of the body. */
  tail: number;
}

/**
 * Where the top-level member whose key is written `needle` (`"key"`) is, or undefined when it
 * cannot be told for certain. The last occurrence of `"key"` is taken: preceded by `{` or `,`
 * its quote is structural, so (the text being valid JSON) it opens a key named exactly `key`;
 * when everything after its value closes just the top-level object, it is the last top-level
 * member of that name, the one `JSON.parse` kept.
 */
function memberSpan(
  text: string,
  bytes: number,
  needle: string,
  value: unknown,
): MemberSpan | undefined {
  const at = text.lastIndexOf(needle);
  if (at < 0) return undefined;
  let before = at - 1;
  while (before >= 0 && isSpace(text.charCodeAt(before))) before--;
  const opener = text.charCodeAt(before);
  if (opener !== 0x7b && opener !== 0x2c) return undefined;
  let start = at + needle.length;
  while (start < text.length && isSpace(text.charCodeAt(start))) start++;
  if (text.charCodeAt(start) !== 0x3a) return undefined;
  start++;
  while (start < text.length && isSpace(text.charCodeAt(start))) start++;
  const end = tokenEnd(text, start, value);
  if (end < 0) return undefined;
  if (!closesTopLevel(text, end)) return undefined;
  // Decoding never makes more units than bytes, and makes as many only when each unit is one
  // byte (ASCII, or one invalid byte as U+FFFD): then every offset is a byte offset already.
  const tail = text.length === bytes ? text.length - end : utf8LengthFrom(text, end);
  return tail < 0 ? undefined : { at, start, end, tail };
}

/** True when `bytes` from `offset` on are the (ASCII) characters of `text` from `from` to `to`. */
function holds(bytes: Uint8Array, offset: number, text: string, from: number, to: number): boolean {
  if (offset < 0) return false;
  for (let i = from; i < to; i++) {
    if (bytes[offset + i - from] !== text.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * The `sha256-body:` digest of a JSON object body, `rawBody` decoded as `text` and parsed as
 * `value`, without the values of the `exclude` members; undefined when an excluded member is
 * not a top-level primitive that can be cut out of the bytes for certain (nested paths,
 * wildcards, strings, objects), so the caller uses the canonical digest.
 */
export function signedBodyDigest(
  rawBody: Uint8Array,
  text: string,
  value: object,
  exclude: readonly string[],
): string | undefined {
  const cuts: [number, number][] = [];
  for (const key of exclude) {
    if (key.includes('.') || key.includes('*')) return undefined;
    if (!Object.hasOwn(value, key)) continue;
    const member = (value as Record<string, unknown>)[key];
    if (member !== null && typeof member !== 'number' && typeof member !== 'boolean') {
      return undefined;
    }
    const needle = needleOf(key);
    if (needle === undefined) return undefined;
    const span = memberSpan(text, rawBody.length, needle, member);
    if (span === undefined) return undefined;
    // Counted from the end: a byte order mark the decoder dropped stays outside. From the key
    // to the value's end every character is ASCII, one byte each, and the bytes must say so.
    const end = rawBody.length - span.tail;
    const start = end - (span.end - span.start);
    if (!holds(rawBody, start - (span.start - span.at), text, span.at, span.end)) return undefined;
    cuts.push([start, end]);
  }
  if (cuts.length > 1) cuts.sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < cuts.length; i++) {
    if ((cuts[i] as [number, number])[0] < (cuts[i - 1] as [number, number])[1]) return undefined;
  }
  return BODY_DIGEST_PREFIX + sha256HexOmitting(rawBody, cuts);
}
