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
import type { LogLevel } from './logger';
import { type HandlerState, observedHandler } from './observed-handler';
import { observedStore } from './observed-store';
import type { Observer } from './observer';
import { deliveryFacts, type ProcessedReport, processedReport } from './reports';
import { describeOutcome, processContext } from './stage-contexts';
import { deliveryObserved, elapsedMs, publishWarning, subscribed, traced } from './tracing';

/** A warning as a log line: its fields, with the error reduced to code and name. */
function warningFields(warning: ProcessWarning): Record<string, unknown> {
  const { error, ...rest } = warning as ProcessWarning & { error?: unknown };
  return 'error' in warning ? { ...rest, ...errorFacts(error) } : rest;
}

function warningSink(
  own: ProcessConfig['onWarning'],
  facts: () => DeliveryFacts,
  delivery: ProcessContext | undefined,
  observer: Observer,
): ((warning: ProcessWarning) => void) | undefined {
  const { hooks, log } = observer;
  if (own === undefined && hooks?.onWarning === undefined && !log?.enabled('warn') && !delivery) {
    return undefined;
  }
  return (warning) => {
    isolated(own, warning);
    isolated(hooks?.onWarning, { ...facts(), warning });
    if (log?.enabled('warn'))
      log.write('warn', 'warning', { ...facts(), ...warningFields(warning) });
    if (delivery !== undefined) publishWarning(() => ({ ...facts(), delivery, warning }));
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

/** The log level of an outcome's line, or undefined when it is not logged here. */
function outcomeLevel(outcome: ProcessOutcomeKind, state: HandlerState): LogLevel | undefined {
  // A handler error was logged when it was thrown: once per delivery.
  return outcome === 'failed' && state.failed ? undefined : OUTCOME_LEVEL[outcome];
}

/**
 * `runOnce`, observed. Never throws (as `runOnce`). Nothing is built that nobody reads: with
 * no subscriber, no hook and no log level that would print, this is `runOnce` plus a few
 * checks (measured in bench/observe.ts).
 */
export async function observedRun<R>(
  config: ProcessConfig,
  event: WebhookEvent,
  observer: Observer,
): Promise<ProcessOutcome<R>> {
  const { hooks, log } = observer;
  const observed = deliveryObserved();
  if (!observed && hooks === undefined && log === undefined) return runOnce<R>(config, event);
  const started = monotonicNow();
  let known: DeliveryFacts | undefined;
  const facts = () => {
    known ??= deliveryFacts(event, config.keyPrefix);
    return known;
  };
  const delivery = observed ? processContext(facts(), config.leaseMs) : undefined;
  const infoLog = log?.enabled('info') === true;
  if ((hooks?.onReceipt !== undefined || infoLog) && facts().key !== '') {
    const receivedAt = event.receivedAt instanceof Date ? event.receivedAt : undefined;
    isolated(hooks?.onReceipt, { ...facts(), receivedAt });
    if (infoLog)
      log?.write('info', 'receipt', { ...facts(), receivedAt: receivedAt?.toISOString() });
  }

  const state: HandlerState = { handled: false, failed: false, claims: undefined };
  const run: ProcessConfig = {
    ...config,
    handler: observedHandler(config.handler, facts, delivery, state, observer),
    onWarning: warningSink(config.onWarning, facts, delivery, observer),
    store: delivery === undefined ? config.store : observedStore(config.store, delivery),
  };
  const report = (outcome: ProcessOutcome<R>): ProcessedReport =>
    processedReport(facts(), outcome, elapsedMs(started), state.handled, state.claims);

  let outcome: ProcessOutcome<R> | undefined;
  const channel = delivery === undefined ? undefined : subscribed('process');
  if (channel !== undefined && delivery !== undefined) {
    await traced(channel, delivery, async () => {
      outcome = await runOnce<R>(run, event);
      describeOutcome(delivery, outcome, state.handled, state.claims);
    });
  } else {
    outcome = await runOnce<R>(run, event);
    if (delivery !== undefined) describeOutcome(delivery, outcome, state.handled, state.claims);
  }
  const final = outcome as ProcessOutcome<R>;
  const level = outcomeLevel(final.outcome, state);
  const logged = level !== undefined && log?.enabled(level) === true;
  if (hooks?.onOutcome !== undefined || logged) {
    const done = report(final);
    isolated(hooks?.onOutcome, done);
    if (logged && level !== undefined) {
      log?.write(level, done.outcome === 'failed' ? 'setup_invalid' : done.outcome, { ...done });
    }
  }
  return final;
}
