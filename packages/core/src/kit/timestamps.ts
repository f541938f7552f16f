/**
 * Turning a provider's timestamp into a `Date` that is certainly valid. A JavaScript Date holds
 * at most ±8.64e15 ms around 1970; `new Date(8640000000001 * 1000)` is an Invalid Date whose
 * `getTime()` is NaN, which would flow into `occurredAt`, break sorting, and throw in
 * `toISOString()` far from the cause. Every adapter goes through these two functions instead.
 */
import { payloadInvalid } from './json-fields';

/** The largest absolute time a Date can hold, in ms since 1970 (ECMA-262 TimeClip). */
export const MAX_DATE_MS = 8.64e15;

/** Where a timestamp came from, for the PAYLOAD_INVALID message. */
export interface TimestampSource {
  /** Provider name. */
  provider: string;
  /** The JSON path or header (`created`, `webhook-timestamp header`). */
  path: string;
}

/** PAYLOAD_INVALID for a time no Date can hold, naming where it came from. */
export function dateOutOfRange(source: TimestampSource) {
  return payloadInvalid(
    source.provider,
    source.path,
    'expected a time within the JavaScript Date range (±8.64e15 ms around 1970)',
  );
}

/**
 * A Date from a Unix time in `unit`. Throws PAYLOAD_INVALID naming the path when the value is
 * not a finite number or lies outside the Date range.
 */
export function dateFromUnixTime(
  value: number,
  unit: 'seconds' | 'milliseconds',
  source: TimestampSource,
): Date {
  const ms = unit === 'seconds' ? value * 1000 : value;
  if (typeof value !== 'number' || !Number.isFinite(ms) || Math.abs(ms) > MAX_DATE_MS) {
    throw dateOutOfRange(source);
  }
  return new Date(ms);
}

/** `date` itself when it is a valid Date; PAYLOAD_INVALID naming the path otherwise. */
export function requireValidDate(date: Date, source: TimestampSource): Date {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) {
    throw dateOutOfRange(source);
  }
  return date;
}
