/**
 * The ID of a Qualio event. The body carries no event ID, so the ID is the delivery-ID header
 * when the sender adds one (stable across retries of that delivery), else an `fp1:` fingerprint
 * of what the body says happened.
 */

import type { RawDelivery } from '@hooklatch/core';
import { type FingerprintInput, type ResolvedEventId, resolveEventId } from '@hooklatch/core/kit';
import { QUALIO_VOLATILE_FIELDS } from './options';

/** The event fields a Qualio fingerprint is made of. */
export interface QualioFingerprintSource {
  /** The adapter name (`qualio`). */
  provider: string;
  /** The `eventType`. */
  type: string;
  /** The record ID. */
  subject: string;
  /** The body's `timestamp`. */
  occurredAt: Date;
  /** `changedField` is read from here. */
  meta: { readonly changedField?: string };
  /** The whole parsed body. */
  payload: unknown;
}

/**
 * The fingerprint parts of an event: subject, event type, source timestamp, the changed field
 * as an extra discriminator, and the body minus `volatileFields`. Pass a parsed event to
 * `explainFingerprint` to see why two deliveries did (or did not) collapse.
 *
 * @example
 * explainFingerprint(qualioFingerprintInput(event)).canonicalPayload;
 */
export function qualioFingerprintInput(
  source: QualioFingerprintSource,
  volatileFields: readonly string[] = QUALIO_VOLATILE_FIELDS,
): FingerprintInput {
  return {
    provider: source.provider,
    subject: source.subject,
    eventType: source.type,
    timestamp: source.occurredAt,
    payload: source.payload,
    volatileFields,
    extra: source.meta.changedField === undefined ? [] : [source.meta.changedField],
  };
}

/** Pick the delivery ID when the header is there, else fingerprint `source`. */
export function qualioEventId(
  delivery: RawDelivery,
  source: QualioFingerprintSource,
  options: { deliveryIdHeader: string | false; volatileFields: readonly string[] },
): ResolvedEventId {
  return resolveEventId({
    delivery,
    payload: source.payload,
    ...(options.deliveryIdHeader === false ? {} : { deliveryIdHeader: options.deliveryIdHeader }),
    fingerprint: () => qualioFingerprintInput(source, options.volatileFields),
  });
}
