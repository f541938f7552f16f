/**
 * Handler results as the database's JSON column can hold them. PostgreSQL `jsonb` rejects the
 * escape `\u0000` and a lone surrogate escape (`\ud800`), and MariaDB's `JSON` CHECK rejects the
 * latter, yet both are valid JSON that `JSON.stringify` produces. Rather than let such a result
 * fail `complete` (and the event then run twice), the JSON text is kept as a string inside a
 * one-key wrapper object, which every JSON column accepts:
 *
 *     {"$hooklatch.json": "<the JSON text>"}
 *
 * A user result that itself looks like the wrapper is wrapped too, so decoding is exact.
 */
import type { JsonValue } from '@hooklatch/core';

/** The one key of the wrapper object. */
export const WRAPPED_RESULT_KEY = '$hooklatch.json';

// An escaping backslash (not itself escaped) before u0000 or a surrogate. JSON.stringify writes
// surrogate pairs as the characters themselves, so any \ud800-\udfff escape it wrote is lone.
const UNSAFE_ESCAPE = /(?<!\\)(?:\\\\)*\\u(?:0000|d[89a-f][0-9a-f]{2})/i;

function looksWrapped(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length === 1 && keys[0] === WRAPPED_RESULT_KEY;
}

/** JSON text for the result column, or null when there is no result. */
export function encodeResult(result: JsonValue | undefined): string | null {
  if (result === undefined) return null;
  const text = JSON.stringify(result);
  if (!UNSAFE_ESCAPE.test(text) && !looksWrapped(result)) return text;
  return JSON.stringify({ [WRAPPED_RESULT_KEY]: text });
}

/** The result as the handler stored it, from a column value (JSON text, parsed JSON or bytes). */
export function decodeResult(value: unknown): JsonValue | undefined {
  if (value === null || value === undefined) return undefined;
  // MySQL's JSON type may come back already parsed; text columns come back as JSON text.
  let parsed: unknown = value;
  if (typeof value === 'string') parsed = JSON.parse(value);
  else if (Buffer.isBuffer(value)) parsed = JSON.parse(value.toString('utf8'));
  if (looksWrapped(parsed) && typeof parsed[WRAPPED_RESULT_KEY] === 'string') {
    return JSON.parse(parsed[WRAPPED_RESULT_KEY]) as JsonValue;
  }
  return parsed as JsonValue;
}
