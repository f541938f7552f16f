/**
 * The objects published on the hooklatch channels. Public API (see docs/observability.md).
 *
 * Every field is a fact safe to log: never the payload, a secret, a claim token or a stored
 * result. `error` (set by the TracingChannel on its `error` event) is the one exception: it is
 * the thrown value itself, so treat it like any error of your own. `result` (which the
 * TracingChannel sets from the traced function) is always `undefined`: values stay out.
 * Fields marked "when done" are filled in before `asyncEnd` (and before `error`).
 */
import type { IdSource } from '../event';
import type { InboxReceiptReport, WorkerOutcome } from '../inbox/observe-options';
import type { MatchedBy, ProcessOutcomeKind, ProcessWarning } from '../process/types';

/** What identifies one event; on every context and report of its delivery. */
export interface DeliveryFacts {
  /** The adapter name (`stripe`), `event.provider`. */
  provider: string;
  /** The event type (`payment_intent.succeeded`). */
  type: string;
  /** The event ID (`event.id`): the provider's, its delivery ID, or an `fp1:` fingerprint. */
  eventId: string;
  /** Which of the three `eventId` is. */
  idSource: IdSource;
  /** The dedupe key, `event.dedupeKey` (the store namespaces it with its own `prefix`). */
  key: string;
  /** The provider's delivery ID, when it sends one (differs between retries of one event). */
  deliveryId: string | undefined;
  /** The provider's attempt counter, when it sends one (1 = first delivery). */
  attempt: number | undefined;
}

/** How a stage failed, when it did. */
export interface FailureFacts {
  /** A hooklatch error's `code`, or a short `code` string the error carries (`ECONNRESET`). */
  errorCode?: string | undefined;
  /** The error's `name` (`TypeError`, `VerificationError`), `typeof` for a non-Error. */
  errorName?: string | undefined;
  /** Set by the TracingChannel when the stage threw. */
  error?: unknown;
}

/** `hooklatch:parse`: one `parseEvent` call. Event facts appear once it verified. */
export interface ParseContext extends Partial<DeliveryFacts>, FailureFacts {
  /** The adapter's name ('' when `adapter` is not an adapter). */
  provider: string;
  /** When done with an error: the HTTP status it answers (401 for a bad signature...). */
  status?: number | undefined;
  /** When done: milliseconds spent (monotonic clock). */
  durationMs?: number | undefined;
}

/** `hooklatch:process`: one delivery through `processOnce`. It never throws, so no `error`. */
export interface ProcessContext extends DeliveryFacts {
  /** The lease one claim gets, ms (0 when the options were invalid and nothing was claimed). */
  leaseMs: number;
  /** When done: what happened. */
  outcome?: ProcessOutcomeKind | undefined;
  /** When done: the HTTP status to answer. */
  status?: number | undefined;
  /** When done: whether the handler ran for this delivery. */
  handled?: boolean | undefined;
  /** When known: how many times the key was claimed (> 1 after a crash or failure). */
  claims?: number | undefined;
  /** Duplicate and in-flight: which claim decided (`key`, or `digest` with the replay guard). */
  via?: MatchedBy | undefined;
  /** Processed: the completion mark when the answer was given. */
  completion?: 'stored' | 'pending' | 'lost' | undefined;
  /** Failed or store unavailable: the error's code and name (never the error itself). */
  errorCode?: string | undefined;
  errorName?: string | undefined;
  /** When done: milliseconds from the call to the answer. */
  durationMs?: number | undefined;
}

/** Facts every per-stage context of one delivery carries, with a link to its delivery. */
export interface StageContext extends DeliveryFacts, FailureFacts {
  /** The delivery this call belongs to (the `hooklatch:process` context): parent of the stage. */
  delivery: ProcessContext;
  /** When done: milliseconds spent in the call. */
  durationMs?: number | undefined;
}

/** `hooklatch:claim`: one `store.claim`. */
export interface ClaimContext extends StageContext {
  /** The key claimed: the event's `key`, or its digest key with the replay guard. */
  claimKey: string;
  /** Which of the two `claimKey` is. */
  via: MatchedBy;
  leaseMs: number;
  ttlMs: number;
  /** When done: the store's answer. */
  status?: 'claimed' | 'in_flight' | 'completed' | undefined;
  /** When done: the record's claim count (claimed or completed). */
  claims?: number | undefined;
  /** In flight: ms left on the other owner's lease, by the store's clock. */
  leaseRemainingMs?: number | undefined;
}

/** `hooklatch:handle`: the handler, run as the owner of the claim. */
export interface HandleContext extends StageContext {
  /** How many times the key has been claimed (1 on a first delivery). */
  claims: number;
}

/** `hooklatch:complete`: one `store.complete` (the mark that makes later copies duplicates). */
export interface CompleteContext extends StageContext {
  claimKey: string;
  via: MatchedBy;
  /** 1 for the first attempt on `claimKey`, then 2, 3... for retries. */
  markAttempt: number;
  /** Whether the handler's result is sent with the mark. */
  withResult: boolean;
  /** Whether the mark is written in your transaction (`context.complete({ tx })`). */
  inTransaction: boolean;
  /** When done: the store said `true` (marked). */
  marked?: boolean | undefined;
}

/**
 * `hooklatch:run`: one worker run of a claimed inbox entry. Its `delivery` is the object the
 * run's `hooklatch:handle` and `hooklatch:complete` contexts (and its warnings) name as their
 * `delivery`, so a subscriber can hang them under the run. Facts are the entry's until it is
 * parsed again, then the event's.
 */
export interface RunContext extends StageContext {
  /** The entry's attempt since it was enqueued or replayed (1 = the first). */
  claims: number;
  /** When done: how the run ended (the worker's `onOutcome`), when it settled the entry. */
  outcome?: WorkerOutcome | undefined;
  /** When done: whether the handler ran. */
  handled?: boolean | undefined;
}

/** `hooklatch:warning`: a problem that did not change the outcome. */
export interface WarningMessage extends DeliveryFacts {
  delivery: ProcessContext;
  warning: ProcessWarning;
}

/**
 * `hooklatch:receipt`: one `inboxReceiver` answer, what its `onOutcome` hook gets. The facts are
 * empty strings for a delivery refused before it verified (`rejected`, which `hooklatch:parse`
 * also reports as a parse error).
 */
export type ReceiptMessage = InboxReceiptReport;
