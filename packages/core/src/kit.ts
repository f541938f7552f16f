/**
 * @hooklatch/core/kit: what adapter and store authors build with. Application code needs only
 * `@hooklatch/core`.
 *
 * - `createAdapter`, the one way an adapter is made, and the verifier pairs (`verify` + `sign`)
 *   for the common schemes: HMAC of the body, timestamped HMAC, basic, bearer and API keys.
 * - Secrets (`secret`/`secrets`, resolvers), timestamp tolerance, constant-time matching.
 * - JSON field readers with typed errors, schema validation and the schema policy.
 * - Event IDs: provider ID, delivery ID or the `fp1` fingerprint; payload digests.
 * - Store authoring: storage keys, claim tokens and the shared option checks.
 *
 * @module
 */

export { BODY_DIGEST_PREFIX, signedBodyDigest } from './body-digest';
export type { BytesLike } from './crypto/index';
export { hmacSha256, sha256, sha256Hex, timingSafeEqual } from './crypto/index';
export type {
  IdSource,
  ParsedEvent,
  RawDelivery,
  SignedDelivery,
  SignOptions,
  WebhookAdapter,
  WebhookEvent,
} from './event';
export type { FingerprintExplanation, FingerprintInput } from './fingerprint';
export { explainFingerprint, FINGERPRINT_VERSION, fingerprint } from './fingerprint';
// Inbox backend authoring: the shared argument checks and entry helpers.
export * from './inbox/kit';
export { checkJsonDepth, DEFAULT_MAX_DEPTH, jsonDepthExceeds } from './json-depth';
export type {
  AdapterAuth,
  AdapterAuthSpec,
  AuthDefaults,
  AuthRequestOptions,
} from './kit/adapter-auth';
export { authEntries, authRequest, authVerifier } from './kit/adapter-auth';
export type { AuthConfig, AuthScheme } from './kit/auth-config';
export { verifierFromAuth } from './kit/auth-config';
export type { AdapterParseContext, CreateAdapterOptions } from './kit/create-adapter';
export { createAdapter } from './kit/create-adapter';
export type { ApiKeyOptions, BasicAuthOptions, BearerTokenOptions } from './kit/credential-auth';
export {
  apiKeyVerifier,
  basicAuthVerifier,
  bearerTokenVerifier,
  secretEquals,
} from './kit/credential-auth';
export type { ResolvedEventId, ResolveEventIdOptions } from './kit/event-id';
export { idFromHeader, idFromPath, resolveEventId } from './kit/event-id';
export type { HmacHeaderOptions, SignatureEncoding } from './kit/hmac-header';
export {
  checkSignatureFormat,
  decodeSignature,
  encodeSignature,
  hmacHeaderVerifier,
} from './kit/hmac-header';
export type { IsoTimestampOptions, JsonObject } from './kit/json-fields';
export {
  optionalString,
  parseIsoTimestamp,
  payloadInvalid,
  readJsonObject,
  requireString,
  valueAtPath,
} from './kit/json-fields';
export type { OptionKeys } from './kit/known-options';
export { knownOptions } from './kit/known-options';
export type { JsonLimitOptions } from './kit/options';
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
} from './kit/options';
export type {
  ApplySchemaPolicyInput,
  EffectiveSchemaPolicy,
  EnvelopeOnlyEvent,
  SchemaPolicy,
  SchemaPolicyOptions,
  TypedPayload,
  ValidateTypedInput,
  WithSchemaPolicy,
} from './kit/schema-policy';
export { applySchemaPolicy, schemaPolicyOption, validateTyped } from './kit/schema-policy';
export type { Secret, SecretOptions, SecretResolver, SecretSource } from './kit/secrets';
export { configuredInOrder, resolveSecrets, secretSource, withSecrets } from './kit/secrets';
export { rawPayloadBytes, secretList } from './kit/sign-inputs';
export type { TimestampedHmacOptions } from './kit/timestamped-hmac';
export {
  timestampedContent,
  timestampedHmacVerifier,
  timestampedPrefix,
} from './kit/timestamped-hmac';
export type { TimestampSource } from './kit/timestamps';
export { dateFromUnixTime, dateOutOfRange, MAX_DATE_MS, requireValidDate } from './kit/timestamps';
export type {
  DeliveryVerifier,
  ResolvedVerifier,
  SignRequest,
  Verification,
  VerificationChoice,
} from './kit/verifier';
export { anyVerifier, resolveVerifier, signedVerifier } from './kit/verifier';
export type { JsonBodyOptions, PayloadIssue, PayloadSchema } from './payload';
export { parseJsonBody, validatePayload } from './payload';
export {
  DIGEST_PREFIX,
  deliveryDigest,
  digestsDiffer,
  payloadDigest,
  rawBodyDigest,
} from './payload-digest';
export { newClaimToken } from './store/claim-token';
export {
  DIGEST_KEY_PREFIX,
  decodeKey,
  encodeKey,
  isPlainKey,
  MAX_PLAIN_KEY_LENGTH,
  storageKey,
} from './store/storage-key';
export type { StoreOptionChecks } from './store/store-options';
export {
  DEFAULT_STORE_PREFIX,
  DEFAULT_STORE_TIMEOUT_MS,
  MAX_STORE_DURATION_MS,
  MAX_STORE_PREFIX_LENGTH,
  MAX_STORE_TIMEOUT_MS,
  storeOptionChecks,
} from './store/store-options';
export {
  checkSignatureCount,
  checkTimestamp,
  MAX_SIGNATURES_PER_HEADER,
  matchSignature,
  requireHeader,
  signatureInvalid,
} from './verify';
