/**
 * The `QualioEvent` union: one member per built-in record family, plus a member for families
 * this package does not know. Narrow with {@link isQualioEvent}: a plain `event.type === '...'`
 * check cannot rule out the unknown-family member, whose type is any string.
 */

import type { WebhookEvent } from '@hooklatch/core';
import type { EnvelopeOnlyEvent, PayloadIssue, SchemaPolicy } from '@hooklatch/core/kit';
import type { QualioFamily, QualioPayloads, QualioRecordPayload } from './payloads';

/** What `meta` holds for every Qualio event. */
export type QualioMeta<F extends string = string> = {
  /** The record family: the `eventType` before its first dot (`nc`, `capa`...). */
  readonly family: F;
  /** The body field the subject was read from (`ncId`, `capaId`...). */
  readonly subjectField: string;
  /**
   * Which configured credential verified the delivery (0 = the first; see `auth`). Absent
   * under `verify: false`.
   */
  readonly keyIndex?: number;
  /** The body's `changedField`, when it names one. */
  readonly changedField?: string;
  /** The failing paths, when the event was handed on with `validated: false`. */
  readonly schemaIssues?: readonly PayloadIssue[];
};

/** An event of one built-in family: typed payload, `type` starting with `<family>.`. */
export type QualioRecordEvent<F extends QualioFamily> = WebhookEvent<
  `${F}.${string}`,
  QualioPayloads[F]
> & {
  /** The record ID (`NC-2025-001`). */
  readonly subject: string;
  readonly meta: QualioMeta<F>;
  readonly validated: true;
};

/**
 * An event of one built-in family whose body failed the family's schema, handed on under
 * `schemaPolicy: 'envelope'`: the common fields are checked, the rest is untyped.
 */
export type QualioEnvelopeEvent<F extends QualioFamily> = EnvelopeOnlyEvent<
  `${F}.${string}`,
  QualioRecordPayload
> & {
  /** The record ID: the envelope checks it, because the dedupe key needs it. */
  readonly subject: string;
  readonly meta: QualioMeta<F>;
};

/** An event of a family without a built-in schema (see the `subjectFields` option). */
export type QualioOtherEvent = WebhookEvent<string, QualioRecordPayload> & {
  /** The record ID, from `subjectFields[family]` or `<family>Id`. */
  readonly subject: string;
  readonly meta: QualioMeta<string>;
  /** Always `true`: the common fields are the whole schema of a family without one. */
  readonly validated: true;
};

/**
 * Every event the `qualio()` adapter produces under schema policy `P`. The default, `'reject'`,
 * is what `qualio({ auth })` produces; under `'envelope'` each built-in family may also arrive
 * as a {@link QualioEnvelopeEvent}, so check `event.validated === true` before reading typed
 * fields.
 */
export type QualioEvent<P extends SchemaPolicy = 'reject'> =
  | {
      [F in QualioFamily]:
        | QualioRecordEvent<F>
        | ('envelope' extends P ? QualioEnvelopeEvent<F> : never);
    }[QualioFamily]
  | QualioOtherEvent;

/**
 * Narrow an event to one built-in record family. Sound: an event has a built-in family exactly
 * when its payload passed that family's schema.
 *
 * @example
 * if (isQualioEvent(event, 'nc')) await refetchNonconformance(event.payload.ncId);
 */
export function isQualioEvent<E extends QualioEvent<SchemaPolicy>, F extends QualioFamily>(
  event: E,
  family: F,
): event is Extract<E, { readonly meta: { readonly family: F } }> {
  return event.meta.family === family;
}
