/** `qualio(options)`: verify, normalize and key deliveries from a Qualio-like quality system. */
import type { ParsedEvent, WebhookAdapter } from '@hooklatch/core';
import {
  checkOptionsObject,
  createAdapter,
  knownOptions,
  optionInvalid,
  pathListOption,
  type SchemaPolicy,
  stringOption,
} from '@hooklatch/core/kit';
import { qualioVerifier } from './auth';
import type { QualioEvent } from './event';
import { qualioEventId, qualioFingerprintInput } from './event-id';
import {
  QUALIO_DEFAULT_NAME,
  QUALIO_DELIVERY_ID_HEADER,
  QUALIO_OPTION_KEYS,
  QUALIO_RETENTION_MS,
  QUALIO_VOLATILE_FIELDS,
  type QualioOptions,
} from './options';
import { checkSubjectFields, readQualioRecord } from './record';

/** `deliveryIdHeader`: a header name, or `false` to always fingerprint. */
function deliveryIdHeaderOption(name: string, value: unknown): string | false {
  if (value === false) return false;
  return stringOption(name, 'deliveryIdHeader', value, QUALIO_DELIVERY_ID_HEADER);
}

/** The body's attempt counter, when it is a positive integer. */
function attemptOf(payload: Record<string, unknown>): number | undefined {
  const { attempt } = payload;
  return typeof attempt === 'number' && Number.isInteger(attempt) && attempt > 0
    ? attempt
    : undefined;
}

/**
 * Create the adapter for `parseEvent`. Every delivery is verified first (any configured scheme
 * passing is enough), then its body is validated against its record family's schema, and its ID
 * is the `X-Qualio-Delivery-Id` header or else an `fp1:` fingerprint.
 *
 * A body of a built-in family that has its record ID but fails the family's schema is
 * PAYLOAD_SCHEMA_MISMATCH (500, retried) under the default `schemaPolicy: 'reject'`, or is
 * handed on with `validated: false` and `meta.schemaIssues` under `'envelope'`.
 *
 * Throws CONFIG_INVALID at once when neither `auth` nor `verify: false` is given, when both
 * are, or when a scheme lacks its secret, key or credentials.
 *
 * @example
 * const adapter = qualio({ auth: { scheme: 'hmac', secret: process.env.QUALIO_SECRET } });
 * const event = await parseEvent(adapter, request); // dedupeKey: qualio:fp1:...
 */
export function qualio<P extends SchemaPolicy = 'reject'>(
  options: QualioOptions<P>,
): WebhookAdapter<QualioEvent<P>> {
  checkOptionsObject(QUALIO_DEFAULT_NAME, options);
  const name = stringOption(QUALIO_DEFAULT_NAME, 'name', options.name, QUALIO_DEFAULT_NAME);
  knownOptions(name, options, QUALIO_OPTION_KEYS);
  const subjectFields = options.subjectFields ?? {};
  if (subjectFields === null || typeof subjectFields !== 'object' || Array.isArray(subjectFields)) {
    throw optionInvalid(name, 'subjectFields', 'must map record families to field names');
  }
  checkSubjectFields(name, subjectFields);
  const volatileFields = pathListOption(
    name,
    'volatileFields',
    options.volatileFields,
    QUALIO_VOLATILE_FIELDS,
  );
  const idOptions = {
    deliveryIdHeader: deliveryIdHeaderOption(name, options.deliveryIdHeader),
    volatileFields,
  };
  return createAdapter<QualioEvent<P>>({
    name,
    retentionMs: options.retentionMs ?? QUALIO_RETENTION_MS,
    // Core's rule: auth, or an explicit `verify: false`, never both and never neither.
    verify: qualioVerifier(name, options),
    ...(options.maxDepth === undefined ? {} : { maxDepth: options.maxDepth }),
    // Read back from the parse context, so createAdapter can re-parse a mismatch envelope-only.
    ...(options.schemaPolicy === undefined ? {} : { schemaPolicy: options.schemaPolicy }),
    // What changes between attempts is what the fingerprint already ignores. createAdapter
    // hashes the body `json()` parsed, minus these, into event.digest.
    digestExclude: volatileFields,
    fingerprintInput: (event) =>
      event.idSource === 'fingerprint'
        ? qualioFingerprintInput(
            { ...event, meta: event.meta as { changedField?: string } },
            volatileFields,
          )
        : undefined,
    parse(delivery, _verified, { json, schemaPolicy: policy }) {
      const data = json();
      const record = readQualioRecord(data, name, { subjectFields, policy });
      const meta = {
        family: record.family,
        subjectField: record.subjectField,
        ...(record.changedField === undefined ? {} : { changedField: record.changedField }),
        ...(record.schemaIssues === undefined ? {} : { schemaIssues: record.schemaIssues }),
      };
      const ids = qualioEventId(
        delivery,
        {
          provider: name,
          type: record.eventType,
          subject: record.subject,
          occurredAt: record.occurredAt,
          meta,
          payload: data,
        },
        idOptions,
      );
      const attempt = attemptOf(data);
      // The family was matched to its schema in readQualioRecord (or the envelope handed on with
      // validated: false), which is the pairing the QualioEvent<P> union describes; TypeScript
      // cannot follow that runtime lookup.
      return {
        type: record.eventType,
        ...ids,
        subject: record.subject,
        occurredAt: record.occurredAt,
        ...(attempt === undefined ? {} : { attempt }),
        meta,
        payload: data,
        validated: record.validated,
      } as unknown as ParsedEvent<QualioEvent<P>>;
    },
  });
}
