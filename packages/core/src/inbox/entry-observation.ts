/**
 * What a worker tells its observers about one claimed entry: the handler traced on
 * `hooklatch:handle` and each completion on `hooklatch:complete` while someone listens, a
 * handler error reported once (`onError`, one `handler_failed` line), warnings fanned out to
 * `onWarning`, the log and `hooklatch:warning`, and the verdict (`onOutcome`, its log line).
 *
 * An inbox run is not a `processOnce` delivery, so nothing is published on `hooklatch:process`
 * (metrics would count it as an answer to a sender): the stage contexts' `delivery` is a
 * process context built for the entry, and the whole run is traced on `hooklatch:run`, whose
 * context names that same object as its `delivery` (so tracing hangs the stages under the
 * run). Built only when something observes; with nothing observing the worker runs without it.
 */
import type { WebhookEvent } from '../event';
import type { DeliveryFacts, ProcessContext, RunContext } from '../observe/contexts';
import { errorFacts } from '../observe/error-facts';
import { isolated } from '../observe/hooks';
import { deliveryFacts, withFacts } from '../observe/reports';
import {
  completeContext,
  handleContext,
  processContext,
  runContext,
} from '../observe/stage-contexts';
import { deliveryObserved, elapsedMs, subscribed, traced } from '../observe/tracing';
import { monotonicNow } from '../process/lease-keeper';
import type { ProcessWarning } from '../process/outcome-types';
import { HANDLER_NEXT } from './log-messages';
import { entryFacts, fanOutWarning, logStoreError, reportOutcome } from './observe-fanout';
import type {
  InboxObserver,
  WorkerHooks,
  WorkerOutcome,
  WorkerOutcomeReport,
} from './observe-options';
import { started } from './settle';
import type { InboxEntry } from './types';
import type { WorkerReport } from './worker-types';

export class EntryObservation {
  readonly #observer: InboxObserver<WorkerHooks>;
  readonly #entry: InboxEntry;
  readonly #claimedAt = monotonicNow();
  /** The `hooklatch:process`-shaped parent of the stage contexts, when a channel listens. */
  readonly #delivery: ProcessContext | undefined;
  /** The `hooklatch:run` context, while that channel traces this run. */
  #run: RunContext | undefined;
  #facts: DeliveryFacts;
  #handled = false;
  #failed = false;
  #handlerAt = 0;
  #completes = 0;
  #completeError: unknown;

  constructor(
    observer: InboxObserver<WorkerHooks>,
    entry: InboxEntry,
    leaseMs: number,
    channels: boolean,
  ) {
    this.#observer = observer;
    this.#entry = entry;
    this.#facts = entryFacts(entry);
    this.#delivery = channels ? processContext(this.#facts, leaseMs) : undefined;
  }

  /** Run `work` (the whole run of the entry) traced on `hooklatch:run` when someone listens. */
  run(work: () => Promise<void>): Promise<void> {
    const channel = this.#delivery === undefined ? undefined : subscribed('run');
    if (channel === undefined || this.#delivery === undefined) return work();
    this.#run = runContext(this.#delivery, this.#entry.attempts);
    return traced(channel, this.#run, work);
  }

  /** The entry parsed again: its facts are the event's from now on. */
  parsed(event: WebhookEvent): void {
    this.#facts = deliveryFacts(event);
    if (this.#delivery !== undefined) Object.assign(this.#delivery, this.#facts);
    if (this.#run !== undefined) Object.assign(this.#run, this.#facts);
  }

  /** Run `run` (the handler) traced on `hooklatch:handle` when someone listens. */
  handle<T>(run: () => T | Promise<T>): T | Promise<T> {
    this.#handled = true;
    this.#handlerAt = monotonicNow();
    const channel = this.#delivery === undefined ? undefined : subscribed('handle');
    if (channel === undefined || this.#delivery === undefined) return run();
    let value: T | undefined;
    const context = handleContext(this.#delivery, this.#entry.attempts);
    return traced(channel, context, async () => {
      value = await run();
    }).then(() => value as T);
  }

  /** The handler threw: `onError` and one `handler_failed` line (error). Once per attempt. */
  handlerFailed(error: unknown, next: 'retry' | 'dead_letter'): void {
    this.#failed = true;
    const { hooks, log } = this.#observer;
    const durationMs = elapsedMs(this.#handlerAt);
    const { fence, replays, attempts: claims } = this.#entry;
    if (hooks?.onError !== undefined) {
      isolated(
        hooks.onError,
        withFacts(this.#facts, { error, claims, durationMs, fence, replays, next }),
      );
    }
    if (log?.enabled('error')) {
      const fields = { ...this.#facts, claims, fence, next, durationMs, ...errorFacts(error) };
      log.write('error', 'handler_failed', fields, HANDLER_NEXT[next]);
    }
  }

  /**
   * One `inbox.complete` try, traced on `hooklatch:complete` when someone listens. `call` is
   * started synchronously (a better-sqlite3 transaction must see its statement at once).
   */
  complete(call: () => Promise<boolean>, inTransaction: boolean): Promise<boolean> {
    this.#completes++;
    const channel = this.#delivery === undefined ? undefined : subscribed('complete');
    const counted = (work: Promise<boolean>) =>
      work.catch((error: unknown) => {
        this.#completeError = error;
        throw error;
      });
    if (channel === undefined || this.#delivery === undefined) return counted(started(call));
    // The stage context only asks whether a tx was given; no result is ever sent with it.
    const options = inTransaction ? { ttlMs: 0, tx: true } : undefined;
    const context = completeContext(this.#delivery, this.#entry.key, this.#completes, options);
    let marked = false;
    const work = traced(channel, context, async () => {
      marked = (await call()) === true;
      context.marked = marked;
    }).then(() => marked);
    return counted(work);
  }

  /** A warning: `onWarning`, a `warn` line and `hooklatch:warning`. */
  warned(warning: ProcessWarning): void {
    fanOutWarning(this.#observer, this.#facts, warning, () => {
      return this.#delivery ?? processContext(this.#facts, 0);
    });
  }

  /** What the worker reported for this entry (see `WorkerReport`), told to the observers. */
  report(r: WorkerReport): void {
    const key = this.#entry.key;
    const tries = { attempts: this.#completes, error: this.#completeError };
    switch (r.kind) {
      case 'completed':
        if (this.#completes > 1) this.warned({ kind: 'complete_retried', key, ...tries });
        this.#outcome('completed', 'debug');
        break;
      case 'retry_scheduled':
        // A handler error was logged when it was thrown; a failed parse was not.
        this.#outcome('retry_scheduled', this.#failed ? 'info' : 'warn', r.retryInMs, r.error.code);
        break;
      case 'dead_lettered':
        this.warned({ kind: 'dead_lettered', key, attempts: r.attempt, errorCode: r.error.code });
        this.#outcome('dead_lettered', undefined, undefined, r.error.code);
        break;
      case 'released':
        this.#outcome('released', undefined);
        break;
      case 'lease_lost':
        this.warned({ kind: 'lease_lost', key, reason: r.reason });
        break;
      case 'complete_lost':
        this.warned(
          r.reason === 'refused'
            ? { kind: 'lease_lost', key, reason: 'complete_refused' }
            : { kind: 'complete_failed', key, ...tries },
        );
        this.#outcome('complete_lost', undefined);
        break;
      case 'store_error':
        logStoreError(this.#observer, r.operation, r.error, this.#facts);
    }
  }

  /** `onOutcome`, and a line at `level` (none: a warning or an error line said it already). */
  #outcome(
    outcome: WorkerOutcome,
    level: 'debug' | 'info' | 'warn' | undefined,
    retryInMs?: number,
    errorCode?: string,
  ): void {
    if (this.#run !== undefined) {
      this.#run.outcome = outcome;
      this.#run.handled = this.#handled;
    }
    const event = outcome === 'completed' ? 'processed' : 'retry_scheduled';
    reportOutcome(this.#observer.hooks?.onOutcome, this.#observer.log, level, event, () => {
      const { attempts: claims, fence, replays } = this.#entry;
      const durationMs = elapsedMs(this.#claimedAt);
      const own = { outcome, claims, fence, replays, handled: this.#handled, durationMs };
      return withFacts(this.#facts, { ...own, retryInMs, errorCode }) as WorkerOutcomeReport;
    });
  }
}

/** An observation of one claimed entry, or `undefined` when nothing observes. */
export function entryObservation(
  observer: InboxObserver<WorkerHooks>,
  entry: InboxEntry,
  leaseMs: number,
): EntryObservation | undefined {
  const channels = deliveryObserved();
  if (!channels && observer.hooks === undefined && observer.log === undefined) return undefined;
  return new EntryObservation(observer, entry, leaseMs, channels);
}
