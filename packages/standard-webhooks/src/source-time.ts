/**
 * `occurredAt` from the body's optional `timestamp` field. The spec only recommends the field
 * and many senders fill it loosely, so a value that is not a date is ignored (the arrival time
 * is used). A well-formed ISO date outside the JavaScript Date range (an expanded year such as
 * `+275761-01-01T00:00:00Z`) is refused instead: it is a date, just not one a Date can hold.
 */
import { dateOutOfRange } from '@hooklatch/core/kit';

const EXPANDED_YEAR = /^[+-]\d{6}-\d{2}-\d{2}/;

/** The body timestamp as a valid Date, `undefined` when absent or not a date. */
export function sourceTime(timestamp: unknown, provider: string): Date | undefined {
  // A number, null or anything else that is not text: not a date the spec describes.
  if (typeof timestamp !== 'string') return undefined;
  const ms = Date.parse(timestamp);
  if (!Number.isNaN(ms)) return new Date(ms);
  if (EXPANDED_YEAR.test(timestamp.trim())) {
    throw dateOutOfRange({ provider, path: 'timestamp' });
  }
  return undefined;
}
