/**
 * The owner's side of a run: the handler under a renewed lease, then the completion mark.
 *
 * Once the handler returned, the work is done: whatever happens to the mark, the answer is 200
 * (a non-2xx would invite a second run sooner). The answer waits for the mark at most
 * `completeWaitMs`; retries then continue in the background (handed to `waitUntil`).
 */
import { StoreUnavailableError } from '../errors';
import type { WebhookEvent } from '../event';
import { keepAlive } from './callbacks';
import {
  type CompletionReport,
  completeWithRetry,
  GRACE_MS,
  retryUntil,
  settleClearing,
  until,
} from './completion';
import { handlerContext } from './handler-context';
import { monotonicNow } from './lease-keeper';
import type { ProcessOutcome } from './outcome-types';
import { failedOutcome, storeFailure } from './outcomes';
import { OwnerLease, type OwnerRun } from './owner-lease';
import type { RunProbe } from './probe';
import { guardResult } from './result-guard';

/** A claimed run: the owner's leases plus the event and its claim count. */
export interface ClaimedRun extends OwnerRun {
  event: WebhookEvent;
  claims: number;
  /** Who observes the run, if anyone. */
  probe: RunProbe | undefined;
}

/** `work`'s outcome, or undefined once `ms` passed first. */
function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  // One promise and one timer: a race, a timeout promise and a `finally` cost three more
  // promises and their turns on every delivery.
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms, undefined);
    settleClearing(work, timer, resolve, reject);
  });
}

/** Release every claim of a failed run so the provider's retry can run; failures are warned. */
async function releaseAll(run: ClaimedRun): Promise<void> {
  for (const lease of run.leases) {
    try {
      // Bounded: the answer (a 500 or 503) is known already, and a store without a timeout of
      // its own must not hold it back forever.
      await until(
        () => run.config.store.release(lease.key, lease.token),
        monotonicNow() + GRACE_MS,
      );
    } catch (error) {
      // The lease will expire on its own; the retry then re-claims.
      run.warn({ kind: 'release_failed', key: lease.key, error });
    }
  }
}

/** `context.complete({ tx })` answered true, but no committed mark was found after the handler. */
class TransactionNotCommittedError extends Error {
  constructor(verdict: 'no' | 'unknown') {
    super(
      verdict === 'no'
        ? 'context.complete({ tx }) answered true, but its mark was not committed when the handler returned (rolled back, or committed only later): answered 500 for a retry, a duplicate once it commits. Commit before the handler returns.'
        : 'context.complete({ tx }) answered true, but the store could not confirm the mark after the handler returned: answered 500 for a retry, a duplicate if it committed.',
    );
    this.name = 'TransactionNotCommittedError';
  }
}

/**
 * After a handler marked its claims in its own transaction: are the marks committed? `yes`
 * when every record is completed under this run's token; `taken` when another copy holds a
 * key now (the lease was lost); `no` when a record is still this run's in-flight claim (the
 * transaction rolled back); `unknown` when the store did not answer within GRACE_MS.
 */
async function committedMarks(run: ClaimedRun): Promise<'yes' | 'no' | 'taken' | 'unknown'> {
  const { store } = run.config;
  try {
    const records = await Promise.all(
      run.leases.map((lease) => until(() => store.get(lease.key), monotonicNow() + GRACE_MS)),
    );
    let verdict: 'yes' | 'no' | 'taken' = 'yes';
    for (const [i, record] of records.entries()) {
      const ours = record?.token === run.leases[i]?.token;
      if (ours && record?.state === 'completed') continue;
      if (!ours) return 'taken';
      verdict = 'no';
    }
    return verdict;
  } catch {
    return 'unknown';
  }
}

/** Raise what the completion loop found; 'stored' when the mark is in the store. */
function report(run: ClaimedRun, owner: OwnerLease, done: CompletionReport): 'stored' | 'lost' {
  owner.keeper.stop();
  const { key, warn } = run;
  if (done.status === 'stored') {
    if (done.resultDropped) warn({ kind: 'result_dropped', key, reason: 'store_rejected' });
    if (done.attempts > run.leases.length) {
      warn({ kind: 'complete_retried', key, attempts: done.attempts, error: done.error });
    }
    owner.overrun();
    return 'stored';
  }
  if (done.status === 'refused') owner.lost('complete_refused');
  else {
    owner.abort('the lease ended before the completion mark was written');
    warn({ kind: 'complete_failed', key, attempts: done.attempts, error: done.error });
  }
  return 'lost';
}

/** Run the handler as the owner of `run.leases` and complete. Never throws. */
export async function runClaimed<R>(run: ClaimedRun): Promise<ProcessOutcome<R>> {
  const { config, warn, key } = run;
  const owner = new OwnerLease(run);
  const storable = (value: unknown) => {
    if (!config.storeResult) return undefined;
    const guarded = guardResult(value, config.maxResultBytes);
    if (guarded.dropped) warn({ kind: 'result_dropped', key, ...guarded.dropped });
    return guarded.value;
  };
  const context = handlerContext(
    owner,
    key,
    run.leases[run.leases.length - 1]!.token,
    run.claims,
    (options) => owner.complete(options, storable),
  );

  // A claim whose answer came back after its lease ended (a slow store, a stalled event loop)
  // may already be another copy's: starting the handler now could run the event twice at once.
  // Nothing has happened yet, so hand the key back and let the provider retry.
  const startedAt = monotonicNow();
  if (startedAt >= owner.keeper.deadline) {
    owner.keeper.stop();
    await releaseAll(run);
    return storeFailure(
      key,
      new StoreUnavailableError(
        'The dedupe store answered the claim after its lease ended; the handler was not run.',
        { details: { reason: 'claim_answered_late' } },
      ),
    );
  }

  const { probe } = run;
  let result: R;
  try {
    result = (await (probe === undefined
      ? config.handler(run.event, context)
      : probe.handle(config.handler, run.event, context, startedAt))) as R;
  } catch (error) {
    probe?.handlerFailed(error);
    owner.handlerDone();
    owner.keeper.stop();
    await releaseAll(run);
    return failedOutcome(key, error);
  }
  owner.handlerDone();
  const processed = (completion: 'stored' | 'pending' | 'lost'): ProcessOutcome<R> => ({
    outcome: 'processed',
    status: 200,
    headers: {},
    key,
    result,
    completion,
  });
  if (owner.completedByHandler) {
    owner.keeper.stop();
    if (owner.markedInTransaction) {
      const committed = await committedMarks(run);
      if (committed === 'taken') return processed('lost');
      if (committed !== 'yes') {
        // The handler returned, but its transaction's mark is not in the store (rolled back,
        // or still to be committed by the caller), or the store cannot say. A 200 now could be
        // for an event nothing durable records, so answer 500 for a retry. The claim is NOT
        // released: a transaction still open holds its row (a release would wait on it), and
        // if it commits later the retry is a duplicate; if not, the retry after the lease runs.
        // Logged as the handler's failure (its unit of work), not as a setup error.
        const error = new TransactionNotCommittedError(committed);
        run.probe?.handlerFailed(error, 'lease');
        return failedOutcome(key, error);
      }
    }
    owner.overrun();
    return processed('stored');
  }

  const work = completeWithRetry({
    store: config.store,
    leases: run.leases,
    ttlMs: run.ttlMs,
    result: storable(result),
    giveUpAt: retryUntil(owner.keeper, config.leaseMs),
  }).then((done) => report(run, owner, done));
  const completion = await within(work, config.completeWaitMs);
  if (completion === undefined) keepAlive(config, work);
  return processed(completion ?? 'pending');
}
