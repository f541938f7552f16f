/**
 * `occurredAt` from the body's optional `timestamp` field. The spec only recommends the field
 * and many senders fill it loosely, so a value that is not an ISO 8601 date-time with a zone is
 * ignored (the arrival time is used). `Date.parse` is not the judge: it reads `"1"` as 2001 and
 * `"Order 5"` as a May 1st, and a time without a zone in the server's own time zone, so one
 * body would get a different `occurredAt` on each server. A well-formed date outside the
 * JavaScript Date range (an expanded year such as `+275761-01-01T00:00:00Z`) is refused instead:
 * it is a date, just not one a Date can hold.
 */
import { dateOutOfRange, parseIsoTimestamp } from '@hooklatch/core/kit';

/** An ISO 8601 expanded year (`+275760-09-13T00:00:00.000Z`), zone required. */
const EXPANDED_YEAR =
  /^[+-]\d{6}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?(?:Z|[+-]\d{2}:\d{2})$/i;

/** The body timestamp as a valid Date, `undefined` when absent or not a date-time. */
export function sourceTime(timestamp: unknown, provider: string): Date | undefined {
  // A number, null or anything else that is not text: not a date the spec describes.
  if (typeof timestamp !== 'string') return undefined;
  const text = timestamp.trim();
  if (EXPANDED_YEAR.test(text)) {
    const ms = Date.parse(text);
    if (Number.isNaN(ms)) throw dateOutOfRange({ provider, path: 'timestamp' });
    return new Date(ms);
  }
  try {
    return parseIsoTimestamp(text, { provider, path: 'timestamp' });
  } catch {
    return undefined;
  }
}
