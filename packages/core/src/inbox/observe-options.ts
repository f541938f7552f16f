/**
 * The `hooks` and `logger` options of `inboxReceiver` and `worker`: the same names, checks and
 * defaults as `processOnce`'s (a hook that throws never changes anything; the default logger
 * is the console at `warn`, so a handler error is logged once; `false` is silence), with the
 * reports of inbox mode. Every report is safe to log as JSON, except `error` in
 * {@link InboxHandlerErrorReport}: your handler's own thrown value.
 */
import type { DeliveryFacts } from '../observe/contexts';
import type { Logger } from '../observe/logger';
import { type ObserveOptions, resolveObserver } from '../observe/observer';
import type { HandlerErrorReport, ReceiptReport, WarningReport } from '../observe/reports';

/** What a receipt did (see `inboxReceiver`). */
export type InboxReceiptOutcome =
  | 'enqueued'
  | 'dead_lettered'
  | 'duplicate'
  | 'mismatch'
  | 'rejected'
  | 'store_unavailable'
  | 'failed';

/** `onOutcome` of `inboxReceiver`: one per answer. Facts are empty strings when it was rejected. */
export interface InboxReceiptReport extends DeliveryFacts {
  outcome: InboxReceiptOutcome;
  /** The HTTP status answered. */
  status: number;
  /** Milliseconds from the call to the answer (reading, verifying, enqueueing). */
  durationMs: number;
  /** Rejected, store unavailable and failed: the error's code and name. */
  errorCode?: string | undefined;
  errorName?: string | undefined;
}

/** How one claim of an entry ended, as the worker's `onOutcome` reports it. */
export type WorkerOutcome =
  | 'completed'
  | 'retry_scheduled'
  | 'dead_lettered'
  | 'released'
  | 'complete_lost';

/** `onOutcome` of `worker`: one per claimed entry, once it is settled. */
export interface WorkerOutcomeReport extends DeliveryFacts {
  outcome: WorkerOutcome;
  /** This attempt's number since the entry was enqueued or replayed (1 = the first). */
  claims: number;
  /** The entry's fencing token for this claim. */
  fence: number;
  /** How often the entry was replayed. */
  replays: number;
  /** Whether the handler ran. */
  handled: boolean;
  /** Milliseconds from the claim to the verdict. */
  durationMs: number;
  /** `retry_scheduled`: when the entry may be claimed again, ms from now. */
  retryInMs?: number | undefined;
  /** `retry_scheduled` and `dead_lettered`: the code kept as the entry's last error. */
  errorCode?: string | undefined;
}

/** `onError` of `worker`: the handler threw (once per attempt, before the entry is settled). */
export interface InboxHandlerErrorReport extends HandlerErrorReport {
  fence: number;
  replays: number;
  /** What happens to the entry: a later attempt, or the dead letters (`maxAttempts` used up). */
  next: 'retry' | 'dead_letter';
}

/** Hooks of `inboxReceiver` (an `onError` given there never fires: no handler runs). */
export interface InboxReceiverHooks {
  /** A verified delivery with its dedupe key, before it is enqueued. */
  onReceipt?: (report: ReceiptReport) => unknown;
  /** Every answer. */
  onOutcome?: (report: InboxReceiptReport) => unknown;
  /** A delivery kept straight in the dead letters (`dead_lettered`: its schema refused it). */
  onWarning?: (report: WarningReport) => unknown;
}

/** Hooks of `worker` (an `onReceipt` given there never fires: the receiver reported it). */
export interface WorkerHooks {
  /** Every claimed entry, once settled. */
  onOutcome?: (report: WorkerOutcomeReport) => unknown;
  /** The handler threw. */
  onError?: (report: InboxHandlerErrorReport) => unknown;
  /**
   * `dead_lettered`, `lease_lost` (also `complete_refused`: another worker took the entry
   * over), `complete_retried` and `complete_failed` (the completion never landed: it runs
   * again).
   */
  onWarning?: (report: WarningReport) => unknown;
}

/** The observation options of `inboxReceiver` and `worker`. */
export interface InboxObserveOptions<H> {
  /**
   * Portable hooks (no diagnostics channel needed). Checked like `processOnce`'s: an unknown
   * name is CONFIG_INVALID; a hook that throws never changes an answer or a verdict.
   * @default none
   */
  hooks?: H | undefined;
  /**
   * A console-shaped or pino-shaped logger (every level is sent), or `false` for none. Lines
   * hold facts only: never a payload, a secret or a handler's error message.
   * @default the console, warnings and errors only (a handler error is logged once)
   */
  logger?: Logger | false | undefined;
}

/** The checked options: what an inbox part reports to. */
export interface InboxObserver<H> {
  hooks: H | undefined;
  log: ReturnType<typeof resolveObserver>['log'];
}

/** Check `hooks` and `logger` (CONFIG_INVALID naming the bad one), as `processOnce` does. */
export function inboxObserver<H>(options: InboxObserveOptions<H>): InboxObserver<H> {
  // The same four hook names are accepted everywhere, so one hooks object can serve a
  // handleWebhook route, a receiver and a worker.
  return resolveObserver(options as ObserveOptions) as InboxObserver<H>;
}
