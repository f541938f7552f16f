/** Observability: diagnostics channels, hooks, logger and `metrics()` (docs/observability.md). */
export {
  RECEIPT_CHANNEL,
  TRACING_CHANNELS,
  type TracingStage,
  WARNING_CHANNEL,
} from './channel-names';
export type {
  ClaimContext,
  CompleteContext,
  DeliveryFacts,
  FailureFacts,
  HandleContext,
  ParseContext,
  ProcessContext,
  ReceiptMessage,
  RunContext,
  StageContext,
  WarningMessage,
} from './contexts';
export {
  type DiagnosticsChannelLike,
  type DiagnosticsModule,
  diagnosticsChannel,
  type TracingChannelLike,
} from './diagnostics';
export type { ProcessHooks } from './hooks';
export type { LogEvent, Logger, LogLevel } from './logger';
export type { DurationStats } from './metric-series';
export { type MetricsOptions, type MetricsRecorder, metrics } from './metrics';
export type { DedupeCounts, MetricsSnapshot } from './metrics-state';
export type { ObserveOptions } from './observer';
export type {
  HandlerErrorReport,
  OutcomeReport,
  ProcessedReport,
  ReceiptReport,
  RejectedReport,
  WarningReport,
} from './reports';
export { type ChannelListeners, subscribeChannels } from './subscribe';
