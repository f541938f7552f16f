/**
 * @hooklatch/creatio: receive webhooks from a Creatio-like CRM, which sends no event ID. Both
 * body shapes Creatio users configure are read (the business-process web-service call and the
 * flat inbound webhook), the sender is checked with basic auth, a bearer token or an HMAC
 * header, and each event gets a stable `fp1:` fingerprint (or a configured delivery ID) as its
 * dedupe ID.
 *
 * ```ts
 * const adapter = creatio({ auth: { scheme: 'bearer', token }, subjectKey: { Order: 'OrderID' } });
 * const event = await parseEvent(adapter, request); // dedupeKey: creatio:fp1:…
 * ```
 *
 * @module
 */

export { creatio } from './adapter';
export type { CreatioAuth, CreatioBasicAuth, CreatioBearerAuth, CreatioHmacAuth } from './auth';
export type {
  CreatioEvent,
  CreatioEventOf,
  CreatioFlatEvent,
  CreatioMeta,
  CreatioProcessCallEvent,
} from './event';
export { isFlatEvent, isProcessCallEvent } from './event';
export type { CreatioFingerprintSource } from './fingerprint-input';
export { creatioFingerprintInput } from './fingerprint-input';
export type { CreatioOptions } from './options';
export {
  CREATIO_DEFAULT_TYPE,
  CREATIO_RETENTION_MS,
  CREATIO_SIGNATURE_HEADER,
  CREATIO_VOLATILE_FIELDS,
} from './options';
export type { CreatioFlatPayload, CreatioProcessCallPayload, CreatioShape } from './payloads';
export { creatioFlatSchema, creatioProcessCallSchema } from './payloads';
