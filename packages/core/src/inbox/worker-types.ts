/** The public types of `worker`: the handler, its context and the worker's reports. */
import type { WebhookEvent } from '../event';
import type { LeaseLossReason } from '../process/outcome-types';
import type { InboxCompleteOptions, InboxEntrySummary, InboxErrorInfo } from './types';

/** What a handler gets besides the event. */
export interface InboxHandlerContext {
  /** The entry's key (the event's `dedupeKey`). */
  key: string;
  /** This attempt's number since the entry was enqueued or replayed (1 = the first). */
  attempt: number;
  /** The fencing token: higher for every later claim of this entry (see `InboxEntrySummary`). */
  fence: number;
  /** How often the entry was replayed (0 for a first run). */
  replays: number;
  /**
   * Aborts the moment the lease is lost (another worker may take the entry over), or when
   * `stop({ graceMs })` runs out of patience. Pass it to your HTTP and database calls.
   */
  signal: AbortSignal;
  /** `idempotencyKey(event, purpose)` for this event: the key to send downstream. */
  idempotencyKey(purpose: string): string;
  /** The entry as claimed (no body or headers). */
  entry: InboxEntrySummary;
  /**
   * Complete the entry yourself, usually inside your own transaction with `{ tx }` (SQL
   * inboxes), so your business write and the completion commit together or not at all: a
   * crash before the commit leaves neither, and the entry runs again; a crash after it leaves
   * both, and it never runs again. `true` means "completed" (with `tx`: "when your transaction
   * commits"); renewals stop and the worker completes nothing more. `false`: another worker
   * took the entry over (the signal aborts): roll back. Call it while the handler runs, at
   * most once per transaction, and let an error leave the handler when your transaction rolls
   * back. A `tx` the inbox cannot join is CONFIG_INVALID; store errors are thrown to you.
   */
  complete(options?: InboxCompleteOptions): Promise<boolean>;
}

/** Your business logic for one entry. Throw to fail the attempt (it is retried later). */
export type InboxHandler<E extends WebhookEvent = WebhookEvent> = (
  event: E,
  context: InboxHandlerContext,
) => unknown;

/** What a worker did or ran into, for logs and metrics. */
export type WorkerReport =
  | { kind: 'completed'; key: string; attempt: number; durationMs: number }
  | {
      kind: 'retry_scheduled';
      key: string;
      attempt: number;
      retryInMs: number;
      error: InboxErrorInfo;
    }
  | { kind: 'dead_lettered'; key: string; attempt: number; error: InboxErrorInfo }
  | { kind: 'released'; key: string; reason: 'stopping' | 'claim_answered_late' }
  | {
      /** Exclusivity is gone (the signal aborted); `complete_refused`: `context.complete` was. */
      kind: 'lease_lost';
      key: string;
      reason: LeaseLossReason;
    }
  | {
      /** The inbox failed a call; calls that settle an entry are retried while the lease lives. */
      kind: 'store_error';
      operation: 'claim' | 'complete' | 'fail' | 'deadLetter' | 'release' | 'get';
      key?: string;
      error: unknown;
    }
  | {
      /**
       * The handler ran but its completion could not be recorded (refused: another worker took
       * the entry over after the lease; or the inbox did not answer for a whole lease). The entry
       * runs again: make side effects idempotent (`context.idempotencyKey`).
       */
      kind: 'complete_lost';
      key: string;
      /** `refused`: another worker holds the entry; `unanswered`: the inbox never answered. */
      reason: 'refused' | 'unanswered';
    };
