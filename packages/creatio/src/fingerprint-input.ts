/**
 * The fingerprint inputs of a Creatio event, in one place: the adapter keys deliveries with
 * them, and `explainFingerprint(creatioFingerprintInput(event))` shows an operator why two
 * deliveries did or did not collapse.
 */
import type { FingerprintInput } from '@hooklatch/core/kit';
import { CREATIO_VOLATILE_FIELDS } from './options';

/** What the fingerprint is computed from: an event, or the parts of one being parsed. */
export interface CreatioFingerprintSource {
  provider: string;
  subject: string;
  type: string;
  payload: unknown;
  meta: { readonly modifiedOn: Date | undefined };
}

/**
 * The `fp1` inputs for one event. A missing `ModifiedOn` is a constant empty timestamp, never the
 * arrival time: retries arrive later and must still produce the same key.
 */
export function creatioFingerprintInput(
  source: CreatioFingerprintSource,
  volatileFields: readonly string[] = CREATIO_VOLATILE_FIELDS,
): FingerprintInput {
  return {
    provider: source.provider,
    subject: source.subject,
    eventType: source.type,
    timestamp: source.meta.modifiedOn ?? '',
    payload: source.payload,
    volatileFields,
  };
}
