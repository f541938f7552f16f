/**
 * @hooklatch/core: turn a raw webhook request into a verified, normalized event with a stable
 * ID, and process it exactly once in effect.
 *
 * ```ts
 * const event = await parseEvent(adapter, request);
 * const outcome = await processOnce(store, event, handle);
 * return outcomeResponse(outcome);
 * ```
 *
 * @module
 */

export { canonicalJson, omitPaths } from './canonical-json';
export type { BytesLike } from './crypto/index';
export {
  concatBytes,
  cryptoBackend,
  fromBase64,
  fromHex,
  fromUtf8,
  hmacSha256,
  sha256,
  sha256Hex,
  timingSafeEqual,
  toBase64,
  toBytes,
  toHex,
  utf8,
} from './crypto/index';
export type {
  ConfigurationErrorCode,
  HooklatchErrorCode,
  HooklatchErrorDetails,
  HooklatchErrorOptions,
  PayloadErrorCode,
  StoreErrorCode,
  VerificationErrorCode,
} from './errors';
export {
  ConfigurationError,
  HooklatchError,
  HTTP_STATUS_BY_CODE,
  isHooklatchError,
  PayloadError,
  StoreUnavailableError,
  statusOf,
  VerificationError,
} from './errors';
export type {
  EventOf,
  IdSource,
  ParsedEvent,
  RawDelivery,
  WebhookAdapter,
  WebhookEvent,
} from './event';
export { defineAdapter } from './event';
export type { FingerprintExplanation, FingerprintInput } from './fingerprint';
export { explainFingerprint, FINGERPRINT_VERSION, fingerprint } from './fingerprint';
export type { HandledWebhook, HandleWebhookOptions } from './handle-webhook';
export { handleWebhook } from './handle-webhook';
export { checkJsonDepth, DEFAULT_MAX_DEPTH, jsonDepthExceeds } from './json-depth';
// Custom-adapter kit: verifiers for common auth schemes, field readers, ID selection.
export type {
  AdapterParseContext,
  ApiKeyOptions,
  ApplySchemaPolicyInput,
  AuthConfig,
  AuthScheme,
  BasicAuthOptions,
  BearerTokenOptions,
  CreateAdapterOptions,
  DeliveryVerifier,
  EffectiveSchemaPolicy,
  EnvelopeOnlyEvent,
  HmacHeaderOptions,
  IsoTimestampOptions,
  JsonLimitOptions,
  JsonObject,
  ResolvedEventId,
  ResolveEventIdOptions,
  SchemaPolicy,
  SchemaPolicyOptions,
  SignatureEncoding,
  TimestampedHmacOptions,
  TimestampSource,
  TypedPayload,
  VerificationChoice,
  WithSchemaPolicy,
} from './kit/index';
export {
  anyVerifier,
  apiKeyVerifier,
  applySchemaPolicy,
  basicAuthVerifier,
  bearerTokenVerifier,
  booleanOption,
  checkOptionsObject,
  checkSignatureFormat,
  createAdapter,
  dateFromUnixTime,
  dateOutOfRange,
  decodeSignature,
  durationOption,
  encodeSignature,
  hmacHeaderVerifier,
  idFromHeader,
  idFromPath,
  MAX_DATE_MS,
  maxDepthOption,
  optionalString,
  optionInvalid,
  parseIsoTimestamp,
  pathListOption,
  payloadInvalid,
  positiveIntegerOption,
  readJsonObject,
  requireString,
  requireValidDate,
  resolveEventId,
  resolveVerifier,
  schemaPolicyOption,
  secretEquals,
  stringOption,
  timestampedContent,
  timestampedHmacVerifier,
  toleranceOption,
  valueAtPath,
  verifierFromAuth,
} from './kit/index';
export type {
  ChannelListeners,
  ClaimContext,
  CompleteContext,
  DedupeCounts,
  DeliveryFacts,
  DiagnosticsChannelLike,
  DiagnosticsModule,
  DurationStats,
  FailureFacts,
  HandleContext,
  HandlerErrorReport,
  LogEvent,
  Logger,
  LogLevel,
  MetricsOptions,
  MetricsRecorder,
  MetricsSnapshot,
  ObserveOptions,
  OutcomeReport,
  ParseContext,
  ProcessContext,
  ProcessedReport,
  ProcessHooks,
  ReceiptReport,
  RejectedReport,
  StageContext,
  TracingChannelLike,
  TracingStage,
  WarningMessage,
  WarningReport,
} from './observe/index';
export {
  diagnosticsChannel,
  metrics,
  subscribeChannels,
  TRACING_CHANNELS,
  WARNING_CHANNEL,
} from './observe/index';
export type { ParseEventOptions } from './parse-event';
export { parseEvent } from './parse-event';
export type { JsonBodyOptions, PayloadIssue } from './payload';
export { parseJsonBody, validatePayload } from './payload';
export { DIGEST_PREFIX, deliveryDigest, payloadDigest, rawBodyDigest } from './payload-digest';
export type {
  DuplicateOutcome,
  EventHandler,
  FailedOutcome,
  HandlerCompleteOptions,
  HandlerContext,
  InFlightOutcome,
  LeaseLossReason,
  MatchedBy,
  MismatchOutcome,
  ProcessedOutcome,
  ProcessOnceOptions,
  ProcessOutcome,
  ProcessOutcomeKind,
  ProcessWarning,
  ProcessWarningKind,
  ResultDropReason,
  StoreUnavailableOutcome,
} from './process-once';
export { processOnce } from './process-once';
export type {
  DeliveryInput,
  HeadersInit,
  NodeRequestLike,
  PlainDeliveryInput,
  ReadDeliveryOptions,
} from './read-delivery';
export { DEFAULT_MAX_BODY_BYTES, readDelivery } from './read-delivery';
export type { WebhookReply } from './response';
export {
  errorReply,
  errorResponse,
  outcomeReply,
  outcomeResponse,
  replyResponse,
} from './response';
export { newClaimToken } from './store/claim-token';
export type { MemoryStoreOptions } from './store/memory-store';
export { memoryStore } from './store/memory-store';
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
  MAX_STORE_DURATION_MS,
  MAX_STORE_PREFIX_LENGTH,
  MAX_STORE_TIMEOUT_MS,
  storeOptionChecks,
} from './store/store-options';
export type {
  ClaimOptions,
  ClaimResult,
  CompleteOptions,
  DedupeRecord,
  DedupeState,
  DedupeStore,
  JsonValue,
  ListOptions,
} from './store/types';
export type { SecretOptions } from './verify';
export {
  checkSignatureCount,
  checkTimestamp,
  MAX_SIGNATURES_PER_HEADER,
  matchSignature,
  requireHeader,
  resolveSecrets,
  signatureInvalid,
} from './verify';
