/**
 * `handleWebhook`: the whole route in one call, for any framework. Parse and verify, claim and
 * run once, and return the reply to send; it never throws, so a framework's own error page can
 * never answer a webhook sender (and leak a stack trace or turn a retryable failure final).
 */
import type { EventOf, WebhookAdapter, WebhookEvent } from './event';
import { adapterName, reportRejection } from './observe/observed-parse';
import { observedRun } from './observe/observed-run';
import { type ObserveOptions, type Observer, resolveObserver } from './observe/observer';
import { providerFacts } from './observe/reports';
import { observeSetupFailure } from './observe/setup-failure';
import { elapsedMs } from './observe/tracing';
import { type ParseEventOptions, parseEvent } from './parse-event';
import { monotonicNow } from './process/lease-keeper';
import { resolveProcessConfig } from './process/options';
import { failedOutcome } from './process/outcomes';
import type { EventHandler, ProcessOnceOptions, ProcessOutcome } from './process-once';
import type { DeliveryInput } from './read-delivery';
import { errorReply, outcomeReply, type WebhookReply } from './response';
import type { DedupeStore } from './store/types';

/**
 * Options of {@link handleWebhook}. `hooks` and `logger` (see `ObserveOptions`) cover the whole
 * route, rejected deliveries included (`onOutcome` with outcome `rejected`); given here they
 * take the place of `process.hooks` and `process.logger`.
 */
export interface HandleWebhookOptions<A extends WebhookAdapter<WebhookEvent>, R>
  extends ObserveOptions {
  /** The provider's adapter. */
  adapter: A;
  /** Where event IDs are claimed. */
  store: DedupeStore;
  /** Your business logic; runs at most once per event. */
  handler: EventHandler<EventOf<A>, R>;
  /** Passed to `parseEvent` (`maxBodyBytes`, `receivedAt`). @default {} */
  parse?: ParseEventOptions;
  /** Passed to `processOnce` (`leaseMs`, `ttlMs`, `replayGuard`...). @default {} */
  process?: ProcessOnceOptions;
}

/** The reply to send, with what led to it for logging. */
export interface HandledWebhook<R> extends WebhookReply {
  /** The processing outcome, when the delivery was parsed. */
  outcome?: ProcessOutcome<R>;
  /** The parse error (bad signature, bad payload...), when it was not. */
  error?: unknown;
}

/**
 * Handle one delivery end to end and return the reply to send. Node frameworks write it with
 * `res.writeHead(reply.status, reply.headers).end(reply.body)`; fetch-style ones wrap it with
 * `replyResponse(reply)`.
 *
 * The setup (`store`, `handler`, `process` options) is checked before the body is read: a
 * mistake answers 500 `CONFIG_INVALID` for every delivery (the provider keeps retrying until it
 * is fixed) instead of hiding behind a 401 for some of them. Never throws.
 *
 * @example
 * const reply = await handleWebhook(request, { adapter, store, handler: fulfil });
 */
export async function handleWebhook<A extends WebhookAdapter<WebhookEvent>, R>(
  input: DeliveryInput,
  options: HandleWebhookOptions<A, R>,
): Promise<HandledWebhook<R>> {
  try {
    const observe: ObserveOptions = {
      hooks: options?.hooks ?? options?.process?.hooks,
      logger: options?.logger ?? options?.process?.logger,
    };
    let config: ReturnType<typeof resolveProcessConfig>;
    let observer: Observer;
    try {
      config = resolveProcessConfig(options?.store, options?.handler, options?.process);
      observer = resolveObserver(observe);
    } catch (error) {
      const facts = providerFacts(adapterName(options?.adapter));
      await observeSetupFailure(observe, facts, failedOutcome('', error));
      return { ...errorReply(error), error };
    }
    const started = monotonicNow();
    let event: EventOf<A>;
    try {
      event = await parseEvent(options.adapter, input, options.parse);
    } catch (error) {
      reportRejection(observer, options.adapter, error, elapsedMs(started));
      return { ...errorReply(error), error };
    }
    const outcome = await observedRun<R>(config, event, observer);
    return { ...outcomeReply(outcome), outcome };
  } catch (error) {
    // A bug: answered, never thrown into the framework's error page.
    return { ...errorReply(error), error };
  }
}
