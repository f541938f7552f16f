/**
 * The `QualioEvent` union: one member per built-in record family, plus a member for families
 * this package does not know. Narrow with {@link isQualioEvent}: a plain `event.type === '...'`
 * check cannot rule out the unknown-family member, whose type is any string.
 */
import type { WebhookEvent } from '@hooklatch/core';
import type { QualioFamily, QualioPayloads, QualioRecordPayload } from './payloads';

/** What `meta` holds for every Qualio event. */
export type QualioMeta<F extends string = string> = {
  /** The record family: the `eventType` before its first dot (`nc`, `capa`...). */
  readonly family: F;
  /** The body field the subject was read from (`ncId`, `capaId`...). */
  readonly subjectField: string;
  /** The body's `changedField`, when it names one. */
  readonly changedField?: string;
};

/** An event of one built-in family: typed payload, `type` starting with `<family>.`. */
export type QualioRecordEvent<F extends QualioFamily> = WebhookEvent<
  `${F}.${string}`,
  QualioPayloads[F]
> & {
  /** The record ID (`NC-2025-001`). */
  readonly subject: string;
  readonly meta: QualioMeta<F>;
};

/** An event of a family without a built-in schema (see the `subjectFields` option). */
export type QualioOtherEvent = WebhookEvent<string, QualioRecordPayload> & {
  /** The record ID, from `subjectFields[family]` or `<family>Id`. */
  readonly subject: string;
  readonly meta: QualioMeta<string>;
};

/** Every event the `qualio()` adapter produces. */
export type QualioEvent =
  | { [F in QualioFamily]: QualioRecordEvent<F> }[QualioFamily]
  | QualioOtherEvent;

/**
 * Narrow an event to one built-in record family. Sound: an event has a built-in family exactly
 * when its payload passed that family's schema.
 *
 * @example
 * if (isQualioEvent(event, 'nc')) await refetchNonconformance(event.payload.ncId);
 */
export function isQualioEvent<E extends QualioEvent, F extends QualioFamily>(
  event: E,
  family: F,
): event is Extract<E, { readonly meta: { readonly family: F } }> {
  return event.meta.family === family;
}
