/**
 * The custom-adapter kit: verifiers for the common webhook auth schemes, JSON field readers with
 * typed errors, ID selection with the fingerprint fallback, and `createAdapter` to tie them up.
 *
 * @module
 */
export type { AuthConfig, AuthScheme } from './auth-config';
export { verifierFromAuth } from './auth-config';
export type { AdapterParseContext, CreateAdapterOptions } from './create-adapter';
export { createAdapter } from './create-adapter';
export type { ApiKeyOptions, BasicAuthOptions, BearerTokenOptions } from './credential-auth';
export {
  apiKeyVerifier,
  basicAuthVerifier,
  bearerTokenVerifier,
  secretEquals,
} from './credential-auth';
export type { ResolvedEventId, ResolveEventIdOptions } from './event-id';
export { idFromHeader, idFromPath, resolveEventId } from './event-id';
export type { HmacHeaderOptions, SignatureEncoding } from './hmac-header';
export {
  checkSignatureFormat,
  decodeSignature,
  encodeSignature,
  hmacHeaderVerifier,
} from './hmac-header';
export type { IsoTimestampOptions, JsonObject } from './json-fields';
export {
  optionalString,
  parseIsoTimestamp,
  payloadInvalid,
  readJsonObject,
  requireString,
  valueAtPath,
} from './json-fields';
export type { JsonLimitOptions } from './options';
export {
  booleanOption,
  checkOptionsObject,
  durationOption,
  maxDepthOption,
  optionInvalid,
  pathListOption,
  positiveIntegerOption,
  stringOption,
  toleranceOption,
} from './options';
export type {
  ApplySchemaPolicyInput,
  EffectiveSchemaPolicy,
  EnvelopeOnlyEvent,
  SchemaPolicy,
  SchemaPolicyOptions,
  TypedPayload,
  WithSchemaPolicy,
} from './schema-policy';
export { applySchemaPolicy, schemaPolicyOption } from './schema-policy';
export type { TimestampedHmacOptions } from './timestamped-hmac';
export { timestampedContent, timestampedHmacVerifier } from './timestamped-hmac';
export type { TimestampSource } from './timestamps';
export { dateFromUnixTime, dateOutOfRange, MAX_DATE_MS, requireValidDate } from './timestamps';
export type { DeliveryVerifier, VerificationChoice } from './verifier';
export { anyVerifier, resolveVerifier } from './verifier';
