/**
 * One claimed entry, start to end: renew its lease (core's lease keeper, every third of
 * `leaseMs`), parse it again from the stored bytes with its original `receivedAt` (a signed
 * timestamp never goes stale in the inbox), run the handler, then settle the entry: complete,
 * or fail with a backoff, or dead-letter after `maxAttempts`, or release when the worker is
 * stopping. Never throws.
 */
import { ConfigurationError } from '../errors';
import type { WebhookEvent } from '../event';
import { parseEvent } from '../parse-event';
import { LeaseKeeper, monotonicNow } from '../process/lease-keeper';
import type { DedupeStore } from '../store/types';
import { idempotencyKey } from './idempotency-key';
import { summaryOf } from './memory-inbox-entry';
import { retryDelay } from './retry-delay';
import { settle } from './settle';
import { schemaIssuePaths, schemaMismatchError } from './stored-delivery';
import type { InboxClaim, InboxErrorInfo, InboxStore } from './types';
import type { InboxHandlerContext, WorkerConfig } from './worker-options';

/**
 * The lease keeper only ever calls `extend`; this view lends it the inbox's. (Widening the
 * keeper's parameter to `Pick<DedupeStore, 'extend'>` would make the cast unnecessary.)
 */
function leaseView(inbox: InboxStore): DedupeStore {
  return {
    extend: (key: string, token: string, ms: number) => inbox.extend(key, token, ms),
  } as unknown as DedupeStore;
}

/** How the attempt ended, before the entry is settled. */
type Verdict =
  | { kind: 'done' }
  | { kind: 'failed'; error: unknown }
  | { kind: 'dead'; error: InboxErrorInfo }
  | { kind: 'stopping' };

/** Run one claim. `shutdown` aborts when `stop({ graceMs })` ran out of patience. */
export async function runClaim(
  config: WorkerConfig,
  claim: InboxClaim,
  sentAt: number,
  shutdown: AbortSignal,
): Promise<void> {
  const { inbox, report } = config;
  const { entry, token } = claim;
  const key = entry.key;
  const controller = new AbortController();
  const keeper = new LeaseKeeper(
    leaseView(inbox),
    [{ key, token }],
    config.leaseMs,
    sentAt,
    (r) => {
      controller.abort(new DOMException(`hooklatch: the lease was lost (${r}).`, 'AbortError'));
      report({ kind: 'lease_lost', key, reason: r });
    },
  );
  const onShutdown = () =>
    controller.abort(new DOMException('hooklatch: the worker is stopping.', 'AbortError'));
  shutdown.addEventListener('abort', onShutdown, { once: true });
  const giveUpAt = () => monotonicNow() + config.leaseMs;
  const storeError =
    (operation: 'complete' | 'fail' | 'deadLetter' | 'release' | 'get') => (error: unknown) =>
      report({ kind: 'store_error', operation, key, error });
  try {
    // Answered after its lease ended: another worker may hold it already. Nothing ran yet.
    if (monotonicNow() >= keeper.deadline) {
      await settle(() => inbox.release(key, token), keeper, giveUpAt(), storeError('release'));
      report({ kind: 'released', key, reason: 'claim_answered_late' });
      return;
    }
    const started = monotonicNow();
    const verdict = await attempt(config, claim, controller.signal, shutdown);
    const until = giveUpAt();
    if (verdict.kind === 'done') {
      const ok = await settle(
        () => inbox.complete(key, token),
        keeper,
        until,
        storeError('complete'),
      );
      if (ok === true || (ok === false && (await completedByUs(inbox, key, token)))) {
        report({
          kind: 'completed',
          key,
          attempt: entry.attempts,
          durationMs: monotonicNow() - started,
        });
      } else {
        report({ kind: 'complete_lost', key });
      }
      return;
    }
    if (verdict.kind === 'stopping') {
      await settle(() => inbox.release(key, token), keeper, until, storeError('release'));
      report({ kind: 'released', key, reason: 'stopping' });
      return;
    }
    const error = verdict.kind === 'dead' ? verdict.error : config.describe(verdict.error);
    if (verdict.kind === 'dead' || entry.attempts >= config.maxAttempts) {
      const call = () => inbox.deadLetter(key, token, { error });
      if (await settle(call, keeper, until, storeError('deadLetter'))) {
        report({ kind: 'dead_lettered', key, attempt: entry.attempts, error });
      }
      return;
    }
    const retryInMs = retryDelay(entry.attempts, config.retry);
    const call = () => inbox.fail(key, token, { error, retryInMs });
    if (await settle(call, keeper, until, storeError('fail'))) {
      report({ kind: 'retry_scheduled', key, attempt: entry.attempts, retryInMs, error });
    }
  } catch (error) {
    // A bug of ours: the lease ends on its own and the entry is claimed again.
    report({ kind: 'store_error', operation: 'complete', key, error });
  } finally {
    keeper.stop();
    shutdown.removeEventListener('abort', onShutdown);
  }
}

/** After a refused `complete`: did an earlier try land (its answer lost on the way back)? */
async function completedByUs(inbox: InboxStore, key: string, token: string): Promise<boolean> {
  try {
    const found = await inbox.get(key);
    return found?.state === 'completed' && found.token === token;
  } catch {
    return false;
  }
}

/** Parse the stored delivery and run the handler. */
async function attempt(
  config: WorkerConfig,
  claim: InboxClaim,
  signal: AbortSignal,
  shutdown: AbortSignal,
): Promise<Verdict> {
  const { entry } = claim;
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
  const adapter = config.adapters.get(entry.provider);
  let event: WebhookEvent;
  try {
    if (!adapter) {
      throw new ConfigurationError(
        'CONFIG_INVALID',
        'The worker has no adapter for this provider.',
        {
          details: { option: 'adapters', provider: entry.provider },
        },
      );
    }
    event = await parseEvent(
      adapter,
      { method: entry.method, headers: entry.headers, body: entry.body },
      { receivedAt: entry.receivedAt, maxBodyBytes: Math.max(1, entry.body.length) },
    );
  } catch (error) {
    return { kind: 'failed', error };
  }
  const paths = config.schemaMismatch === 'dead_letter' ? schemaIssuePaths(event) : undefined;
  if (paths) return { kind: 'dead', error: schemaMismatchError(event.provider, paths) };
  const context: InboxHandlerContext = {
    key: entry.key,
    attempt: entry.attempts,
    fence: entry.fence,
    replays: entry.replays,
    signal,
    idempotencyKey: (purpose) => idempotencyKey(event, purpose),
    entry: summaryOf(entry),
  };
  try {
    await config.handler(event, context);
    return { kind: 'done' };
  } catch (error) {
    // Aborted for shutdown: the attempt is handed back, not counted against the entry.
    return shutdown.aborted ? { kind: 'stopping' } : { kind: 'failed', error };
  }
}
