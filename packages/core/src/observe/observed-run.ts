/**
 * One delivery through the pipeline, observed: the receipt before the claim, the
 * `hooklatch:process` trace around it (claim, handle and complete traced inside), warnings
 * fanned out, and the outcome reported to the hooks and the log.
 *
 * What nobody reads is never built. With no subscriber, no hook and no logger, a delivery is
 * `runOnce` itself. With only hooks or a logger (the default one prints warnings and errors),
 * it is `runOnce` told to one small `DeliveryObservation`: no wrapper, no extra async layer, no
 * context; a report or a line is made only when a hook or an enabled level takes it (measured
 * in bench/observe.ts, target <= 1.02x).
 */
import type { WebhookEvent } from '../event';
import type { ProcessConfig } from '../process/options';
import { runOnce } from '../process/run-once';
import type { ProcessOutcome } from '../process/types';
import type { ProcessContext } from './contexts';
import { DeliveryObservation } from './observation';
import { observedStore } from './observed-store';
import type { Observer } from './observer';
import { deliveryObserved, subscribed, traced } from './tracing';

/** `runOnce`, observed. Never throws (as `runOnce`). */
export function observedRun<R>(
  config: ProcessConfig,
  event: WebhookEvent,
  observer: Observer,
): Promise<ProcessOutcome<R>> {
  const channels = deliveryObserved();
  if (!channels && observer.hooks === undefined && observer.log === undefined) {
    return runOnce<R>(config, event);
  }
  const o = new DeliveryObservation(event, observer, channels ? config.leaseMs : undefined);
  o.receipt();
  if (o.delivery === undefined) return runOnce<R>(config, event, o);
  return tracedRun<R>(config, event, o, o.delivery);
}

/** Traced on `hooklatch:process`, with claim and complete traced on their channels. */
async function tracedRun<R>(
  config: ProcessConfig,
  event: WebhookEvent,
  o: DeliveryObservation,
  delivery: ProcessContext,
): Promise<ProcessOutcome<R>> {
  const run: ProcessConfig = { ...config, store: observedStore(config.store, delivery) };
  const channel = subscribed('process');
  let outcome: ProcessOutcome<R> | undefined;
  const work = async () => {
    outcome = await runOnce<R>(run, event, o);
  };
  if (channel === undefined) await work();
  else await traced(channel, delivery, work);
  const final = outcome as ProcessOutcome<R>;
  // After `process:asyncEnd`, as for an untraced delivery after its answer.
  o.report(final);
  return final;
}
