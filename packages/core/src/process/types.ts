/** The public types of `processOnce`: its options, the handler's context, outcomes and warnings. */
import type { HooklatchError } from '../errors';
import type { WebhookEvent } from '../event';
import type { DedupeRecord, DedupeState, JsonValue } from '../store/types';

/** Options of {@link processOnce}. Every one is validated; a bad value is `CONFIG_INVALID`. */
export interface ProcessOnceOptions {
  /**
   * How long one claim is exclusive without a renewal. `processOnce` renews it every third of
   * this while the handler runs, so a slow handler keeps its claim for as long as its process
   * lives; a process that dies loses it after at most this long. A finite integer in
   * 1..2_147_483_647.
   * @default 300_000 (5 minutes)
   */
  leaseMs?: number;
  /**
   * How long a completed record is kept: re-deliveries within it are duplicates. Keep it at or
   * above the provider's retry horizon (a shorter one raises `ttl_below_retention` once).
   * A finite number > 0 (rounded up to whole ms), at most 100 years.
   * @default the adapter's retention (the provider's retry horizon), else 3 days
   */
  ttlMs?: number;
  /**
   * Status for an in-flight duplicate: an integer in 300..599 the provider retries on, never a
   * 2xx (that would make it drop an event whose first attempt may still die).
   * @default 409
   */
  inFlightStatus?: number;
  /**
   * `Retry-After` seconds for an in-flight duplicate (an integer >= 0).
   * @default the lease's remaining time as the store reports it, in whole seconds, clamped to 1..60
   */
  retryAfterSeconds?: number;
  /**
   * Status for a `mismatch` (same key, different payload digest): an integer in 400..599.
   * @default 422
   */
  mismatchStatus?: number;
  /** Store the handler's return value so duplicates can return it. @default true */
  storeResult?: boolean;
  /**
   * Largest stored result, in UTF-8 bytes of its JSON (an integer >= 0). A larger result is not
   * stored (the record completes without it; warning `result_dropped`).
   * @default 65_536
   */
  maxResultBytes?: number;
  /**
   * Longest wait, after the handler finished, for the completion mark before answering 200
   * anyway (an integer in 0..2_147_483_647 ms). Retries of a failing `complete` continue in the
   * background until the lease ends (see `waitUntil`).
   * @default 2_000
   */
  completeWaitMs?: number;
  /** Prefix for every dedupe key (e.g. per environment or per consumer). @default '' */
  keyPrefix?: string;
  /**
   * `'digest'` also claims the payload digest (`${keyPrefix}${provider}:digest:${digest}`) with
   * the same lease and TTL, so a captured delivery replayed under a fresh ID is a `duplicate`.
   * For providers whose ID header is not signed (GitHub, Shopify, Qualio). Only turn it on
   * where two distinct events never carry identical payloads.
   * @default 'off'
   */
  replayGuard?: 'off' | 'digest';
  /** Called with problems that do not change the outcome. A throwing callback is ignored. */
  onWarning?: (warning: ProcessWarning) => void;
  /**
   * Keeps work alive after the answer: called with the background completion when the mark was
   * not written within `completeWaitMs` (pass `ctx.waitUntil` on Workers, `waitUntil` from
   * `@vercel/functions` on Vercel). On Node the promise just continues. Never rejects.
   * @default none
   */
  waitUntil?: (promise: Promise<unknown>) => void;
}

/** Options of {@link HandlerContext.complete}. */
export interface HandlerCompleteOptions {
  /** Your transaction handle (SQL stores): the mark commits with your business writes. */
  tx?: unknown;
  /** The result to store for duplicates (validated like a returned one). */
  result?: unknown;
}

/** What the handler gets besides the event. */
export interface HandlerContext {
  /** The claimed dedupe key. */
  key: string;
  /** The owner token of the claim. */
  token: string;
  /** How many times the key has been claimed (more than 1 after a crash or a failure). */
  claims: number;
  /**
   * Aborts the moment the lease is lost (a renewal was refused, or the lease end passed without
   * one): another delivery may run the event from then on. Pass it to your HTTP and DB calls.
   */
  signal: AbortSignal;
  /**
   * Mark the event completed yourself, e.g. inside your own transaction with `{ tx }`. `true`
   * means "marked" (with `tx`: "marked when your transaction commits"); `processOnce` then does
   * not complete again. If your transaction rolls back, let the error leave the handler.
   * Store errors are thrown to you.
   */
  complete(options?: HandlerCompleteOptions): Promise<boolean>;
}

/** The handler: runs once per dedupe key. Its return value is stored when it is valid JSON. */
export type EventHandler<E extends WebhookEvent, R> = (
  event: E,
  context: HandlerContext,
) => R | Promise<R>;

interface OutcomeBase {
  /** HTTP status to answer the provider with. */
  status: number;
  /** Headers to send (`retry-after`, `hooklatch-outcome`). */
  headers: Record<string, string>;
  /** The dedupe key (with `keyPrefix`). */
  key: string;
}

/** Which claim decided a duplicate or in-flight answer: the event's key or its digest key. */
export type MatchedBy = 'key' | 'digest';

/** The handler ran and returned: answer 200. */
export interface ProcessedOutcome<R> extends OutcomeBase {
  outcome: 'processed';
  /** The handler's return value. */
  result: R;
  /**
   * The completion mark when the answer was given: `stored`; `pending` (still retried in the
   * background); `lost` (not written: see the `lease_lost` / `complete_failed` warning).
   */
  completion: 'stored' | 'pending' | 'lost';
}

/** Already completed: answer 200 without running the handler. */
export interface DuplicateOutcome extends OutcomeBase {
  outcome: 'duplicate';
  /** The completed record. */
  record: DedupeRecord;
  /** Its stored result, if any. */
  result?: JsonValue;
  via: MatchedBy;
}

/** Another attempt holds a live lease: answer non-2xx with `Retry-After`. */
export interface InFlightOutcome extends OutcomeBase {
  outcome: 'in_flight';
  /** When the live lease ends (store clock). */
  leaseExpiresAt: Date;
  /** Milliseconds left on it, as the store reported. */
  leaseRemainingMs: number;
  via: MatchedBy;
}

/** The key is known with another payload digest: a different body under a reused ID. */
export interface MismatchOutcome extends OutcomeBase {
  outcome: 'mismatch';
  /** The state of the record that holds the other digest. */
  state: DedupeState;
  /** This delivery's digest. */
  digest: string;
  /** The digest stored with the record. */
  storedDigest: string;
}

/** The handler threw (its claim was released) or the setup is wrong (`CONFIG_INVALID`): 500. */
export interface FailedOutcome extends OutcomeBase {
  outcome: 'failed';
  error: unknown;
}

/** The store could not decide the claim (`STORE_UNAVAILABLE` / `STORE_FULL`): 503. */
export interface StoreUnavailableOutcome extends OutcomeBase {
  outcome: 'store_unavailable';
  error: HooklatchError;
}

/** The result of {@link processOnce}: what happened and what to answer. */
export type ProcessOutcome<R = unknown> =
  | ProcessedOutcome<R>
  | DuplicateOutcome
  | InFlightOutcome
  | MismatchOutcome
  | FailedOutcome
  | StoreUnavailableOutcome;

/** What happened to one delivery. */
export type ProcessOutcomeKind = ProcessOutcome['outcome'];

/** Why a handler result was not stored. */
export type ResultDropReason =
  | 'not_json'
  | 'lone_surrogate'
  | 'nul_character'
  | 'too_large'
  | 'store_rejected';

/** Why a lease counts as lost. */
export type LeaseLossReason = 'extend_refused' | 'lease_expired' | 'complete_refused';

/**
 * A problem that did not change the outcome but an operator may want to know about:
 * - `release_failed`: a failed handler's claim could not be released (it expires on its own).
 * - `complete_retried`: the completion mark landed after `attempts` tries.
 * - `complete_failed`: the mark could not be written before the lease ended: a retry after the
 *   lease runs the handler again.
 * - `lease_lost`: exclusivity is gone (raised when it happens; `context.signal` aborts).
 * - `lease_overrun`: the lease ended before completion, but nobody took over and the mark landed.
 * - `result_dropped`: the record completed without the result.
 * - `ttl_below_retention`: `ttlMs` is shorter than the provider's retry horizon (once per
 *   process per provider and TTL): late retries would run again.
 */
export type ProcessWarning =
  | { kind: 'release_failed'; key: string; error: unknown }
  | { kind: 'complete_retried'; key: string; attempts: number; error: unknown }
  | { kind: 'complete_failed'; key: string; attempts: number; error: unknown }
  | { kind: 'lease_lost'; key: string; reason: LeaseLossReason; error?: unknown }
  | { kind: 'lease_overrun'; key: string; overrunMs: number }
  | { kind: 'result_dropped'; key: string; reason: ResultDropReason; bytes?: number }
  | { kind: 'ttl_below_retention'; key: string; ttlMs: number; retentionMs: number };

/** Every warning kind. */
export type ProcessWarningKind = ProcessWarning['kind'];
