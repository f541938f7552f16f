/**
 * Choosing an event's ID: the provider's event ID when the body has one, else its delivery ID
 * header, else an `fp1:` fingerprint. The order matters: an event ID survives a re-send as a new
 * delivery; a delivery ID only survives retries of one delivery; a fingerprint is the last resort.
 */

import { fromUtf8 } from '../crypto/encoding';
import type { IdSource, RawDelivery } from '../event';
import { mayHoldLossyNumbers } from '../exact-numbers';
import { type FingerprintInput, fingerprint } from '../fingerprint';
import { headerKey } from '../verify';
import { EXACT_ID_EXPECTED, exactNumberAt, payloadInvalid, valueAtPath } from './json-fields';

/** The ID read from a header, trimmed, or `undefined` when absent or blank. */
export function idFromHeader(delivery: RawDelivery, header: string): string | undefined {
  const value = delivery.headers[headerKey(header)]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** Whether the delivery's body may hold a number its double does not give back exactly. */
const lossyBody = (delivery: RawDelivery) => mayHoldLossyNumbers(fromUtf8(delivery.rawBody));

/** A number at the ID's path whose exact value could not be read. */
const INEXACT = Symbol('inexact');

/**
 * The ID at `path`: a non-empty string as is, a safe integer as its digits, and any other finite
 * number as the exact value the body's text holds there. `JSON.parse` keeps only doubles, so
 * `9007199254740993` and `9007199254740992` parse as one value: named by the double, two events
 * would share one dedupe key and the second would never run. Safe integers and strings (nearly
 * every ID) never touch the text; only an ID number beyond them costs a second parse.
 */
function readId(
  payload: unknown,
  path: string,
  delivery: RawDelivery | undefined,
): string | undefined | typeof INEXACT {
  const value = valueAtPath(payload, path);
  if (typeof value === 'string') return value.trim() === '' ? undefined : value;
  // Infinity is no ID (as before): every such number parses to it, whatever its digits.
  if (typeof value !== 'number' || !Number.isFinite(value)) return undefined;
  // A safe integer is its own digits unless the body may hold a longer number that parsed to
  // it (`1.0000000000000000001` is 1): only such a body is read once more.
  if (Number.isSafeInteger(value) && (delivery === undefined || !lossyBody(delivery))) {
    return String(value);
  }
  return (
    (delivery === undefined ? undefined : exactNumberAt(delivery.rawBody, path, value)) ?? INEXACT
  );
}

/** The refusal of an ID number that cannot be read exactly: names the path, never the value. */
const inexactId = (provider: string, path: string) =>
  payloadInvalid(provider, path, EXACT_ID_EXPECTED);

/**
 * The ID at a JSON dot path (strings and numbers), or `undefined`. A number that is not a safe
 * integer is read exactly from `options.delivery`'s body, which `payload` must be parsed from;
 * without it, or when the body holds no such number there, it is PAYLOAD_INVALID naming the path.
 */
export function idFromPath(
  payload: unknown,
  path: string,
  options: { delivery?: RawDelivery; provider?: string } = {},
): string | undefined {
  const id = readId(payload, path, options.delivery);
  if (id === INEXACT) throw inexactId(options.provider ?? 'webhook', path);
  return id;
}

/** Options of {@link resolveEventId}. */
export interface ResolveEventIdOptions {
  /** The delivery (for the delivery-ID header). */
  delivery: RawDelivery;
  /** The parsed payload (for the event-ID path): the object `json()` parsed from the delivery. */
  payload: unknown;
  /**
   * JSON dot path of the provider's event ID. A string or safe integer is used as is; a larger
   * or fractional number is read exactly from the delivery's body (see {@link idFromPath}), and is
   * PAYLOAD_INVALID naming the path when the body does not hold it there.
   * @default undefined (the provider sends none)
   */
  eventIdPath?: string;
  /** Header of the provider's delivery ID. @default undefined */
  deliveryIdHeader?: string;
  /**
   * The fingerprint parts, used when neither ID is present. A function, so nothing is hashed
   * when an ID exists. `payload` defaults to the parsed payload.
   */
  fingerprint: () => Omit<FingerprintInput, 'payload'> & { payload?: unknown };
}

/** The chosen ID and where it came from. */
export interface ResolvedEventId {
  /** The event ID, delivery ID or `fp1:` key. */
  id: string;
  /** Which of the three `id` is. */
  idSource: IdSource;
  /** The delivery ID when the header was present (even if the event ID won). */
  deliveryId?: string;
}

/** Pick the most stable ID available for one delivery. */
export function resolveEventId(options: ResolveEventIdOptions): ResolvedEventId {
  const deliveryId =
    options.deliveryIdHeader === undefined
      ? undefined
      : idFromHeader(options.delivery, options.deliveryIdHeader);
  const withDelivery = deliveryId === undefined ? {} : { deliveryId };
  const path = options.eventIdPath;
  const eventId = path === undefined ? undefined : readId(options.payload, path, options.delivery);
  // The provider's name is in the fingerprint parts; only a refusal needs it.
  if (eventId === INEXACT) throw inexactId(options.fingerprint().provider, path as string);
  if (eventId !== undefined) return { id: eventId, idSource: 'event', ...withDelivery };
  if (deliveryId !== undefined) return { id: deliveryId, idSource: 'delivery', deliveryId };
  const parts = options.fingerprint();
  return {
    id: fingerprint({ ...parts, payload: 'payload' in parts ? parts.payload : options.payload }),
    idSource: 'fingerprint',
  };
}
