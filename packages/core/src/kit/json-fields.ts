/**
 * Reading a JSON webhook body and its fields with typed errors: form bodies and non-objects are
 * PAYLOAD_MALFORMED / PAYLOAD_INVALID, missing or non-ISO fields name their JSON path.
 */

import { signedBodyDigest } from '../body-digest';
import { canonicalJsonWithout } from '../canonical-json';
import type { CanonicalBody } from '../canonical-memo';
import { fromUtf8, sha256Hex } from '../crypto/index';
import { PayloadError } from '../errors';
import type { RawDelivery } from '../event';
import { ExactNumber, exactNumbersOf } from '../exact-numbers';
import {
  type JsonBodyOptions,
  parseCanonicalBody,
  parseDecodedBody,
  parseJsonBody,
} from '../payload';
import { DIGEST_PREFIX } from '../payload-digest';

/** A parsed JSON object body. */
export type JsonObject = Record<string, unknown>;

/**
 * PAYLOAD_INVALID for one field, in the format `validatePayload` uses:
 * `<provider> payload failed validation: <path>: <expectation>`, the issue in `details.issues`.
 */
export function payloadInvalid(provider: string, path: string, expectation: string): PayloadError {
  return new PayloadError(
    'PAYLOAD_INVALID',
    `${provider} payload failed validation: ${path}: ${expectation}`,
    { details: { issues: [{ path, message: expectation }] } },
  );
}

/** The media type (before any parameters) of a form body; anchored, so nothing else matches. */
const FORM_TYPES = /^\s*(application\/x-www-form-urlencoded|multipart\/form-data)\s*(?:;|$)/i;

/** PAYLOAD_MALFORMED for a form-encoded body: a sender set up to post form fields. */
function refuseFormBody(delivery: RawDelivery, provider: string): void {
  const contentType = delivery.headers['content-type'];
  const form = contentType === undefined ? null : FORM_TYPES.exec(contentType);
  if (form === null) return;
  // Only the recognised media type is named: the rest of the header is the sender's text.
  const mediaType = (form[1] as string).toLowerCase();
  throw new PayloadError(
    'PAYLOAD_MALFORMED',
    `${provider}: expected a JSON body, got a form-encoded one (${mediaType}). ` +
      'Configure the sender to post JSON.',
    { details: { contentType: mediaType } },
  );
}

function requireObject(data: unknown, provider: string): JsonObject {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw payloadInvalid(provider, '(root)', 'expected a JSON object');
  }
  return data as JsonObject;
}

/**
 * Parse the body as a JSON object. A form-encoded body gets its own message (a sender set up
 * to post form fields is a common misconfiguration); a JSON array or scalar is PAYLOAD_INVALID;
 * a body nested deeper than `options.maxDepth` (default 128) is PAYLOAD_TOO_DEEP.
 */
export function readJsonObject(
  delivery: RawDelivery,
  provider: string,
  options: JsonBodyOptions = {},
): JsonObject {
  refuseFormBody(delivery, provider);
  return requireObject(parseJsonBody(delivery.rawBody, options), provider);
}

/**
 * {@link readJsonObject} with the body's canonical JSON minus `exclude` made in the same pass
 * (the digest `createAdapter` gives the event). `maxDepth` must already be checked.
 */
export function readCanonicalJsonObject(
  delivery: RawDelivery,
  provider: string,
  maxDepth: number,
  exclude: readonly string[],
): CanonicalBody {
  refuseFormBody(delivery, provider);
  const body = parseCanonicalBody(delivery.rawBody, maxDepth, exclude);
  requireObject(body.value, provider);
  return body;
}

/** A parsed JSON object body and its digest. */
export interface DigestedJsonObject {
  readonly value: JsonObject;
  readonly digest: string;
}

/**
 * {@link readJsonObject} with the `sha256-body:` digest of the signed bytes minus `exclude`
 * (see body-digest.ts), or, when an excluded member cannot be cut out of the bytes for certain,
 * the canonical `sha256:` digest. `maxDepth` must already be checked.
 */
export function readSignedJsonObject(
  delivery: RawDelivery,
  provider: string,
  maxDepth: number,
  exclude: readonly string[],
): DigestedJsonObject {
  refuseFormBody(delivery, provider);
  const { value, text } = parseDecodedBody(delivery.rawBody, maxDepth);
  const object = requireObject(value, provider);
  const digest =
    signedBodyDigest(delivery.rawBody, text, object, exclude) ??
    DIGEST_PREFIX + sha256Hex(canonicalJsonWithout(exactNumbersOf(text) ?? object, exclude));
  return { value: object, digest };
}

/** The value at a dot path (`data.object.id`), or `undefined`. Array indexes are numbers. */
export function valueAtPath(data: unknown, path: string): unknown {
  let current: unknown = data;
  for (const segment of path.split('.')) {
    // Own properties only: a path like `constructor.name` must not reach Object's prototype.
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

/**
 * A non-empty string (or finite number, as text) at `path`, or `undefined`. A number is the text
 * of its double: for one that is not a safe integer (`9007199254740993` parses as
 * 9007199254740992) that may not be what the sender wrote, so anything that becomes a key should
 * be read with {@link requireString} or `idFromPath`, which do not guess.
 */
export function optionalString(data: unknown, path: string): string | undefined {
  const value = valueAtPath(data, path);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value;
  return undefined;
}

/** The expectation named when a number at a key's path cannot be read as the sender wrote it. */
export const EXACT_ID_EXPECTED = 'expected a string or a safe integer';

/**
 * Like {@link optionalString} but throws PAYLOAD_INVALID naming the path when absent, and when
 * the value is a number that is not a safe integer: only its double is left, and two IDs one
 * digit apart (`9007199254740993`, `9007199254740992`) would come back as one string, so two
 * events would share one dedupe key.
 */
export function requireString(data: unknown, path: string, provider: string): string {
  const value = valueAtPath(data, path);
  if (typeof value === 'string' && value.trim() !== '') return value;
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (Number.isSafeInteger(value)) return String(value);
    throw payloadInvalid(provider, path, EXACT_ID_EXPECTED);
  }
  throw payloadInvalid(provider, path, 'expected a non-empty string');
}

/**
 * The exact value of the finite number `value` at `path`, read from the body text it was parsed
 * from (`rawBody`, decoded as `json()` decodes it), in the notation canonical JSON writes it
 * (exact-numbers.ts): `9007199254740993`, not its double's `9007199254740992`. `undefined` when
 * the body is not JSON or holds no number with that double at `path` (the value did not come
 * from this body), so a caller refuses rather than guesses. Costs a second parse of the body:
 * call it only for a number its double may not hold.
 */
export function exactNumberAt(
  rawBody: Uint8Array,
  path: string,
  value: number,
): string | undefined {
  const text = fromUtf8(rawBody);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  // exactNumbersOf reads valid JSON only, which the parse above has just shown this to be.
  const found = valueAtPath(exactNumbersOf(text) ?? parsed, path);
  if (found instanceof ExactNumber) return Number(found.text) === value ? found.text : undefined;
  // Not replaced: its double is its exact value.
  return found === value ? String(value) : undefined;
}

/** Options of {@link parseIsoTimestamp}. */
export interface IsoTimestampOptions {
  /** The JSON path, for the error message. */
  path: string;
  /** Provider name, for the error message. */
  provider: string;
  /**
   * Read a timestamp without a zone (`2025-01-22T11:23:15`) as UTC instead of rejecting it.
   * @default false
   */
  assumeUtc?: boolean;
}

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})?$/i;

/** Days in `month` (1-12) of `year`, proleptic Gregorian. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** The `count` decimal digits of `text` from `at` as a number, or -1 when one is not a digit. */
function digitsAt(text: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const digit = text.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return -1;
    n = n * 10 + digit;
  }
  return n;
}

/** Whether `text` has `code` at `at`. */
const charAt = (text: string, at: number, code: number) => text.charCodeAt(at) === code;

/**
 * The time of `YYYY-MM-DD(T|t| )hh:mm:ss[.f{1,9}]` followed by `Z`/`z` (or nothing, with
 * `assumeUtc`), read from its characters: no regular expression, no string built, no date
 * text parsed (the general path costs about 1.5 µs, a sixth of a Shopify parse). NaN for any
 * other form or a field out of range, and for years below 100 (where `Date.UTC` means 19xx):
 * the general path then judges the text. Fractions are cut to the millisecond, as `Date`
 * parses them.
 */
function utcTime(text: string, assumeUtc: boolean): number {
  let end = text.length;
  const last = text.charCodeAt(end - 1);
  if (last === 0x5a || last === 0x7a) end--;
  else if (!assumeUtc) return Number.NaN;
  const separator = text.charCodeAt(10);
  const shaped =
    end >= 19 &&
    charAt(text, 4, 0x2d) &&
    charAt(text, 7, 0x2d) &&
    (separator === 0x54 || separator === 0x74 || separator === 0x20) &&
    charAt(text, 13, 0x3a) &&
    charAt(text, 16, 0x3a);
  if (!shaped) return Number.NaN;
  let ms = 0;
  if (end > 19) {
    const length = end - 20;
    if (!charAt(text, 19, 0x2e) || length < 1 || length > 9) return Number.NaN;
    // Every digit is checked; the first three (padded to three) are the milliseconds.
    const digits = digitsAt(text, 20, length);
    if (digits < 0) return Number.NaN;
    ms = length <= 3 ? digits * 10 ** (3 - length) : Math.floor(digits / 10 ** (length - 3));
  }
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hour = digitsAt(text, 11, 2);
  const minute = digitsAt(text, 14, 2);
  const second = digitsAt(text, 17, 2);
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return Number.NaN;
  }
  // A non-digit is -1, which no range below admits either.
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59) {
    return Number.NaN;
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

/**
 * Parse an ISO-8601 date-time. Without a zone it is ambiguous (whose local time?), so it is
 * rejected unless `assumeUtc`; impossible dates (month 13) are rejected too.
 */
export function parseIsoTimestamp(value: unknown, options: IsoTimestampOptions): Date {
  const text = typeof value === 'string' ? value.trim() : undefined;
  if (text !== undefined) {
    const time = utcTime(text, options.assumeUtc === true);
    if (!Number.isNaN(time)) return new Date(time);
  }
  const match = text === undefined ? null : ISO_8601.exec(text);
  if (match === null) {
    throw payloadInvalid(options.provider, options.path, 'expected an ISO-8601 date-time');
  }
  if (match[8] === undefined && !options.assumeUtc) {
    throw payloadInvalid(options.provider, options.path, 'expected a time zone (Z or +hh:mm)');
  }
  const normalized = `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}${match[7] ?? ''}`;
  const zone = (match[8] ?? 'Z').replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const date = new Date(normalized + zone);
  // Date rolls 2025-02-30 over to March; reject instead of guessing.
  const sameDay =
    !Number.isNaN(date.getTime()) &&
    new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`).getUTCDate() === Number(match[3]);
  if (!sameDay || Number(match[4]) > 23 || Number(match[5]) > 59 || Number(match[6]) > 59) {
    throw payloadInvalid(options.provider, options.path, 'expected a valid date-time');
  }
  return date;
}
