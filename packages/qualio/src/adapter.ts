/** `qualio(options)`: verify, normalize and key deliveries from a Qualio-like quality system. */
import {
  ConfigurationError,
  createAdapter,
  type ParsedEvent,
  readJsonObject,
  resolveVerifier,
  type WebhookAdapter,
} from '@hooklatch/core';
import { qualioVerifiers } from './auth';
import type { QualioEvent } from './event';
import { qualioEventId } from './event-id';
import {
  QUALIO_DEFAULT_NAME,
  QUALIO_DELIVERY_ID_HEADER,
  QUALIO_RETENTION_MS,
  QUALIO_VOLATILE_FIELDS,
  type QualioOptions,
} from './options';
import { checkSubjectFields, readQualioRecord } from './record';

function checkOptions(name: string, retentionMs: number): void {
  if (name.trim() === '') {
    throw new ConfigurationError('CONFIG_INVALID', 'qualio: `name` must not be empty.');
  }
  if (!Number.isFinite(retentionMs) || retentionMs <= 0) {
    throw new ConfigurationError(
      'CONFIG_INVALID',
      `${name}: \`retentionMs\` must be a positive number of milliseconds.`,
    );
  }
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
 * Throws CONFIG_INVALID at once when neither `auth` nor `verify: false` is given, when both
 * are, or when a scheme lacks its secret, key or credentials.
 *
 * @example
 * const adapter = qualio({ auth: { scheme: 'hmac', secret: process.env.QUALIO_SECRET } });
 * const event = await parseEvent(adapter, request); // dedupeKey: qualio:fp1:...
 */
export function qualio(options: QualioOptions): WebhookAdapter<QualioEvent> {
  const name = options.name ?? QUALIO_DEFAULT_NAME;
  const retentionMs = options.retentionMs ?? QUALIO_RETENTION_MS;
  checkOptions(name, retentionMs);
  const subjectFields = options.subjectFields ?? {};
  checkSubjectFields(name, subjectFields);
  const idOptions = {
    deliveryIdHeader: options.deliveryIdHeader ?? QUALIO_DELIVERY_ID_HEADER,
    volatileFields: options.volatileFields ?? QUALIO_VOLATILE_FIELDS,
  };
  // Core's rule: auth, or an explicit `verify: false`, never both and never neither.
  const verify = resolveVerifier(name, {
    verifier: qualioVerifiers(name, options.auth),
    verify: options.verify,
  });

  return createAdapter<QualioEvent>({
    name,
    retentionMs,
    verify,
    parse(delivery) {
      const data = readJsonObject(delivery, name);
      const record = readQualioRecord(data, name, subjectFields);
      const meta = {
        family: record.family,
        subjectField: record.subjectField,
        ...(record.changedField === undefined ? {} : { changedField: record.changedField }),
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
      // The family was matched to its schema in readQualioRecord, which is the pairing the
      // QualioEvent union describes; TypeScript cannot follow that runtime lookup.
      return {
        type: record.eventType,
        ...ids,
        subject: record.subject,
        occurredAt: record.occurredAt,
        ...(attempt === undefined ? {} : { attempt }),
        meta,
        payload: data,
      } as unknown as ParsedEvent<QualioEvent>;
    },
  });
}
