/**
 * Inbox mode: keep every verified delivery durably and answer at once (`inboxReceiver`), run
 * the slow work later with retries, dead letters and replay (`worker`), and send the same
 * `idempotencyKey` downstream on every run. Backends implement {@link InboxStore}; the memory
 * one lives here, SQL and Redis ones in their store packages (built with `./kit`, which
 * `@hooklatch/core/kit` re-exports).
 *
 * @module
 */

export { inboxErrorInfo } from './error-info';
export { idempotencyKey } from './idempotency-key';
export type { MemoryInboxOptions } from './memory-inbox';
export { memoryInbox } from './memory-inbox';
export type {
  InboxHandlerErrorReport,
  InboxObserveOptions,
  InboxReceiptOutcome,
  InboxReceiptReport,
  InboxReceiverHooks,
  WorkerHooks,
  WorkerOutcome,
  WorkerOutcomeReport,
} from './observe-options';
export type { InboxReceipt, InboxReceive, InboxReceiverOptions } from './receiver';
export { inboxReceiver } from './receiver';
export type { RetryDelayOptions } from './retry-delay';
export { retryCeiling, retryDelay } from './retry-delay';
export type { KeepHeader } from './stored-delivery';
export { DROPPED_HEADERS, keptHeaders } from './stored-delivery';
export type {
  EnqueueResult,
  InboxClaim,
  InboxClaimOptions,
  InboxCompleteOptions,
  InboxDeadLetterOptions,
  InboxDelivery,
  InboxEntry,
  InboxEntrySummary,
  InboxErrorInfo,
  InboxFailOptions,
  InboxListOptions,
  InboxListPage,
  InboxPurgeOptions,
  InboxReplayOptions,
  InboxState,
  InboxStateCounts,
  InboxStats,
  InboxStore,
} from './types';
export { INBOX_STATES } from './types';
export type { InboxWorker, WorkerStopOptions } from './worker';
export { worker } from './worker';
export type { WorkerOptions } from './worker-options';
export type { InboxHandler, InboxHandlerContext, WorkerReport } from './worker-types';
