/**
 * The handler as the pipeline runs it: traced on `hooklatch:handle` while someone listens, and
 * a throw reported once (the `onError` hook, one `handler_failed` log line) before it goes on
 * to release the claim.
 */
import { monotonicNow } from '../process/lease-keeper';
import type { EventHandler } from '../process/types';
import type { DeliveryFacts, ProcessContext } from './contexts';
import { errorFacts } from './error-facts';
import { isolated } from './hooks';
import type { Observer } from './observer';
import { handleContext } from './stage-contexts';
import { elapsedMs, subscribed, traced } from './tracing';

/** What the delivery learns from its handler. */
export interface HandlerState {
  handled: boolean;
  failed: boolean;
  claims: number | undefined;
}

// biome-ignore lint/suspicious/noExplicitAny: the handler is typed at the public entry points.
type AnyHandler = EventHandler<any, unknown>;

/** `handler`, observed for one delivery. `facts` is called only when something reports. */
export function observedHandler(
  handler: AnyHandler,
  facts: () => DeliveryFacts,
  delivery: ProcessContext | undefined,
  state: HandlerState,
  observer: Observer,
): AnyHandler {
  const failed = (error: unknown, claims: number, started: number): void => {
    state.failed = true;
    const durationMs = elapsedMs(started);
    isolated(observer.hooks?.onError, { ...facts(), error, claims, durationMs });
    if (observer.log?.enabled('error')) {
      observer.log.write('error', 'handler_failed', {
        ...facts(),
        claims,
        durationMs,
        ...errorFacts(error),
      });
    }
  };
  return async (event, context) => {
    state.handled = true;
    state.claims = context.claims;
    const started = monotonicNow();
    try {
      const channel = delivery === undefined ? undefined : subscribed('handle');
      if (channel === undefined || delivery === undefined) return await handler(event, context);
      const traceContext = handleContext(delivery, context.claims);
      let value: unknown;
      await traced(channel, traceContext, async () => {
        value = await handler(event, context);
      });
      return value;
    } catch (error) {
      failed(error, context.claims, started);
      throw error;
    }
  };
}
