/**
 * Writing the completion mark, with retries. A lost mark means the next copy after the lease
 * runs the handler again, so a failing `complete` is retried with bounded exponential backoff
 * (50 ms doubling up to 1 s, jittered) for one lease after the handler finished, and on while
 * the keeper still renews the lease (up to three leases or 10 s, `retryUntil`). Also when the lease
 * already ended (a stall longer than the lease): `complete` is a compare-and-set on the token,
 * refused once another copy took the key over, and granted to an owner nobody replaced, so a
 * retry can only land the mark. After two failed attempts with a result, later attempts leave
 * the result out: a store may be refusing the result itself, and the mark matters far more
 * than the result. */
import type { CompleteOptions, DedupeRecord, DedupeStore, JsonValue } from '../store/types';
import { type Lease, monotonicNow } from './lease-keeper';

const BASE_DELAY_MS = 50;
const MAX_DELAY_MS = 1_000;
const MIN_DELAY_MS = 5;
/** The least time one attempt gets, even past the lease (an owner nobody replaced may complete). */
export const GRACE_MS = 5_000;
/** Attempts that carry the result before it is left out. */
const ATTEMPTS_WITH_RESULT = 2;

/** What to complete, in order: the digest claim first, so a crash in between still dedupes. */
export interface CompletionInput {
  store: DedupeStore;
  leases: readonly Lease[];
  ttlMs: number;
  result: JsonValue | undefined;
  /** Monotonic time after which no attempt starts (read before each wait: see {@link retryUntil}). */
  giveUpAt: () => number;
}

/**
 * How long after the handler returned a settle may go on retrying while the lease is still
 * held, at most: three leases, and never less than two GRACE_MS (so a lease shorter than one
 * store timeout still gets a second attempt).
 */
export const MAX_RETRY_LEASES = 3;

/**
 * When retries of a completion (or an inbox settle) stop: one lease after `from`, and beyond it
 * for as long as the keeper still holds the lease, up to {@link MAX_RETRY_LEASES} leases (10 s at
 * least). A
 * single store call slower than the lease (a store `timeoutMs` above `leaseMs`) must not use the
 * whole budget while renewals land: giving up then stops the renewals, and the next copy runs
 * the event again. The cap keeps a store whose `extend` works and whose writes never do from
 * holding the run forever.
 */
export function retryUntil(
  keeper: { readonly deadline: number },
  leaseMs: number,
  from: number = monotonicNow(),
): () => number {
  const first = from + leaseMs;
  const last = from + Math.max(MAX_RETRY_LEASES * leaseMs, 2 * GRACE_MS);
  return () => Math.min(Math.max(first, keeper.deadline), last);
}

/**
 * A `false` from `complete` (or an inbox settle) for a claim the store still shows as this very
 * token's, not settled: nobody took it over, so the answer is no refusal (a store bug, or a
 * write it lost) and the call is retried like a failed one, with this as its error.
 */
export const settleNotApplied = () => new Error('false, though the claim is still ours');

/** How completion ended. `refused`: the store said another owner holds (or dropped) a key. */
export type CompletionReport =
  | { status: 'stored'; attempts: number; error: unknown; resultDropped: boolean }
  | { status: 'refused'; attempts: number }
  | { status: 'failed'; attempts: number; error: unknown };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * `call`, or a rejection once `at` (monotonic) passed: a hung store must not hold the loop.
 * `now` saves a clock read when the caller just took one.
 */
export function until<T>(call: () => Promise<T>, at: number, now = monotonicNow()): Promise<T> {
  // One promise and one timer (no race, no timeout promise, no async frame): this runs for
  // every completion mark.
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('the store did not answer in time')),
      Math.max(0, Math.ceil(at - now)),
    );
    // Called on a later turn, as before: a store that throws synchronously is a rejection.
    settleClearing(Promise.resolve().then(call), timer, resolve, reject);
  });
}

/** Hand `work`'s outcome to `resolve` or `reject`, clearing `timer` first. */
export function settleClearing<T>(
  work: PromiseLike<T>,
  timer: ReturnType<typeof setTimeout>,
  resolve: (value: T) => void,
  reject: (error: unknown) => void,
): void {
  work.then(
    (value) => {
      clearTimeout(timer);
      resolve(value);
    },
    (error: unknown) => {
      clearTimeout(timer);
      reject(error);
    },
  );
}

/**
 * After a `false`, did an earlier attempt land after all (its answer lost on the way back)?
 * Rejects when the store does not say by `at` (monotonic): an unanswered check is no verdict,
 * so the caller retries instead of taking it for a lost lease (or waiting on it forever).
 */
export async function landed(
  store: DedupeStore,
  lease: Lease,
  at: number,
): Promise<DedupeRecord | undefined> {
  const record = await readBack(store, lease, at);
  return record?.state === 'completed' ? record : undefined;
}

/** The key's record when it is still `lease`'s (any state); rejects when `get` misses `at`. */
async function readBack(
  store: DedupeStore,
  lease: Lease,
  at: number,
): Promise<DedupeRecord | undefined> {
  if (typeof store.get !== 'function') return undefined;
  const record = await until(() => store.get(lease.key), at);
  return record?.token === lease.token ? record : undefined;
}

/** `landed` with GRACE_MS to answer; a store that cannot say is no mark. */
function lastLook(store: DedupeStore, lease: Lease): Promise<DedupeRecord | undefined> {
  return landed(store, lease, monotonicNow() + GRACE_MS).catch(() => undefined);
}

/** Each call gets until the retries end, and at least GRACE_MS from `now`. */
function bound(input: CompletionInput, now: number): number {
  return Math.max(input.giveUpAt(), now + GRACE_MS);
}

/** Complete every lease, retrying until `giveUpAt`. Never rejects. */
export async function completeWithRetry(input: CompletionInput): Promise<CompletionReport> {
  let attempts = 0;
  let failures = 0;
  let error: unknown;
  let refused = false;
  let resultDropped = false;
  for (const lease of input.leases) {
    for (;;) {
      const withResult = input.result !== undefined && failures < ATTEMPTS_WITH_RESULT;
      const options: CompleteOptions = { ttlMs: input.ttlMs };
      if (withResult && input.result !== undefined) options.result = input.result;
      attempts++;
      const now = monotonicNow();
      try {
        const ok = await until(
          () => input.store.complete(lease.key, lease.token, options),
          bound(input, now),
          now,
        );
        // A check the store does not answer throws: retried like a failed complete.
        const ours =
          ok === true
            ? undefined
            : await readBack(input.store, lease, bound(input, monotonicNow()));
        if (ours?.state === 'in_flight') throw settleNotApplied();
        const mark = ours?.state === 'completed' ? ours : undefined;
        if (ok !== true && mark === undefined) refused = true;
        // Dropped only if the mark that landed lacks it (an earlier attempt may have kept it).
        else if (
          input.result !== undefined &&
          (ok === true ? !withResult : mark?.result === undefined)
        ) {
          resultDropped = true;
        }
        break;
      } catch (cause) {
        failures++;
        error = cause;
      }
      // Not bounded by the lease: past it the store refuses a replaced owner anyway.
      const remaining = input.giveUpAt() - monotonicNow();
      const backoff = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (failures - 1));
      const wait = Math.min(backoff * (0.5 + Math.random() / 2), remaining / 2);
      if (wait < MIN_DELAY_MS) {
        // Out of time, every answer lost or failed: one attempt may have landed all the same.
        const mark = await lastLook(input.store, lease);
        if (mark === undefined) return { status: 'failed', attempts, error };
        if (input.result !== undefined && mark.result === undefined) resultDropped = true;
        break;
      }
      await sleep(wait);
    }
  }
  if (refused) return { status: 'refused', attempts };
  return { status: 'stored', attempts, error, resultDropped };
}
