/**
 * @hooklatch/qualio: verify and normalize webhooks from a Qualio-like quality system, whose
 * bodies carry no event ID. Deliveries authenticate with an HMAC header, an API key or basic
 * auth; each event is keyed by its `X-Qualio-Delivery-Id` header or else an `fp1:` fingerprint
 * that collapses retries but keeps rapid edits of one record apart.
 *
 * ```ts
 * const adapter = qualio({ auth: { scheme: 'hmac', secret } });
 * const event = await parseEvent(adapter, request);
 * if (isQualioEvent(event, 'nc')) event.payload.ncId;
 * ```
 *
 * @module
 */

export { qualio } from './adapter';
export type { QualioApiKeyAuth, QualioAuth, QualioBasicAuth, QualioHmacAuth } from './auth';
export {
  QUALIO_API_KEY_HEADER,
  QUALIO_SIGNATURE_HEADER,
  QUALIO_SIGNATURE_PREFIX,
} from './auth';
export type {
  QualioEnvelopeEvent,
  QualioEvent,
  QualioMeta,
  QualioOtherEvent,
  QualioRecordEvent,
} from './event';
export { isQualioEvent } from './event';
export type { QualioFingerprintSource } from './event-id';
export { qualioFingerprintInput } from './event-id';
export type { QualioOptions } from './options';
export {
  QUALIO_DEFAULT_NAME,
  QUALIO_DELIVERY_ID_HEADER,
  QUALIO_RETENTION_MS,
  QUALIO_VOLATILE_FIELDS,
} from './options';
export type { QualioFamily, QualioPayloads, QualioRecordPayload } from './payloads';
export {
  QUALIO_SUBJECT_FIELDS,
  qualioCapaSchema,
  qualioChangeControlSchema,
  qualioDocumentSchema,
  qualioEnvelopeSchemas,
  qualioNcSchema,
  qualioPayloadSchemas,
  qualioRecordSchema,
  qualioSupplierSchema,
  qualioTrainingSchema,
} from './payloads';
