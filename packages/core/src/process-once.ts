/**
 * `processOnce`: claim the event's dedupe key, run the handler, mark it completed, and say
 * honestly what to answer the provider.
 *
 * The response policy, and why:
 * - processed / completed duplicate -> 200: the work is done; stop retrying.
 * - in-flight duplicate -> 409 + Retry-After (configurable, never 2xx): the first attempt may
 *   still crash, and a 2xx would make the provider drop the event for good.
 * - handler failure -> 500, after releasing the claim so the provider's retry can run.
 * - store down -> 503: without a claim we cannot promise once-only, so ask for a retry.
 */
import { HooklatchError, StoreUnavailableError } from './errors';
import type { WebhookEvent } from './event';
import type { DedupeRecord, DedupeStore, JsonValue } from './store/types';

/** What happened to one delivery. */
export type ProcessOutcomeKind =
  | 'processed'
  | 'duplicate'
  | 'in_flight'
  | 'failed'
  | 'store_unavailable';

/** Options of {@link processOnce}. */
export interface ProcessOnceOptions {
  /**
   * How long the handler may run before another delivery may take the event over. Set it above
   * your slowest handler run.
   * @default 300_000 (5 minutes)
   */
  leaseMs?: number;
  /**
   * How long a completed record is kept.
   * @default the adapter's retention (the provider's retry horizon), else 3 days
   */
  ttlMs?: number;
  /** Status for an in-flight duplicate; any non-2xx the provider retries on. @default 409 */
  inFlightStatus?: number;
  /**
   * `Retry-After` seconds for an in-flight duplicate.
   * @default the lease's remaining seconds, clamped to 1..60
   */
  retryAfterSeconds?: number;
  /** Store the handler's return value so duplicates can return it. @default true */
  storeResult?: boolean;
  /** Prefix for every dedupe key (e.g. per environment or per consumer). @default '' */
  keyPrefix?: string;
  /** Called with errors that do not change the outcome (a failed release or complete). */
  onWarning?: (warning: ProcessWarning) => void;
}

/** A problem that did not change the outcome but an operator may want to know about. */
export interface ProcessWarning {
  kind: 'release_failed' | 'complete_failed' | 'lease_lost';
  key: string;
  error?: unknown;
}

/** The result of {@link processOnce}: what happened and what to answer. */
export interface ProcessOutcome<R = unknown> {
  outcome: ProcessOutcomeKind;
  /** HTTP status to answer the provider with. */
  status: number;
  /** Headers to send (e.g. `retry-after`). */
  headers: Record<string, string>;
  /** The claimed dedupe key. */
  key: string;
  /** The handler's return value (processed) or the stored result (duplicate), if any. */
  result?: R | JsonValue;
  /** The completed record, for duplicates. */
  record?: DedupeRecord;
  /** The handler's or the store's error, for `failed` / `store_unavailable`. */
  error?: unknown;
  /** When the current lease ends, for `in_flight`. */
  leaseExpiresAt?: Date;
}

/** The handler: runs once per dedupe key. Its return value is stored when JSON-serializable. */
export type EventHandler<E extends WebhookEvent, R> = (
  event: E,
  context: { key: string; token: string; claims: number },
) => R | Promise<R>;

const DEFAULT_LEASE_MS = 300_000;
const DEFAULT_TTL_MS = 3 * 24 * 3600 * 1000;

function toStoreError(error: unknown): HooklatchError {
  if (error instanceof HooklatchError) return error;
  return new StoreUnavailableError('The dedupe store did not answer.', { cause: error });
}

function storable(value: unknown): JsonValue | undefined {
  if (value === undefined) return undefined;
  try {
    return JSON.parse(JSON.stringify(value)) as JsonValue;
  } catch {
    return undefined;
  }
}

/**
 * Run `handler` at most once per `event.dedupeKey` (per lease), and decide the HTTP answer.
 * Never throws for handler or store failures: they come back as outcomes.
 */
export async function processOnce<E extends WebhookEvent, R>(
  store: DedupeStore,
  event: E,
  handler: EventHandler<E, R>,
  options: ProcessOnceOptions = {},
): Promise<ProcessOutcome<R>> {
  const key = (options.keyPrefix ?? '') + event.dedupeKey;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const ttlMs = options.ttlMs ?? event.retentionMs ?? DEFAULT_TTL_MS;
  const warn = options.onWarning ?? (() => {});

  let claim: Awaited<ReturnType<DedupeStore['claim']>>;
  try {
    claim = await store.claim(key, { leaseMs, ttlMs: Math.max(ttlMs, leaseMs) });
  } catch (error) {
    return {
      outcome: 'store_unavailable',
      status: 503,
      headers: { 'retry-after': '5' },
      key,
      error: toStoreError(error),
    };
  }

  if (claim.status === 'completed') {
    return {
      outcome: 'duplicate',
      status: 200,
      headers: {},
      key,
      record: claim.record,
      ...(claim.record.result === undefined ? {} : { result: claim.record.result }),
    };
  }
  if (claim.status === 'in_flight') {
    const remaining = Math.ceil((claim.leaseExpiresAt.getTime() - Date.now()) / 1000);
    const retryAfter = options.retryAfterSeconds ?? Math.min(60, Math.max(1, remaining));
    return {
      outcome: 'in_flight',
      status: options.inFlightStatus ?? 409,
      headers: { 'retry-after': String(retryAfter) },
      key,
      leaseExpiresAt: claim.leaseExpiresAt,
    };
  }

  let result: R;
  try {
    result = await handler(event, { key, token: claim.token, claims: claim.claims });
  } catch (error) {
    try {
      await store.release(key, claim.token);
    } catch (releaseError) {
      // The lease will expire on its own; the retry then re-claims.
      warn({ kind: 'release_failed', key, error: releaseError });
    }
    return { outcome: 'failed', status: 500, headers: {}, key, error };
  }

  // The work is done. Whatever happens to the completion mark, answering non-2xx now would
  // invite a second run, so the answer is 200 and problems are reported as warnings.
  try {
    const stored = options.storeResult === false ? undefined : storable(result);
    const ok = await store.complete(key, claim.token, {
      ttlMs,
      ...(stored === undefined ? {} : { result: stored }),
    });
    if (!ok) warn({ kind: 'lease_lost', key });
  } catch (error) {
    warn({ kind: 'complete_failed', key, error });
  }
  return { outcome: 'processed', status: 200, headers: {}, key, result };
}
