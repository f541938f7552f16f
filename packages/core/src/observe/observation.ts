/**
 * One delivery as its observers see it: the receipt before the claim, the handler traced on
 * `hooklatch:handle` while someone listens, a handler error reported once (the `onError` hook,
 * one `handler_failed` log line) before its claim is released, each warning fanned out to the
 * `onWarning` hook, the log and `hooklatch:warning`, and the outcome (`onOutcome`, its log
 * line, the `hooklatch:process` context). Built only when something observes, and nothing in
 * it builds a report or a line that no hook, level or subscriber would take.
 */
import type { WebhookEvent } from '../event';
import { monotonicNow } from '../process/lease-keeper';
import type { RunProbe } from '../process/probe';
import type {
  EventHandler,
  HandlerContext,
  ProcessOutcome,
  ProcessOutcomeKind,
  ProcessWarning,
} from '../process/types';
import type { DeliveryFacts, ProcessContext } from './contexts';
import type { TracingChannelLike } from './diagnostics';
import { errorFacts } from './error-facts';
import { isolated } from './hooks';
import type { LogLevel } from './logger';
import type { Observer } from './observer';
import { deliveryFacts, processedReport, readField } from './reports';
import { describeOutcome, handleContext, processContext } from './stage-contexts';
import { elapsedMs, publishWarning, subscribed, traced } from './tracing';

// biome-ignore lint/suspicious/noExplicitAny: the handler is typed at the public entry points.
type AnyHandler = EventHandler<any, unknown>;

/** `event.receivedAt` when it is a Date. */
function receivedAtOf(event: WebhookEvent): Date | undefined {
  const at = readField(event, 'receivedAt');
  return at instanceof Date ? at : undefined;
}

const OUTCOME_LEVEL: Readonly<Record<ProcessOutcomeKind, LogLevel>> = {
  processed: 'debug',
  duplicate: 'info',
  in_flight: 'info',
  mismatch: 'warn',
  failed: 'error',
  store_unavailable: 'error',
};

/** A warning as a log line: its fields, with the error reduced to code and name. */
function warningFields(warning: ProcessWarning): Record<string, unknown> {
  const { error, ...rest } = warning as ProcessWarning & { error?: unknown };
  return 'error' in warning ? { ...rest, ...errorFacts(error) } : rest;
}

async function tracedHandler(
  channel: TracingChannelLike,
  delivery: ProcessContext,
  handler: AnyHandler,
  event: WebhookEvent,
  context: HandlerContext,
): Promise<unknown> {
  let value: unknown;
  await traced(channel, handleContext(delivery, context.claims), async () => {
    value = await handler(event, context);
  });
  return value;
}

export class DeliveryObservation implements RunProbe {
  /** Whether the handler ran for this delivery. */
  handled = false;
  /** Whether it threw (then its error is logged already: once per delivery). */
  failed = false;
  /** The key's claim count, once the handler started. */
  claims: number | undefined = undefined;
  /** The `hooklatch:process` context, when a channel of the delivery had a subscriber. */
  readonly delivery: ProcessContext | undefined;
  readonly #event: WebhookEvent;
  readonly #observer: Observer;
  /** When processing started: the receipt, if one was reported, else the first claim. */
  #startedAt: number | undefined = undefined;
  #facts: DeliveryFacts | undefined = undefined;
  #handlerAt = 0;

  /** `leaseMs` is given when a channel of the delivery has a subscriber: its context is built. */
  constructor(event: WebhookEvent, observer: Observer, leaseMs: number | undefined) {
    this.#event = event;
    this.#observer = observer;
    this.delivery = leaseMs === undefined ? undefined : processContext(this.facts(), leaseMs);
  }

  /** The delivery's facts, read from the event the first time something reports. */
  facts(): DeliveryFacts {
    this.#facts ??= deliveryFacts(this.#event);
    return this.#facts;
  }

  handle(
    handler: AnyHandler,
    event: WebhookEvent,
    context: HandlerContext,
    startedAt: number,
  ): unknown {
    this.handled = true;
    this.claims = context.claims;
    this.#handlerAt = startedAt;
    const channel = this.delivery === undefined ? undefined : subscribed('handle');
    if (channel === undefined || this.delivery === undefined) return handler(event, context);
    return tracedHandler(channel, this.delivery, handler, event, context);
  }

  handlerFailed(error: unknown, next?: 'lease'): void {
    this.failed = true;
    const { hooks, log } = this.#observer;
    const claims = this.claims ?? 0;
    const durationMs = elapsedMs(this.#handlerAt);
    if (hooks?.onError !== undefined) {
      isolated(hooks.onError, { ...this.facts(), error, claims, durationMs });
    }
    if (log?.enabled('error')) {
      const fields = {
        ...this.facts(),
        claims,
        durationMs,
        ...(next && { next }),
        ...errorFacts(error),
      };
      log.write('error', 'handler_failed', fields);
    }
  }

  warned(warning: ProcessWarning): void {
    const { hooks, log } = this.#observer;
    if (hooks?.onWarning !== undefined) isolated(hooks.onWarning, { ...this.facts(), warning });
    if (log?.enabled('warn')) {
      log.write('warn', 'warning', { ...this.facts(), ...warningFields(warning) });
    }
    const delivery = this.delivery;
    if (delivery !== undefined) publishWarning(() => ({ ...this.facts(), delivery, warning }));
  }

  /** `onReceipt` and the `receipt` line (info): a verified delivery, before any store call. */
  receipt(): void {
    const { hooks, log } = this.#observer;
    const infoLog = log?.enabled('info') === true;
    if ((hooks?.onReceipt === undefined && !infoLog) || this.facts().key === '') return;
    // Timed from here only when there is a receipt to report; else from the first claim, the
    // next thing that happens (a clock read costs more than the rest of this class).
    this.#startedAt = monotonicNow();
    const receivedAt = receivedAtOf(this.#event);
    if (hooks?.onReceipt !== undefined) isolated(hooks.onReceipt, { ...this.facts(), receivedAt });
    if (infoLog) {
      log?.write('info', 'receipt', { ...this.facts(), receivedAt: receivedAt?.toISOString() });
    }
  }

  /**
   * The run answered. Traced, the outcome goes on the delivery's context (read at
   * `process:asyncEnd`) and the report waits for the trace to end (see `report`).
   */
  finished(outcome: ProcessOutcome<unknown>, claimSentAt: number | undefined): void {
    this.#startedAt ??= claimSentAt;
    if (this.delivery === undefined) this.report(outcome);
    else describeOutcome(this.delivery, outcome, this.handled, this.claims);
  }

  /** `onOutcome` and the outcome's log line, built only when one of them takes it. */
  report(outcome: ProcessOutcome<unknown>): void {
    const { hooks, log } = this.#observer;
    // A handler error was logged when it was thrown: once per delivery.
    const level =
      outcome.outcome === 'failed' && this.failed ? undefined : OUTCOME_LEVEL[outcome.outcome];
    const logged = level !== undefined && log?.enabled(level) === true;
    if (hooks?.onOutcome === undefined && !logged) return;
    const durationMs = this.#startedAt === undefined ? 0 : elapsedMs(this.#startedAt);
    const done = processedReport(this.facts(), outcome, durationMs, this.handled, this.claims);
    if (hooks?.onOutcome !== undefined) isolated(hooks.onOutcome, done);
    if (logged && level !== undefined) {
      log?.write(level, done.outcome === 'failed' ? 'setup_invalid' : done.outcome, { ...done });
    }
  }
}
