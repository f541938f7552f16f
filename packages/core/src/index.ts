/**
 * @hooklatch/core: turn a raw webhook request into a verified, normalized event with a stable
 * ID, and process it exactly once in effect. This entry is the application API (parse,
 * process, handle, replies, errors, the memory store, the types); adapter and store authors
 * build with `@hooklatch/core/kit`.
 *
 * ```ts
 * const event = await parseEvent(adapter, request);
 * const outcome = await processOnce(store, event, handle);
 * return outcomeResponse(outcome);
 * ```
 *
 * @module
 */

export { cryptoBackend } from './crypto/index';
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
  SignedDelivery,
  SignOptions,
  WebhookAdapter,
  WebhookEvent,
} from './event';
export type { HandledWebhook, HandleWebhookOptions } from './handle-webhook';
export { handleWebhook } from './handle-webhook';
// Inbox mode: durable receive, worker, dead letters, replay, idempotency keys (docs/inbox.md).
export * from './inbox/index';
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
  ReceiptMessage,
  ReceiptReport,
  RejectedReport,
  RunContext,
  StageContext,
  TracingChannelLike,
  TracingStage,
  WarningMessage,
  WarningReport,
} from './observe/index';
export {
  diagnosticsChannel,
  metrics,
  RECEIPT_CHANNEL,
  subscribeChannels,
  TRACING_CHANNELS,
  WARNING_CHANNEL,
} from './observe/index';
export type { ParseEventOptions } from './parse-event';
export { parseEvent } from './parse-event';
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
  HeaderInput,
  NodeRequestLike,
  PlainDeliveryInput,
  ReadDeliveryOptions,
} from './read-delivery';
export {
  bodyIncompleteError,
  bodyTooLargeError,
  DEFAULT_MAX_BODY_BYTES,
  readDelivery,
} from './read-delivery';
export type { WebhookReply } from './response';
export {
  errorReply,
  errorResponse,
  outcomeReply,
  outcomeResponse,
  replyResponse,
} from './response';
// The typed event router, and what framework integrations share (router/index.ts).
export type {
  BodyConsumedHint,
  EventTypeOf,
  FallbackHandler,
  FrameworkNodeRequest,
  NodeResponseLike,
  RoutedEvent,
  RouterEvents,
  RouterOptions,
  Unrouted,
  UnroutedEvent,
  WebhookRouter,
} from './router/index';
export {
  bodyConsumedError,
  handleNodeRequest,
  handleWebhookInput,
  nodeRequestInput,
  router,
  webRequestInput,
} from './router/index';
export type { MemoryStoreOptions } from './store/memory-store';
export { memoryStore } from './store/memory-store';
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
