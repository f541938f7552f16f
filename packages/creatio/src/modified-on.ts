/**
 * `ModifiedOn`, the record's own change time: `occurredAt`, and the timestamp part of the
 * fingerprint. It is the only thing that separates two identical-looking edits of one record.
 */
import {
  type JsonObject,
  parseIsoTimestamp,
  payloadInvalid,
  valueAtPath,
} from '@hooklatch/core/kit';

/** Options of {@link readModifiedOn}. */
export interface ModifiedOnOptions {
  provider: string;
  assumeUtc: boolean;
  required: boolean;
}

/**
 * The parsed `ModifiedOn`, or `undefined` when the body has none (null or blank count as none)
 * and it is not required. A value that is not an ISO-8601 date-time is always PAYLOAD_INVALID:
 * guessing a locale format could give retries of one event different keys.
 */
export function readModifiedOn(data: JsonObject, options: ModifiedOnOptions): Date | undefined {
  const value = valueAtPath(data, 'ModifiedOn');
  const absent = value === undefined || value === null || value === '';
  if (absent) {
    if (!options.required) return undefined;
    throw payloadInvalid(options.provider, 'ModifiedOn', 'expected an ISO-8601 date-time');
  }
  return parseIsoTimestamp(value, {
    path: 'ModifiedOn',
    provider: options.provider,
    assumeUtc: options.assumeUtc,
  });
}
