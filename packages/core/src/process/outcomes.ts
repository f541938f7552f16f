/**
 * The answers `processOnce` gives without running the handler, and why each status:
 * - completed duplicate -> 200: the work is done; stop retrying.
 * - in-flight duplicate -> 409 (configurable, never 2xx) + Retry-After: the first attempt may
 *   still die, and a 2xx would make the provider drop the event for good.
 * - mismatch -> 422 (configurable 4xx/5xx): the ID is known with another body; running it would
 *   break once-only for the ID, answering 200 would silently drop a different event.
 * - store down or full -> 503 + Retry-After: without a claim there is no once-only promise.
 * - setup error (CONFIG_INVALID, from the options or the store) -> 500: retried until fixed.
 */
import { type HooklatchError, isHooklatchError, StoreUnavailableError, statusOf } from '../errors';
import { digestsDiffer } from '../payload-digest';
import type { ClaimResult } from '../store/types';
import type { ProcessConfig } from './options';
import type {
  FailedOutcome,
  MatchedBy,
  ProcessOutcome,
  StoreUnavailableOutcome,
} from './outcome-types';

const STORE_RETRY_AFTER = '5';

/** A `failed` outcome (500) carrying `error`. */
export function failedOutcome(key: string, error: unknown): FailedOutcome {
  return { outcome: 'failed', status: 500, headers: {}, key, error };
}

/**
 * A store call that threw. Store errors that are hooklatch errors keep their code: STORE_* are
 * 503 `store_unavailable`, anything else (CONFIG_INVALID: a missing table or driver) is a 500
 * `failed`. An unknown error from a third-party store counts as unavailability.
 */
export function storeFailure(key: string, error: unknown): StoreUnavailableOutcome | FailedOutcome {
  if (
    isHooklatchError(error) &&
    error.code !== 'STORE_UNAVAILABLE' &&
    error.code !== 'STORE_FULL'
  ) {
    return failedOutcome(key, error);
  }
  const storeError: HooklatchError = isHooklatchError(error)
    ? error
    : new StoreUnavailableError('The dedupe store did not answer.', { cause: error });
  return {
    outcome: 'store_unavailable',
    status: statusOf(storeError),
    headers: { 'retry-after': STORE_RETRY_AFTER },
    key,
    error: storeError,
  };
}

/** Whole seconds left on a lease by the store's clock, clamped to 1..60. */
function retryAfter(config: ProcessConfig, remainingMs: number): string {
  if (config.retryAfterSeconds !== undefined) return String(config.retryAfterSeconds);
  const seconds = Number.isFinite(remainingMs) ? Math.ceil(remainingMs / 1000) : 1;
  return String(Math.min(60, Math.max(1, seconds)));
}

/**
 * The answer for a claim someone else holds or finished: duplicate, in flight or mismatch.
 * `key` is the event's key; `via` says whether its own claim or the digest claim decided.
 */
export function answerFor<R>(
  config: ProcessConfig,
  key: string,
  claim: Exclude<ClaimResult, { status: 'claimed' }>,
  digest: string | undefined,
  via: MatchedBy,
): ProcessOutcome<R> {
  const stored = claim.status === 'completed' ? claim.record.digest : claim.digest;
  if (digestsDiffer(stored, digest)) {
    return {
      outcome: 'mismatch',
      status: config.mismatchStatus,
      headers: { 'hooklatch-outcome': 'mismatch' },
      key,
      state: claim.status,
      digest: digest as string,
      storedDigest: stored,
    };
  }
  if (claim.status === 'completed') {
    return {
      outcome: 'duplicate',
      status: 200,
      headers: { 'hooklatch-outcome': 'duplicate' },
      key,
      record: claim.record,
      ...(claim.record.result === undefined ? {} : { result: claim.record.result }),
      via,
    };
  }
  // Older stores may not report the remaining time: fall back to the app clock.
  const remaining = claim.leaseRemainingMs ?? claim.leaseExpiresAt.getTime() - Date.now();
  return {
    outcome: 'in_flight',
    status: config.inFlightStatus,
    headers: { 'retry-after': retryAfter(config, remaining), 'hooklatch-outcome': 'in_flight' },
    key,
    leaseExpiresAt: claim.leaseExpiresAt,
    leaseRemainingMs: remaining,
    via,
  };
}
