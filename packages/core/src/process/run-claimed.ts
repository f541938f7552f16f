/**
 * The owner's side of a run: the handler under a renewed lease, then the completion mark.
 *
 * Once the handler returned, the work is done: whatever happens to the mark, the answer is 200
 * (a non-2xx would invite a second run sooner). The answer waits for the mark at most
 * `completeWaitMs`; retries then continue in the background (handed to `waitUntil`).
 */
import { ConfigurationError } from '../errors';
import type { WebhookEvent } from '../event';
import { keepAlive } from './callbacks';
import { type CompletionReport, completeWithRetry } from './completion';
import { type Lease, LeaseKeeper, monotonicNow } from './lease-keeper';
import type { ProcessConfig } from './options';
import { failedOutcome } from './outcomes';
import { guardResult } from './result-guard';
import type {
  HandlerCompleteOptions,
  HandlerContext,
  LeaseLossReason,
  ProcessOutcome,
  ProcessWarning,
} from './types';

/** The claims one run owns: the event key last, after the digest key (replay guard). */
export interface ClaimedRun {
  config: ProcessConfig;
  warn: (warning: ProcessWarning) => void;
  event: WebhookEvent;
  key: string;
  leases: Lease[];
  claims: number;
  ttlMs: number;
  /** When the first claim was sent (monotonic): the lease is counted from there. */
  sentAt: number;
}

function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(resolve, ms, undefined);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** Release every claim of a failed run so the provider's retry can run; failures are warned. */
export async function releaseAll(run: ClaimedRun): Promise<void> {
  for (const lease of run.leases) {
    try {
      await run.config.store.release(lease.key, lease.token);
    } catch (error) {
      // The lease will expire on its own; the retry then re-claims.
      run.warn({ kind: 'release_failed', key: lease.key, error });
    }
  }
}

/** Run the handler as the owner of `run.leases` and complete. Never throws. */
export async function runClaimed<R>(run: ClaimedRun): Promise<ProcessOutcome<R>> {
  const { config, warn, key, leases, ttlMs } = run;
  const store = config.store;
  const controller = new AbortController();
  let phase: 'handler' | 'completion' | 'done' = 'handler';
  let completedByHandler = false;
  let completing = 0;
  let deferredLoss: LeaseLossReason | undefined;
  let lossWarned = false;

  const leaseLost = (reason: LeaseLossReason) => {
    if (!controller.signal.aborted) {
      controller.abort(
        new DOMException(`hooklatch: the lease was lost (${reason}).`, 'AbortError'),
      );
    }
    if (lossWarned) return;
    lossWarned = true;
    warn({ kind: 'lease_lost', key, reason });
  };
  // While a completion is on the wire, a refused renewal may be that completion landing: the
  // verdict waits for its answer. After the handler, the completion loop decides.
  const keeper = new LeaseKeeper(store, leases, config.leaseMs, run.sentAt, (reason) => {
    if (phase !== 'handler' || completedByHandler) return;
    if (completing > 0) deferredLoss = reason;
    else leaseLost(reason);
  });

  const storable = (value: unknown) => {
    if (!config.storeResult) return undefined;
    const guarded = guardResult(value, config.maxResultBytes);
    if (guarded.dropped) warn({ kind: 'result_dropped', key, ...guarded.dropped });
    return guarded.value;
  };

  const overrun = () => {
    if (keeper.loss === undefined) return;
    warn({
      kind: 'lease_overrun',
      key,
      overrunMs: Math.max(0, Math.round(monotonicNow() - keeper.deadline)),
    });
  };

  const complete = async (options: HandlerCompleteOptions = {}): Promise<boolean> => {
    if (phase !== 'handler') {
      throw new ConfigurationError(
        'CONFIG_INVALID',
        'context.complete must be called while the handler runs.',
        {
          details: { option: 'context.complete' },
        },
      );
    }
    const result = storable(options.result);
    completing++;
    let ok = true;
    try {
      for (const lease of leases) {
        const answer = await store.complete(lease.key, lease.token, {
          ttlMs,
          ...(result === undefined ? {} : { result }),
          ...(options.tx === undefined ? {} : { tx: options.tx }),
        });
        if (answer !== true) ok = false;
        if (!ok) break;
      }
    } catch (error) {
      ok = false;
      throw error;
    } finally {
      completing--;
      if (ok) {
        completedByHandler = true;
        keeper.stop();
      } else if (completing === 0 && deferredLoss !== undefined) leaseLost(deferredLoss);
    }
    if (!ok) leaseLost('complete_refused');
    return ok;
  };

  const context: HandlerContext = {
    key,
    token: leases[leases.length - 1]!.token,
    claims: run.claims,
    signal: controller.signal,
    complete,
  };

  let result: R;
  try {
    result = (await config.handler(run.event, context)) as R;
  } catch (error) {
    phase = 'done';
    keeper.stop();
    await releaseAll(run);
    return failedOutcome(key, error);
  }
  phase = 'completion';
  if (completedByHandler) {
    phase = 'done';
    overrun();
    return { outcome: 'processed', status: 200, headers: {}, key, result, completion: 'stored' };
  }

  const settle = (report: CompletionReport): 'stored' | 'lost' => {
    keeper.stop();
    phase = 'done';
    if (report.status === 'stored') {
      if (report.resultDropped) warn({ kind: 'result_dropped', key, reason: 'store_rejected' });
      if (report.attempts > leases.length) {
        warn({ kind: 'complete_retried', key, attempts: report.attempts, error: report.error });
      }
      overrun();
      return 'stored';
    }
    if (report.status === 'refused') leaseLost('complete_refused');
    else {
      controller.abort(new DOMException('hooklatch: the lease ended unmarked.', 'AbortError'));
      warn({ kind: 'complete_failed', key, attempts: report.attempts, error: report.error });
    }
    return 'lost';
  };
  const work = completeWithRetry({
    store,
    leases,
    ttlMs,
    result: storable(result),
    keeper,
    giveUpAt: monotonicNow() + config.leaseMs,
  }).then(settle);
  const completion = await within(work, config.completeWaitMs);
  if (completion === undefined) keepAlive(config, work);
  return {
    outcome: 'processed',
    status: 200,
    headers: {},
    key,
    result,
    completion: completion ?? 'pending',
  };
}
