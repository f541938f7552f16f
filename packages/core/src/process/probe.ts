/**
 * What a run tells whoever observes it, at the moments only the pipeline sees: the handler
 * running (and throwing), each warning, and the outcome. A run without a probe (nothing observes) pays
 * nothing for observation: no wrapper around the handler or the store, no closure.
 */
import type { WebhookEvent } from '../event';
import type { ProcessOutcome, ProcessWarning } from './outcome-types';
import type { EventHandler, HandlerContext } from './types';

export interface RunProbe {
  /**
   * Run `handler` as the owner of the claim and return what it returns (or throws); `startedAt`
   * is now, on `monotonicNow`. The probe may trace it; it must not catch.
   */
  handle(
    // biome-ignore lint/suspicious/noExplicitAny: the handler is typed at the public entry points.
    handler: EventHandler<any, unknown>,
    event: WebhookEvent,
    context: HandlerContext,
    startedAt: number,
  ): unknown;
  /**
   * The handler threw `error`: called once, before its claims are released. Never throws.
   * `next: 'lease'`: the handler returned, but the completion it wrote in its transaction is
   * not committed; the claims are kept until their lease ends (no release).
   */
  handlerFailed(error: unknown, next?: 'lease'): void;
  /** A problem that does not change the outcome (after the `onWarning` option). Never throws. */
  warned(warning: ProcessWarning): void;
  /**
   * The run's outcome, just before `runOnce` returns it; `claimSentAt` is when its first claim
   * was sent (`monotonicNow`), if it got that far. Never throws.
   */
  finished(outcome: ProcessOutcome<unknown>, claimSentAt: number | undefined): void;
}
