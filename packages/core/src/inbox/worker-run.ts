/**
 * One claimed entry, start to end: renew its lease (core's lease keeper, every third of
 * `leaseMs`), run the attempt (`worker-attempt.ts`), then settle the entry: complete, or fail
 * with a backoff, or dead-letter after `maxAttempts`, or release when the worker is stopping.
 * A handler that completed the entry itself (`context.complete`) is trusted outside a
 * transaction; inside one the entry is read back, since only a committed transaction
 * completed it. Never throws.
 */
import { GRACE_MS, retryUntil, settleNotApplied, until } from '../process/completion';
import { type KeeperLoss, LeaseKeeper, monotonicNow } from '../process/lease-keeper';
import { entryObservation } from './entry-observation';
import { retryDelay } from './retry-delay';
import { settle } from './settle';
import type { InboxClaim, InboxErrorInfo, InboxStore } from './types';
import { attempt, type ClaimRun, type Verdict } from './worker-attempt';
import type { WorkerConfig } from './worker-options';
import type { WorkerReport } from './worker-types';

type Operation = 'complete' | 'fail' | 'deadLetter' | 'release' | 'get';

/**
 * After a refused or unanswered settle: did this claim complete the entry (an earlier try whose
 * answer was lost, or the handler)? A `get` that does not answer within GRACE_MS is a no.
 */
async function completedByUs(inbox: InboxStore, key: string, token: string): Promise<boolean> {
  try {
    const found = await until(() => inbox.get(key), monotonicNow() + GRACE_MS);
    return found?.state === 'completed' && found.token === token;
  } catch {
    return false;
  }
}

/**
 * `call`, whose `false` is taken for a refusal only when the entry is not still this claim's
 * and running: an inbox that answers false for an entry it still shows as ours lost the write
 * (or has a bug), and the settle is retried instead of the entry left to run again.
 */
function applied(
  inbox: InboxStore,
  key: string,
  token: string,
  call: () => Promise<boolean>,
): () => Promise<boolean> {
  return async () => {
    const ok = await call();
    if (ok === true) return true;
    const found = await until(() => inbox.get(key), monotonicNow() + GRACE_MS).catch(() => null);
    if (found?.state === 'running' && found.token === token) throw settleNotApplied();
    return ok;
  };
}

const NOT_COMMITTED: InboxErrorInfo = {
  code: 'TX_NOT_COMMITTED',
  message:
    'context.complete({ tx }) answered true, but its transaction never committed: the entry runs again.',
};

/**
 * The handler returned after completing the entry in its transaction: did that commit? Yes:
 * `done`. The entry still ours and running: it did not, so the attempt failed (nothing of it
 * was kept). Anything else (taken over, unreadable): `undefined`, reported as a lost completion.
 */
async function committed(run: ClaimRun): Promise<'done' | Verdict | undefined> {
  const { key } = run.claim.entry;
  let found: Awaited<ReturnType<InboxStore['get']>>;
  try {
    found = await run.config.inbox.get(key);
  } catch (error) {
    run.emit({ kind: 'store_error', operation: 'get', key, error });
    run.emit({ kind: 'complete_lost', key, reason: 'unanswered' });
    return undefined;
  }
  const ours = found?.token === run.claim.token;
  if (ours && found?.state === 'completed') return 'done';
  if (ours && found?.state === 'running')
    return { kind: 'failed', error: null, info: NOT_COMMITTED };
  run.emit({ kind: 'complete_lost', key, reason: 'refused' });
  return undefined;
}

/** Run one claim. `shutdown` aborts when `stop({ graceMs })` ran out of patience. */
export async function runClaim(
  config: WorkerConfig,
  claim: InboxClaim,
  sentAt: number,
  shutdown: AbortSignal,
): Promise<void> {
  const { inbox } = config;
  const { entry, token } = claim;
  const key = entry.key;
  const observed = entryObservation(config.observer, entry, config.leaseMs);
  const emit = (report: WorkerReport) => {
    config.report(report);
    observed?.report(report);
  };
  const controller = new AbortController();
  const lose = (reason: KeeperLoss) => {
    controller.abort(new DOMException(`hooklatch: the lease was lost (${reason}).`, 'AbortError'));
    emit({ kind: 'lease_lost', key, reason });
  };
  const keeper = new LeaseKeeper(inbox, [{ key, token }], config.leaseMs, sentAt, (reason) => {
    // After `context.complete({ tx })` the inbox refuses renewals once that transaction
    // committed: this claim's own completion, not a loss.
    if (reason === 'extend_refused' && run.completedBy === 'tx') {
      void completedByUs(inbox, key, token).then((ours) => (ours ? keeper.stop() : lose(reason)));
    } else lose(reason);
  });
  const run: ClaimRun = { config, claim, keeper, controller, observed, emit };
  const onShutdown = () =>
    controller.abort(new DOMException('hooklatch: the worker is stopping.', 'AbortError'));
  shutdown.addEventListener('abort', onShutdown, { once: true });
  let settleBy = retryUntil(keeper, config.leaseMs);
  const settled = (operation: Operation, call: () => Promise<boolean>) =>
    settle(applied(inbox, key, token, call), settleBy, (error) =>
      emit({ kind: 'store_error', operation, key, error }),
    );
  const startedAt = monotonicNow();
  const completed = () => {
    const durationMs = monotonicNow() - startedAt;
    emit({ kind: 'completed', key, attempt: entry.attempts, durationMs });
  };
  /** A refused settle may still be this claim's completion (a transaction that committed). */
  const refused = async (ok: boolean | undefined) => {
    if (ok === false && (await completedByUs(inbox, key, token))) completed();
  };

  // The run as one unit: traced on `hooklatch:run` (parent of its stages) when observed.
  const runEntry = async (): Promise<void> => {
    try {
      // Answered after its lease ended: another worker may hold it already. Nothing ran yet.
      if (startedAt >= keeper.deadline) {
        await settled('release', () => inbox.release(key, token));
        emit({ kind: 'released', key, reason: 'claim_answered_late' });
        return;
      }
      let verdict = await attempt(run, shutdown);
      settleBy = retryUntil(keeper, config.leaseMs);
      if (run.completedBy === 'direct') return completed();
      if (run.completedBy === 'tx' && verdict.kind === 'done') {
        const found = await committed(run);
        if (found === undefined) return;
        if (found === 'done') return completed();
        verdict = found;
      }
      if (verdict.kind === 'done') {
        const write = () => inbox.complete(key, token);
        const ok = await settled('complete', () =>
          observed ? observed.complete(write, false) : write(),
        );
        // `undefined`: every answer was lost or failed; one of the tries may have landed.
        if (ok === true || (await completedByUs(inbox, key, token))) completed();
        else emit({ kind: 'complete_lost', key, reason: ok === false ? 'refused' : 'unanswered' });
        return;
      }
      if (verdict.kind === 'stopping') {
        await settled('release', () => inbox.release(key, token));
        emit({ kind: 'released', key, reason: 'stopping' });
        return;
      }
      const error =
        verdict.kind === 'dead' ? verdict.error : (verdict.info ?? config.describe(verdict.error));
      if (verdict.kind === 'dead' || entry.attempts >= config.maxAttempts) {
        const ok = await settled('deadLetter', () => inbox.deadLetter(key, token, { error }));
        if (ok) emit({ kind: 'dead_lettered', key, attempt: entry.attempts, error });
        else await refused(ok);
        return;
      }
      const retryInMs = retryDelay(entry.attempts, config.retry);
      const ok = await settled('fail', () => inbox.fail(key, token, { error, retryInMs }));
      if (ok) emit({ kind: 'retry_scheduled', key, attempt: entry.attempts, retryInMs, error });
      else await refused(ok);
    } catch (error) {
      // A bug of ours: the lease ends on its own and the entry is claimed again.
      emit({ kind: 'store_error', operation: 'complete', key, error });
    }
  };

  try {
    await (observed ? observed.run(runEntry) : runEntry());
  } finally {
    keeper.stop();
    shutdown.removeEventListener('abort', onShutdown);
  }
}
