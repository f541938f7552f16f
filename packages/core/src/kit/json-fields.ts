/**
 * Reading a JSON webhook body and its fields with typed errors: form bodies and non-objects are
 * PAYLOAD_MALFORMED / PAYLOAD_INVALID, missing or non-ISO fields name their JSON path.
 */

import { signedBodyDigest } from '../body-digest';
import { canonicalJsonWithout } from '../canonical-json';
import type { CanonicalBody } from '../canonical-memo';
import { sha256Hex } from '../crypto/index';
import { PayloadError } from '../errors';
import type { RawDelivery } from '../event';
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

const FORM_TYPES = /application\/x-www-form-urlencoded|multipart\/form-data/i;

/** PAYLOAD_MALFORMED for a form-encoded body: a sender set up to post form fields. */
function refuseFormBody(delivery: RawDelivery, provider: string): void {
  const contentType = delivery.headers['content-type'];
  if (contentType === undefined || !FORM_TYPES.test(contentType)) return;
  throw new PayloadError(
    'PAYLOAD_MALFORMED',
    `${provider}: expected a JSON body, got a form-encoded one (${contentType.split(';')[0]}). ` +
      'Configure the sender to post JSON.',
    { details: { contentType: contentType.split(';')[0] } },
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
    DIGEST_PREFIX + sha256Hex(canonicalJsonWithout(object, exclude));
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

/** A non-empty string (or finite number, as text) at `path`, or `undefined`. */
export function optionalString(data: unknown, path: string): string | undefined {
  const value = valueAtPath(data, path);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value;
  return undefined;
}

/** Like {@link optionalString} but throws PAYLOAD_INVALID naming the path when absent. */
export function requireString(data: unknown, path: string, provider: string): string {
  const value = optionalString(data, path);
  if (value === undefined) throw payloadInvalid(provider, path, 'expected a non-empty string');
  return value;
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

/**
 * The UTC time of a matched timestamp without an offset (`Z` or none), from its numbers: no
 * string is built or parsed (the general path costs 1.5 µs, a fifth of a Shopify parse). NaN
 * when a field is out of range or the year is below 100 (where `Date.UTC` means 19xx), which
 * the general path then judges. Fractions are cut to the millisecond, as `Date` parses them.
 */
function utcTime(match: RegExpExecArray): number {
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const hour = Number(match[4]);
  const minute = Number(match[5]);
  const second = Number(match[6]);
  const fraction = match[7];
  if (year < 100 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return Number.NaN;
  }
  if (hour > 23 || minute > 59 || second > 59) return Number.NaN;
  const ms = fraction === undefined ? 0 : Number(fraction.slice(1, 4).padEnd(3, '0'));
  return Date.UTC(year, month - 1, day, hour, minute, second, ms);
}

/**
 * Parse an ISO-8601 date-time. Without a zone it is ambiguous (whose local time?), so it is
 * rejected unless `assumeUtc`; impossible dates (month 13) are rejected too.
 */
export function parseIsoTimestamp(value: unknown, options: IsoTimestampOptions): Date {
  const match = typeof value === 'string' ? ISO_8601.exec(value.trim()) : null;
  if (match === null) {
    throw payloadInvalid(options.provider, options.path, 'expected an ISO-8601 date-time');
  }
  if (match[8] === undefined && !options.assumeUtc) {
    throw payloadInvalid(options.provider, options.path, 'expected a time zone (Z or +hh:mm)');
  }
  if (match[8] === undefined || match[8].length === 1) {
    const time = utcTime(match);
    if (!Number.isNaN(time)) return new Date(time);
  }
  const text = `${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}${match[7] ?? ''}`;
  const zone = (match[8] ?? 'Z').replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
  const date = new Date(text + zone);
  // Date rolls 2025-02-30 over to March; reject instead of guessing.
  const sameDay =
    !Number.isNaN(date.getTime()) &&
    new Date(`${match[1]}-${match[2]}-${match[3]}T00:00:00Z`).getUTCDate() === Number(match[3]);
  if (!sameDay || Number(match[4]) > 23 || Number(match[5]) > 59 || Number(match[6]) > 59) {
    throw payloadInvalid(options.provider, options.path, 'expected a valid date-time');
  }
  return date;
}
