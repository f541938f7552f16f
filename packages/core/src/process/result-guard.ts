/**
 * The result guard: a handler result reaches the store only as JSON every store can hold.
 * A result a store refuses would make `complete` fail and lose the completion mark (the next
 * copy would run the handler again), so a doubtful result is dropped before it gets there and
 * the record completes without it.
 *
 * Refused: what JSON.stringify cannot serialize (BigInt, cycles, a throwing toJSON, a bare
 * function); lone UTF-16 surrogates in any string or key (not valid UTF-8: PostgreSQL, MySQL
 * and Redis clients reject or mangle them); NUL (PostgreSQL's jsonb refuses `\u0000`); more
 * than `maxBytes` UTF-8 bytes of JSON.
 */
import type { JsonValue } from '../store/types';
import type { ResultDropReason } from './outcome-types';

/** A result ready for the store, or why there is none. */
export interface GuardedResult {
  value?: JsonValue;
  dropped?: { reason: ResultDropReason; bytes?: number };
}

// JSON.stringify writes NUL as \u0000 and a lone surrogate as a \udXXX escape (well-formed
// pairs stay raw). Either escape counts only when preceded by an even run of backslashes:
// `\\u0000` is an escaped backslash followed by the text "u0000".
const NUL_ESCAPE = /(?<!\\)(?:\\\\)*\\u0000/;
const SURROGATE_ESCAPE = /(?<!\\)(?:\\\\)*\\ud[89a-f][0-9a-f]{2}/i;

/** UTF-8 length of `text`, counting only up to `limit + 1` (enough to know it is too long). */
export function utf8Length(text: string, limit = Number.POSITIVE_INFINITY): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= limit; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Check and copy a handler result for the store (a plain JSON copy, detached from the handler). */
export function guardResult(value: unknown, maxBytes: number): GuardedResult {
  if (value === undefined) return {};
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch {
    return { dropped: { reason: 'not_json' } };
  }
  if (text === undefined) return { dropped: { reason: 'not_json' } };
  // A UTF-16 unit is at most 3 UTF-8 bytes: a short text needs no count.
  if (text.length * 3 > maxBytes && utf8Length(text, maxBytes) > maxBytes) {
    return { dropped: { reason: 'too_large', bytes: utf8Length(text) } };
  }
  // Both escapes contain a backslash and `u`; most results have none, and one search is cheaper
  // than the two regexes.
  if (text.includes('\\u')) {
    if (NUL_ESCAPE.test(text)) return { dropped: { reason: 'nul_character' } };
    if (SURROGATE_ESCAPE.test(text)) return { dropped: { reason: 'lone_surrogate' } };
  }
  return { value: JSON.parse(text) as JsonValue };
}
