/** What `processOnce` returns (a union on `outcome`) and the warnings it raises. */
import type { HooklatchError } from '../errors';
import type { DedupeRecord, DedupeState, JsonValue } from '../store/types';

interface OutcomeBase {
  /** HTTP status to answer the provider with. */
  status: number;
  /** Headers to send (`retry-after`, `hooklatch-outcome`). */
  headers: Record<string, string>;
  /** The dedupe key claimed: `event.dedupeKey` (the store adds its own `prefix`). */
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
 * - `dead_lettered` (inbox workers and receivers only): the entry went to the dead letters
 *   with `errorCode` after `attempts` attempts (0: at receipt); it waits for a replay.
 */
export type ProcessWarning =
  | { kind: 'release_failed'; key: string; error: unknown }
  | { kind: 'complete_retried'; key: string; attempts: number; error: unknown }
  | { kind: 'complete_failed'; key: string; attempts: number; error: unknown }
  | { kind: 'lease_lost'; key: string; reason: LeaseLossReason; error?: unknown }
  | { kind: 'lease_overrun'; key: string; overrunMs: number }
  | { kind: 'result_dropped'; key: string; reason: ResultDropReason; bytes?: number }
  | { kind: 'ttl_below_retention'; key: string; ttlMs: number; retentionMs: number }
  | { kind: 'dead_lettered'; key: string; attempts: number; errorCode: string };

/** Every warning kind. */
export type ProcessWarningKind = ProcessWarning['kind'];
