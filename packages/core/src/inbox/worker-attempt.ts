/**
 * One attempt at a claimed entry: parse it again from the stored bytes with its original
 * `receivedAt` (a signed timestamp never goes stale in the inbox), then run the handler with
 * its context, `complete({ tx })` included. Returns how the attempt ended; settling the entry
 * is `worker-run.ts`'s job.
 */
import { ConfigurationError } from '../errors';
import type { WebhookEvent } from '../event';
import { parseEvent } from '../parse-event';
import type { LeaseKeeper } from '../process/lease-keeper';
import type { EntryObservation } from './entry-observation';
import { idempotencyKey } from './idempotency-key';
import { summaryOf } from './memory-inbox-entry';
import { started } from './settle';
import { mismatchPaths, schemaIssuePaths, schemaMismatchError } from './stored-delivery';
import type { InboxClaim, InboxCompleteOptions, InboxErrorInfo } from './types';
import type { WorkerConfig } from './worker-options';
import type { InboxHandlerContext, WorkerReport } from './worker-types';

/** What one claim's run shares between the attempt and the settling. */
export interface ClaimRun {
  config: WorkerConfig;
  claim: InboxClaim;
  keeper: LeaseKeeper;
  /** Aborts the handler's signal. */
  controller: AbortController;
  observed: EntryObservation | undefined;
  emit: (report: WorkerReport) => void;
  /** How the handler completed the entry itself, if it did (`context.complete`). */
  completedBy?: 'direct' | 'tx';
}

/** How the attempt ended. A failure keeps `info` instead of describing `error` when set. */
export type Verdict =
  | { kind: 'done' }
  | { kind: 'failed'; error: unknown; info?: InboxErrorInfo }
  | { kind: 'dead'; error: InboxErrorInfo }
  | { kind: 'stopping' };

function completeInvalid(rule: string): ConfigurationError {
  return new ConfigurationError('CONFIG_INVALID', `context.complete ${rule}.`, {
    details: { option: 'context.complete' },
  });
}

/** `context.complete`: the inbox's `complete` with the claim's token, from inside the handler. */
function handlerComplete(run: ClaimRun, done: () => boolean) {
  const { inbox } = run.config;
  const { entry, token } = run.claim;
  return (options?: InboxCompleteOptions): Promise<boolean> => {
    if (done()) return Promise.reject(completeInvalid('must be called while the handler runs'));
    const inTransaction = (options as { tx?: unknown } | undefined)?.tx !== undefined;
    // Started before any await: inside `db.transaction(fn)` the statement must run at once.
    const call = () => inbox.complete(entry.key, token, options);
    const sent = run.observed ? run.observed.complete(call, inTransaction) : started(call);
    return sent.then((ok) => {
      if (ok === true) {
        run.completedBy = inTransaction ? 'tx' : 'direct';
        // Outside a transaction the entry is completed for good: no renewal now (a completed
        // entry refuses them). Inside one it is completed only once the transaction commits,
        // and it may roll back and be retried after a backoff: the lease is what keeps other
        // workers out until then, so renewals go on (runClaim confirms the refusal that
        // follows the commit as this claim's own completion).
        if (!inTransaction) run.keeper.stop();
        return true;
      }
      run.controller.abort(new DOMException('hooklatch: the entry was taken over.', 'AbortError'));
      run.emit({ kind: 'lease_lost', key: entry.key, reason: 'complete_refused' });
      return false;
    });
  };
}

async function reparse(run: ClaimRun): Promise<WebhookEvent> {
  const { entry } = run.claim;
  const adapter = run.config.adapters.get(entry.provider);
  if (!adapter) {
    throw new ConfigurationError('CONFIG_INVALID', 'The worker has no adapter for this provider.', {
      details: { option: 'adapters', provider: entry.provider },
    });
  }
  return parseEvent(
    adapter,
    { method: entry.method, headers: entry.headers, body: entry.body },
    { receivedAt: entry.receivedAt, maxBodyBytes: Math.max(1, entry.body.length) },
  );
}

/**
 * The dead-letter error of a payload its schema refused (`paths` of an envelope-only event or
 * of a PAYLOAD_SCHEMA_MISMATCH), when the worker is told to dead-letter those.
 */
function mismatchOf(config: WorkerConfig, provider: string, paths: string[] | undefined) {
  if (config.schemaMismatch !== 'dead_letter' || paths === undefined) return undefined;
  return schemaMismatchError(provider, paths);
}

/** Parse the stored delivery and run the handler. `shutdown`: `stop({ graceMs })` ran out. */
export async function attempt(run: ClaimRun, shutdown: AbortSignal): Promise<Verdict> {
  const { config } = run;
  const { entry } = run.claim;
  if (entry.attempts > config.maxAttempts) {
    // Every attempt so far ended without a verdict: its worker died or hung mid-handler.
    return {
      kind: 'dead',
      error: {
        code: 'ATTEMPTS_EXHAUSTED',
        message: `Claimed ${entry.attempts} times without an answer: the workers that held it stopped renewing its lease (crashed or hung).`,
      },
    };
  }
  let event: WebhookEvent;
  try {
    event = await reparse(run);
  } catch (error) {
    const mismatch = mismatchOf(config, entry.provider, mismatchPaths(error));
    return mismatch ? { kind: 'dead', error: mismatch } : { kind: 'failed', error };
  }
  run.observed?.parsed(event);
  const mismatch = mismatchOf(config, event.provider, schemaIssuePaths(event));
  if (mismatch) return { kind: 'dead', error: mismatch };
  let handlerDone = false;
  const context: InboxHandlerContext = {
    key: entry.key,
    attempt: entry.attempts,
    fence: entry.fence,
    replays: entry.replays,
    signal: run.controller.signal,
    idempotencyKey: (purpose) => idempotencyKey(event, purpose),
    entry: summaryOf(entry),
    complete: handlerComplete(run, () => handlerDone),
  };
  const handle = () => config.handler(event, context);
  try {
    await (run.observed ? run.observed.handle(handle) : handle());
    return { kind: 'done' };
  } catch (error) {
    // Aborted for shutdown: the attempt is handed back, not counted against the entry.
    if (shutdown.aborted) return { kind: 'stopping' };
    const next = entry.attempts >= config.maxAttempts ? 'dead_letter' : 'retry';
    run.observed?.handlerFailed(error, next);
    return { kind: 'failed', error };
  } finally {
    handlerDone = true;
  }
}
