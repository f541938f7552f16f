/**
 * One delivery through the pipeline, observed: the receipt before the claim, the
 * `hooklatch:process` trace around it (claim, handle and complete traced inside), warnings
 * fanned out, and the outcome reported to the hooks and the log.
 */
import type { WebhookEvent } from '../event';
import { monotonicNow } from '../process/lease-keeper';
import type { ProcessConfig } from '../process/options';
import { runOnce } from '../process/run-once';
import type { ProcessOutcome, ProcessOutcomeKind, ProcessWarning } from '../process/types';
import type { DeliveryFacts, ProcessContext } from './contexts';
import { errorFacts } from './error-facts';
import { isolated } from './hooks';
import type { LogLevel, LogSink } from './logger';
import { type HandlerState, observedHandler } from './observed-handler';
import { observedStore } from './observed-store';
import type { Observer } from './observer';
import { deliveryFacts, outcomeFacts, type ProcessedReport } from './reports';
import { deliveryObserved, elapsedMs, publishWarning, subscribed, traced } from './tracing';

/** A warning as a log line: its fields, with the error reduced to code and name. */
function warningFields(warning: ProcessWarning): Record<string, unknown> {
  const { error, ...rest } = warning as ProcessWarning & { error?: unknown };
  return 'error' in warning ? { ...rest, ...errorFacts(error) } : rest;
}

function warningSink(
  own: ProcessConfig['onWarning'],
  facts: DeliveryFacts,
  delivery: ProcessContext | undefined,
  observer: Observer,
): ((warning: ProcessWarning) => void) | undefined {
  if (own === undefined && observer.hooks?.onWarning === undefined && !observer.log && !delivery) {
    return undefined;
  }
  return (warning) => {
    isolated(own, warning);
    isolated(observer.hooks?.onWarning, { ...facts, warning });
    observer.log?.('warn', 'warning', { ...facts, ...warningFields(warning) });
    if (delivery !== undefined) publishWarning(() => ({ ...facts, delivery, warning }));
  };
}

const OUTCOME_LEVEL: Readonly<Record<ProcessOutcomeKind, LogLevel>> = {
  processed: 'debug',
  duplicate: 'info',
  in_flight: 'info',
  mismatch: 'warn',
  failed: 'error',
  store_unavailable: 'error',
};

function logOutcome(log: LogSink, report: ProcessedReport, state: HandlerState): void {
  // A handler error was logged when it was thrown: once per delivery.
  if (report.outcome === 'failed' && state.failed) return;
  const event = report.outcome === 'failed' ? 'setup_invalid' : report.outcome;
  log(OUTCOME_LEVEL[report.outcome], event, { ...report });
}

/** Mirror the outcome onto the delivery's context (read by subscribers at `asyncEnd`). */
function describe(delivery: ProcessContext, report: ProcessedReport): void {
  const { outcome, status, handled, claims, via, completion, errorCode, errorName } = report;
  Object.assign(delivery, { outcome, status, handled });
  if (claims !== undefined) delivery.claims = claims;
  if (via !== undefined) delivery.via = via;
  if (completion !== undefined) delivery.completion = completion;
  if (errorCode !== undefined) delivery.errorCode = errorCode;
  if (errorName !== undefined) delivery.errorName = errorName;
}

/** `runOnce`, observed. Never throws (as `runOnce`). */
export async function observedRun<R>(
  config: ProcessConfig,
  event: WebhookEvent,
  observer: Observer,
): Promise<ProcessOutcome<R>> {
  const started = monotonicNow();
  const facts = deliveryFacts(event, config.keyPrefix);
  const delivery: ProcessContext | undefined = deliveryObserved()
    ? { ...facts, leaseMs: config.leaseMs }
    : undefined;
  const { hooks, log } = observer;
  if (facts.key !== '' && (hooks?.onReceipt !== undefined || log !== undefined)) {
    const receivedAt = event.receivedAt instanceof Date ? event.receivedAt : undefined;
    isolated(hooks?.onReceipt, { ...facts, receivedAt });
    log?.('info', 'receipt', { ...facts, receivedAt: receivedAt?.toISOString() });
  }

  const state: HandlerState = { handled: false, failed: false, claims: undefined };
  const run: ProcessConfig = {
    ...config,
    handler: observedHandler(config.handler, facts, delivery, state, observer),
    onWarning: warningSink(config.onWarning, facts, delivery, observer),
    store: delivery === undefined ? config.store : observedStore(config.store, delivery),
  };
  const report = (outcome: ProcessOutcome<R>): ProcessedReport => {
    const r: ProcessedReport = {
      ...facts,
      ...outcomeFacts(outcome),
      durationMs: elapsedMs(started),
      handled: state.handled,
    };
    if (state.claims !== undefined) r.claims = state.claims;
    return r;
  };

  let outcome: ProcessOutcome<R> | undefined;
  let done: ProcessedReport | undefined;
  const channel = delivery === undefined ? undefined : subscribed('process');
  if (channel !== undefined && delivery !== undefined) {
    await traced(channel, delivery, async () => {
      outcome = await runOnce<R>(run, event);
      done = report(outcome);
      describe(delivery, done);
    });
  } else {
    outcome = await runOnce<R>(run, event);
    done = report(outcome);
    if (delivery !== undefined) describe(delivery, done);
  }
  const final = done as ProcessedReport;
  isolated(hooks?.onOutcome, final);
  if (log !== undefined) logOutcome(log, final, state);
  return outcome as ProcessOutcome<R>;
}
