/**
 * A delivery that could not run because the setup is wrong (bad options, no store, a handler
 * that is not a function): answered 500 `CONFIG_INVALID` every time until fixed, so it must be
 * as visible as any other answer: a `hooklatch:process` trace (metrics count it among the
 * 5xx), the `onOutcome` hook and one error line.
 */
import type { ProcessOutcome } from '../process/types';
import type { DeliveryFacts } from './contexts';
import { checkHooks, isolated } from './hooks';
import { resolveLogger } from './logger';
import type { ObserveOptions, Observer } from './observer';
import { processedReport } from './reports';
import { describeOutcome, processContext } from './stage-contexts';
import { subscribed, traced } from './tracing';

/** What still works of `options` when `hooks` or `logger` is itself the bad option. */
function usableObserver(options: ObserveOptions | undefined): Observer {
  const part = <T>(resolve: () => T, fallback: () => T): T => {
    try {
      return resolve();
    } catch {
      return fallback();
    }
  };
  return {
    hooks: part(
      () => checkHooks(options?.hooks),
      () => undefined,
    ),
    log: part(
      () => resolveLogger(options?.logger),
      () => resolveLogger(undefined),
    ),
  };
}

/** Report `outcome` (a failed one) for a delivery that never reached the pipeline. */
export async function observeSetupFailure(
  options: ObserveOptions | undefined,
  facts: DeliveryFacts,
  outcome: ProcessOutcome<unknown>,
): Promise<void> {
  const report = processedReport(facts, outcome, 0, false, undefined);
  const channel = subscribed('process');
  if (channel !== undefined) {
    const delivery = processContext(facts, 0);
    await traced(channel, delivery, async () => {
      describeOutcome(delivery, outcome, false, undefined);
    });
  }
  const observer = usableObserver(options);
  isolated(observer.hooks?.onOutcome, report);
  observer.log?.write('error', 'setup_invalid', { ...report });
}
