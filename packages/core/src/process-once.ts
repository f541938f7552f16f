/**
 * `processOnce`: claim the event's dedupe key, run the handler under a renewed lease, mark it
 * completed, and say honestly what to answer the provider. The pieces live in `./process/`:
 * option validation, the lease keeper, the result guard, completion with retries, the answers.
 */
import type { WebhookEvent } from './event';
import { observedRun } from './observe/observed-run';
import { type Observer, resolveObserver } from './observe/observer';
import { deliveryFacts } from './observe/reports';
import { observeSetupFailure } from './observe/setup-failure';
import { resolveProcessConfig } from './process/options';
import type { ProcessOutcome } from './process/outcome-types';
import { failedOutcome } from './process/outcomes';
import type { EventHandler, ProcessOnceOptions } from './process/types';
import type { DedupeStore } from './store/types';

export type {
  DuplicateOutcome,
  FailedOutcome,
  InFlightOutcome,
  LeaseLossReason,
  MatchedBy,
  MismatchOutcome,
  ProcessedOutcome,
  ProcessOutcome,
  ProcessOutcomeKind,
  ProcessWarning,
  ProcessWarningKind,
  ResultDropReason,
  StoreUnavailableOutcome,
} from './process/outcome-types';
export type {
  EventHandler,
  HandlerCompleteOptions,
  HandlerContext,
  ProcessOnceOptions,
} from './process/types';

/**
 * Run `handler` at most once per `event.dedupeKey` and decide the HTTP answer (see
 * `outcomeReply`). Never throws: handler and store failures come back as outcomes, and so does
 * a setup mistake (a bad option, `store: undefined`, a handler that is not a function): a
 * `failed` outcome, status 500, whose `error` is a `ConfigurationError` (`CONFIG_INVALID`,
 * `details.option` naming what is wrong).
 *
 * @example
 * const outcome = await processOnce(store, event, (e, ctx) => fulfil(e, ctx.signal));
 */
export function processOnce<E extends WebhookEvent, R>(
  store: DedupeStore,
  event: E,
  handler: EventHandler<E, R>,
  options?: ProcessOnceOptions,
): Promise<ProcessOutcome<R>> {
  let config: ReturnType<typeof resolveProcessConfig>;
  let observer: Observer;
  try {
    config = resolveProcessConfig(store, handler, options);
    observer = resolveObserver(options);
  } catch (error) {
    return setupFailed(event, options, error);
  }
  // Not an async function: the common path hands back the pipeline's own promise.
  return observedRun<R>(config, event, observer);
}

async function setupFailed<R>(
  event: WebhookEvent,
  options: ProcessOnceOptions | undefined,
  error: unknown,
): Promise<ProcessOutcome<R>> {
  const key = typeof event?.dedupeKey === 'string' ? event.dedupeKey : '';
  const outcome = failedOutcome(key, error);
  await observeSetupFailure(options, deliveryFacts(event), outcome);
  return outcome;
}
