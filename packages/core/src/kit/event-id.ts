/**
 * Choosing an event's ID: the provider's event ID when the body has one, else its delivery ID
 * header, else an `fp1:` fingerprint. The order matters: an event ID survives a re-send as a new
 * delivery; a delivery ID only survives retries of one delivery; a fingerprint is the last resort.
 */
import type { IdSource, RawDelivery } from '../event';
import { type FingerprintInput, fingerprint } from '../fingerprint';
import { headerKey } from '../verify';
import { optionalString } from './json-fields';

/** The ID read from a header, trimmed, or `undefined` when absent or blank. */
export function idFromHeader(delivery: RawDelivery, header: string): string | undefined {
  const value = delivery.headers[headerKey(header)]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

/** The ID at a JSON dot path (strings and numbers), or `undefined`. */
export function idFromPath(payload: unknown, path: string): string | undefined {
  return optionalString(payload, path);
}

/** Options of {@link resolveEventId}. */
export interface ResolveEventIdOptions {
  /** The delivery (for the delivery-ID header). */
  delivery: RawDelivery;
  /** The parsed payload (for the event-ID path). */
  payload: unknown;
  /** JSON dot path of the provider's event ID. @default undefined (the provider sends none) */
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
  const eventId =
    options.eventIdPath === undefined
      ? undefined
      : idFromPath(options.payload, options.eventIdPath);
  if (eventId !== undefined) return { id: eventId, idSource: 'event', ...withDelivery };
  if (deliveryId !== undefined) return { id: deliveryId, idSource: 'delivery', deliveryId };
  const parts = options.fingerprint();
  return {
    id: fingerprint({ ...parts, payload: 'payload' in parts ? parts.payload : options.payload }),
    idSource: 'fingerprint',
  };
}
