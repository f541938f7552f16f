/**
 * The public types of `processOnce`: its options and the handler's context. The outcome and
 * warning types live in `./outcome-types` and are re-exported here, so this stays the one
 * place to import `processOnce` types from.
 */
import type { WebhookEvent } from '../event';
import type { ObserveOptions } from '../observe/observer';
import type { ProcessWarning } from './outcome-types';

export type * from './outcome-types';

/**
 * Options of {@link processOnce}. Every one is validated; a bad value is `CONFIG_INVALID`.
 * `hooks` and `logger` (observation) are described in `ObserveOptions`.
 */
export interface ProcessOnceOptions extends ObserveOptions {
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
  /**
   * `'digest'` also claims the payload digest (`#digest:${provider}:${digest}`) with
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
